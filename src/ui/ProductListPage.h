#pragma once

#include "ListPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace MicroShop {

class ProductListModel;
class StockMovementListModel;
struct ShopContext;

// The Products page: the catalog with search, category/status/low-stock filters, the selected
// product's details and stock history, and new, edit, (de)activate, restock and stocktake.
class ProductListPage final : public ListPage
{
    Q_OBJECT

public:
    explicit ProductListPage(ShopContext &shop, QWidget *parent = nullptr);

    void newProduct();
    void showLowStock(); // the products to restock, whatever the other filters were
    void editProduct();
    void toggleActive();
    void restock();
    void stocktake();

protected:
    void showDetails(qint64 id) override;
    void updateActions() override;
    void retranslate() override;

private:
    void fillFilters();
    void selectScanned();

    ShopContext &m_shop;
    ProductListModel *m_products;
    StockMovementListModel *m_history;
    QComboBox *m_categoryFilter;
    QComboBox *m_statusFilter;
    QCheckBox *m_lowStockFilter;
    QLabel *m_details;
    QLabel *m_image;
    QTableView *m_historyView;
    QPushButton *m_activeButton = nullptr;
};

} // namespace MicroShop
