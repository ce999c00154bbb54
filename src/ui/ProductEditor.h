#pragma once

#include "Product.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace MicroShop {

struct ShopContext;

// Creates or edits one product: every field of domain.md, its image and per-level commission
// overrides; Save goes through CatalogService, and a refused field is marked with its reason.
class ProductEditor final : public QDialog
{
    Q_OBJECT

public:
    // product.id == 0: a new product.
    ProductEditor(ShopContext &shop, const Product &product, QWidget *parent = nullptr);

    const Product &product() const { return m_product; }
    bool save(); // what Save does; true when stored

private:
    void showProduct(const Product &product); // the fields as the product has them
    void chooseImage();
    void showImage();
    void markProblems(const QList<std::pair<QString, QString>> &problems);

    ShopContext &m_shop;
    Product m_product;
    QLineEdit *m_sku;
    QLineEdit *m_name;
    QComboBox *m_category;
    QLineEdit *m_unit;
    QLineEdit *m_price;
    QLineEdit *m_cost;
    QSpinBox *m_stock;
    QSpinBox *m_lowStock;
    QLineEdit *m_barcode;
    QCheckBox *m_active;
    QLabel *m_image;
    QLineEdit *m_rates[3];
    QPlainTextEdit *m_notes;
    QLabel *m_errors;
    QDialogButtonBox *m_buttons;
};

} // namespace MicroShop
