#include "ProductEditor.h"

#include "CatalogService.h"
#include "Dates.h"
#include "Error.h"
#include "ShopContext.h"
#include "ShopSettings.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace MicroShop {

namespace {

constexpr int maxImageSide = 512;
const QString badField = QStringLiteral("border: 1px solid #c0392b;");

} // namespace

ProductEditor::ProductEditor(ShopContext &shop, const Product &product, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_product(product)
    , m_sku(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_unit(new QLineEdit(this))
    , m_price(new QLineEdit(this))
    , m_cost(new QLineEdit(this))
    , m_stock(new QSpinBox(this))
    , m_lowStock(new QSpinBox(this))
    , m_barcode(new QLineEdit(this))
    , m_active(new QCheckBox(tr("Active: can be sold"), this))
    , m_image(new QLabel(this))
    , m_notes(new QPlainTextEdit(this))
    , m_errors(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("productEditor"));
    setWindowTitle(product.id ? tr("Edit product %1").arg(product.sku) : tr("New product"));
    m_sku->setObjectName(QStringLiteral("skuEdit"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_category->setObjectName(QStringLiteral("categoryEdit"));
    m_category->setEditable(true);
    m_category->addItems(shop.productCategories());
    m_unit->setObjectName(QStringLiteral("unitEdit"));
    m_unit->setPlaceholderText(tr("e.g. box, piece, bottle"));
    m_price->setObjectName(QStringLiteral("priceEdit"));
    m_price->setPlaceholderText(QStringLiteral("0.00"));
    m_cost->setObjectName(QStringLiteral("costEdit"));
    m_cost->setPlaceholderText(QStringLiteral("0.00"));
    m_stock->setObjectName(QStringLiteral("stockSpin"));
    m_stock->setRange(shop.settings.allowNegativeStock() ? -1000000000 : 0, 1000000000);
    m_stock->setEnabled(product.id == 0); // an existing product's stock moves by restock/stocktake
    m_lowStock->setObjectName(QStringLiteral("lowStockSpin"));
    m_lowStock->setRange(0, 1000000000);
    m_barcode->setObjectName(QStringLiteral("barcodeEdit"));
    m_active->setObjectName(QStringLiteral("activeCheck"));
    m_image->setObjectName(QStringLiteral("imageLabel"));
    m_image->setFixedSize(120, 120);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setMaximumHeight(70);
    m_errors->setObjectName(QStringLiteral("errorLabel"));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&SKU:"), m_sku);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Category:"), m_category);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("&Price:"), m_price);
    form->addRow(tr("C&ost:"), m_cost);
    form->addRow(product.id ? tr("Stock:") : tr("Opening &stock:"), m_stock);
    form->addRow(tr("&Low-stock level:"), m_lowStock);
    form->addRow(tr("&Barcode:"), m_barcode);
    form->addRow(QString(), m_active);
    const int levels = shop.settings.commissionLevels();
    for (int level = 1; level <= 3; ++level) {
        QLineEdit *&rate = m_rates[level - 1];
        rate = new QLineEdit(this);
        rate->setObjectName(QStringLiteral("rate%1Edit").arg(level));
        rate->setPlaceholderText(
            tr("shop default: %1").arg(shop.settings.commissionRate(level).toString()));
        rate->setEnabled(level <= levels);
        form->addRow(tr("Level %1 commission (%):").arg(level), rate);
    }
    form->addRow(tr("No&tes:"), m_notes);

    auto *chooseButton = new QPushButton(tr("Choose &image…"), this);
    auto *removeButton = new QPushButton(tr("&Remove image"), this);
    connect(chooseButton, &QPushButton::clicked, this, &ProductEditor::chooseImage);
    connect(removeButton, &QPushButton::clicked, this, [this] {
        m_product.image.clear();
        showImage();
    });
    auto *imageColumn = new QVBoxLayout;
    imageColumn->addWidget(m_image);
    imageColumn->addWidget(chooseButton);
    imageColumn->addWidget(removeButton);
    imageColumn->addStretch();

    auto *columns = new QHBoxLayout;
    columns->addLayout(form, 1);
    columns->addLayout(imageColumn);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_errors);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showProduct(product);
    m_errors->hide();
}

void ProductEditor::showProduct(const Product &product)
{
    m_product = product;
    m_sku->setText(product.sku);
    m_name->setText(product.name);
    m_category->setCurrentText(product.category);
    m_unit->setText(product.unit);
    m_price->setText(product.id ? product.price.toString() : QString());
    m_cost->setText(product.id ? product.cost.toString() : QString());
    m_stock->setValue(int(product.stock));
    m_lowStock->setValue(int(product.lowStock));
    m_barcode->setText(product.barcode);
    m_active->setChecked(product.active);
    m_notes->setPlainText(product.notes);
    for (int level = 0; level < 3; ++level)
        m_rates[level]->setText(product.rates[level] ? product.rates[level]->toString()
                                                     : QString());
    showImage();
}

void ProductEditor::chooseImage()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Product image"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
    if (file.isEmpty())
        return;
    QImage image(file);
    if (image.isNull()) {
        markProblems({{QString(), tr("%1 is not an image this program can read.").arg(file)}});
        return;
    }
    if (image.width() > maxImageSide || image.height() > maxImageSide)
        image = image.scaled(maxImageSide, maxImageSide, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    QBuffer buffer(&m_product.image);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    showImage();
}

void ProductEditor::showImage()
{
    QPixmap pixmap;
    if (!m_product.image.isEmpty() && pixmap.loadFromData(m_product.image))
        m_image->setPixmap(
            pixmap.scaled(m_image->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_image->setText(tr("No image"));
}

void ProductEditor::markProblems(const QList<std::pair<QString, QString>> &problems)
{
    const QHash<QString, QWidget *> fields = {
        {QStringLiteral("sku"), m_sku},         {QStringLiteral("name"), m_name},
        {QStringLiteral("price"), m_price},     {QStringLiteral("cost"), m_cost},
        {QStringLiteral("stock"), m_stock},     {QStringLiteral("low_stock"), m_lowStock},
        {QStringLiteral("barcode"), m_barcode}, {QStringLiteral("rate1"), m_rates[0]},
        {QStringLiteral("rate2"), m_rates[1]},  {QStringLiteral("rate3"), m_rates[2]}};
    for (QWidget *field : fields)
        field->setStyleSheet(QString());
    QStringList messages;
    for (const auto &[field, message] : problems) {
        if (QWidget *widget = fields.value(field))
            widget->setStyleSheet(badField);
        messages.append(message);
    }
    m_errors->setText(messages.join(u'\n'));
    m_errors->setVisible(!messages.isEmpty());
}

bool ProductEditor::save()
{
    QList<std::pair<QString, QString>> problems;
    Product product = m_product;
    product.sku = m_sku->text().trimmed();
    product.name = m_name->text().trimmed();
    product.category = m_category->currentText().trimmed();
    product.unit = m_unit->text().trimmed();
    const auto parseMoney = [&](QLineEdit *edit, const QString &field, const QString &label,
                                Money *target) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty()) {
            *target = Money();
            return;
        }
        QString why;
        const auto value = Money::parse(text, &why);
        if (value)
            *target = *value;
        else
            problems.append({field, label + u' ' + why});
    };
    parseMoney(m_price, QStringLiteral("price"), tr("Price:"), &product.price);
    parseMoney(m_cost, QStringLiteral("cost"), tr("Cost:"), &product.cost);
    product.stock = m_stock->value();
    product.lowStock = m_lowStock->value();
    product.barcode = m_barcode->text().trimmed();
    product.active = m_active->isChecked();
    product.notes = m_notes->toPlainText();
    for (int level = 0; level < 3; ++level) {
        const QString text = m_rates[level]->text().trimmed();
        if (text.isEmpty()) {
            product.rates[level].reset();
            continue;
        }
        QString why;
        const auto rate = Rate::parse(text, &why);
        if (rate)
            product.rates[level] = *rate;
        else
            problems.append({QStringLiteral("rate%1").arg(level + 1),
                             tr("Level %1:").arg(level + 1) + u' ' + why});
    }
    if (!problems.isEmpty()) {
        markProblems(problems);
        return false;
    }
    try {
        m_product = product.id ? m_shop.catalog.update(product)
                               : m_shop.catalog.create(product, Dates::now());
    } catch (const ValidationError &error) {
        for (const FieldProblem &problem : error.problems())
            problems.append({problem.field, problem.message});
        markProblems(problems);
        return false;
    } catch (const StaleError &error) {
        if (const auto stored = m_shop.catalog.productWithId(m_product.id))
            showProduct(*stored); // what the other desktop saved
        markProblems({{QString(), error.message()}});
        return false;
    } catch (const Error &error) {
        markProblems({{QString(), error.message()}});
        return false;
    }
    return true;
}

} // namespace MicroShop
