#pragma once

#include "ListPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace MicroShop {

class CustomerListModel;
class OrderListModel;
struct ShopContext;

// The Customers page: search by name, phone or WeChat, channel and distributor filters, the
// "not bought for N days" follow-up list, the selected customer's details and purchase history,
// and new, edit, delete and rebind.
class CustomerListPage final : public ListPage
{
    Q_OBJECT

public:
    explicit CustomerListPage(ShopContext &shop, QWidget *parent = nullptr);

    void newCustomer();
    void editCustomer();
    void deleteCustomer();
    void rebindCustomer();

protected:
    void showDetails(qint64 id) override;
    void retranslate() override;

private:
    void fillFilters();
    void applyNotBoughtFilter();

    ShopContext &m_shop;
    CustomerListModel *m_customers;
    OrderListModel *m_history;
    QComboBox *m_channelFilter;
    QLineEdit *m_distributorFilter;
    QCheckBox *m_notBoughtCheck;
    QSpinBox *m_notBoughtDays;
    QLabel *m_details;
    QTableView *m_historyView;
};

} // namespace MicroShop
