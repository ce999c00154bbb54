#pragma once

#include "Product.h"

#include "ActionDialog.h"

class QLabel;
class QLineEdit;
class QSpinBox;

namespace MicroShop {

struct ShopContext;

// Restock (a purchase adds units) or stocktake (the counted stock replaces the recorded one,
// with a reason) of one product, each a stock movement.
class StockAdjustDialog final : public ActionDialog
{
    Q_OBJECT

public:
    enum class Mode { Restock, Stocktake };

    StockAdjustDialog(ShopContext &shop, const Product &product, Mode mode,
                      QWidget *parent = nullptr);
    bool apply() override; // what OK does; true when stored

private:
    void updatePreview();

    ShopContext &m_shop;
    Product m_product;
    Mode m_mode;
    QSpinBox *m_quantity;
    QLineEdit *m_note;
    QLabel *m_preview;
};

} // namespace MicroShop
