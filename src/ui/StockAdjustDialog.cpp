#include "StockAdjustDialog.h"

#include "CatalogService.h"
#include "Dates.h"
#include "Error.h"
#include "ShopContext.h"
#include "ShopSettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace MicroShop {

StockAdjustDialog::StockAdjustDialog(ShopContext &shop, const Product &product, Mode mode,
                                     QWidget *parent)
    : ActionDialog(parent)
    , m_shop(shop)
    , m_product(product)
    , m_mode(mode)
    , m_quantity(new QSpinBox(this))
    , m_note(new QLineEdit(this))
    , m_preview(new QLabel(this))
{
    setObjectName(QStringLiteral("stockAdjustDialog"));
    setWindowTitle(mode == Mode::Restock ? tr("Restock %1").arg(product.sku)
                                         : tr("Stocktake of %1").arg(product.sku));
    m_quantity->setObjectName(QStringLiteral("quantitySpin"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    if (mode == Mode::Restock) {
        m_quantity->setRange(1, 1000000000);
        m_note->setPlaceholderText(tr("Supplier, purchase number… (optional)"));
    } else {
        m_quantity->setRange(shop.settings.allowNegativeStock() ? -1000000000 : 0, 1000000000);
        m_quantity->setValue(int(product.stock));
        m_note->setPlaceholderText(tr("Why: stocktake, damaged, gift… (required)"));
    }
    m_preview->setObjectName(QStringLiteral("previewLabel"));

    auto *form = new QFormLayout;
    form->addRow(tr("Product:"),
                 new QLabel(product.sku + QStringLiteral(" · ") + product.name, this));
    form->addRow(tr("In stock now:"), new QLabel(QString::number(product.stock), this));
    form->addRow(mode == Mode::Restock ? tr("&Units received:") : tr("&Counted stock:"),
                 m_quantity);
    form->addRow(mode == Mode::Restock ? tr("&Note:") : tr("&Reason:"), m_note);
    form->addRow(QString(), m_preview);
    connect(m_quantity, &QSpinBox::valueChanged, this, &StockAdjustDialog::updatePreview);
    setContent(form);
    updatePreview();
}

void StockAdjustDialog::updatePreview()
{
    const qint64 after = m_mode == Mode::Restock ? m_product.stock + m_quantity->value()
                                                 : m_quantity->value();
    const qint64 change = after - m_product.stock;
    m_preview->setText(tr("Stock after: %1 (%2%3)")
                           .arg(after)
                           .arg(change >= 0 ? QStringLiteral("+") : QString())
                           .arg(change));
}

bool StockAdjustDialog::apply()
{
    return attempt([this] {
        if (m_mode == Mode::Restock)
            m_shop.catalog.restock(m_product.sku, m_quantity->value(), Dates::now(),
                                   m_note->text().trimmed());
        else
            m_shop.catalog.stocktake(m_product.sku, m_quantity->value(), Dates::now(),
                                     m_note->text().trimmed());
    });
}

} // namespace MicroShop
