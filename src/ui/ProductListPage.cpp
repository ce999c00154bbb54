#include "ProductListPage.h"

#include "ProductEditor.h"
#include "StockAdjustDialog.h"

#include "ProductListModel.h"
#include "StockMovementListModel.h"

#include "CatalogService.h"
#include "Error.h"
#include "ExportSource.h"
#include "ShopContext.h"
#include "ShopRepositories.h"
#include "ShopSettings.h"
#include "TeamRole.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace MicroShop {

ProductListPage::ProductListPage(ShopContext &shop, QWidget *parent)
    : ListPage(new ProductListModel(shop.lists(ListKind::Products)), parent)
    , m_shop(shop)
    , m_products(static_cast<ProductListModel *>(model()))
    , m_history(new StockMovementListModel(shop.lists(ListKind::StockMovements), this))
    , m_categoryFilter(new QComboBox(this))
    , m_statusFilter(new QComboBox(this))
    , m_lowStockFilter(new QCheckBox(this))
    , m_details(new QLabel(this))
    , m_image(new QLabel(this))
    , m_historyView(new QTableView(this))
{
    setObjectName(QStringLiteral("productListPage"));
    setTitle([] { return tr("Products"); });
    setSearchPlaceholder([] { return tr("Search SKU, name or barcode (a scanner works too)"); });

    m_categoryFilter->setObjectName(QStringLiteral("categoryFilter"));
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_lowStockFilter->setObjectName(QStringLiteral("lowStockFilter"));
    addFilter(m_categoryFilter);
    addFilter(m_statusFilter);
    addFilter(m_lowStockFilter);
    fillFilters();
    connect(m_categoryFilter, &QComboBox::activated, this, [this] {
        m_products->setFilter(QStringLiteral("category"), m_categoryFilter->currentData());
    });
    connect(m_statusFilter, &QComboBox::activated, this, [this] {
        m_products->setFilter(QStringLiteral("active"), m_statusFilter->currentData());
    });
    connect(m_lowStockFilter, &QCheckBox::toggled, this, [this](bool on) {
        m_products->setFilter(QStringLiteral("lowStock"), on ? QVariant(true) : QVariant());
    });
    // A scanner types the code and Enter: select the product it names.
    connect(findChild<QLineEdit *>(QStringLiteral("searchEdit")), &QLineEdit::returnPressed, this,
            &ProductListPage::selectScanned);
    // Not when the signed-in role may not edit (the window hides the button: MainWindow).
    connect(view(), &QTableView::doubleClicked, this, [this] {
        const auto *edit = findChild<QPushButton *>(QStringLiteral("editButton"));
        if (edit && !edit->isHidden())
            editProduct();
    });
    view()->setColumnWidth(ProductListModel::Name, 170);
    view()->setColumnWidth(ProductListModel::Sku, 90);
    view()->setColumnWidth(ProductListModel::Unit, 50);

    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_image->setObjectName(QStringLiteral("detailsImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->setSortingEnabled(true);
    m_historyView->sortByColumn(StockMovementListModel::MovedAt, Qt::DescendingOrder);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    detailsLayout()->addWidget(m_image);
    detailsLayout()->addWidget(m_details);
    detailsLayout()->addWidget(m_historyView, 1);

    addActionButton(
        QStringLiteral("newButton"), [] { return tr("&New product"); }, QKeySequence::New,
        [this] { newProduct(); }, false);
    addActionButton(
        QStringLiteral("editButton"), [] { return tr("&Edit…"); },
        QKeySequence(Qt::CTRL | Qt::Key_E), [this] { editProduct(); }, true);
    m_activeButton = addActionButton(
        QStringLiteral("activeButton"), [] { return tr("Deactivate"); },
        QKeySequence(Qt::CTRL | Qt::Key_D), [this] { toggleActive(); }, true);
    addActionButton(
        QStringLiteral("restockButton"), [] { return tr("&Restock…"); },
        QKeySequence(Qt::CTRL | Qt::Key_R), [this] { restock(); }, true);
    addActionButton(
        QStringLiteral("stocktakeButton"), [] { return tr("S&tocktake…"); },
        QKeySequence(Qt::CTRL | Qt::Key_T), [this] { stocktake(); }, true);
    addImportExportActions();
    addActionButton(
        QStringLiteral("exportStockButton"), [] { return tr("Export stock movements…"); },
        QKeySequence(), [this] { emit exportKindRequested(int(ExportKind::Stock)); }, false);
    showDetails(0);
}

void ProductListPage::fillFilters()
{
    const QVariant category = m_categoryFilter->currentData();
    m_categoryFilter->clear();
    m_categoryFilter->addItem(tr("All categories"), QVariant());
    for (const QString &name : m_shop.productCategories())
        m_categoryFilter->addItem(name, name);
    m_categoryFilter->setCurrentIndex(qMax(0, m_categoryFilter->findData(category)));
    const QVariant status = m_statusFilter->currentData();
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("Active and inactive"), QVariant());
    m_statusFilter->addItem(tr("Active only"), true);
    m_statusFilter->addItem(tr("Inactive only"), false);
    m_statusFilter->setCurrentIndex(qMax(0, m_statusFilter->findData(status)));
    m_lowStockFilter->setText(tr("Low stock only"));
}

void ProductListPage::selectScanned()
{
    if (model()->rowCount() == 1)
        view()->selectRow(0);
}

void ProductListPage::showDetails(qint64 id)
{
    const auto product = id ? m_shop.productRepository.findById(id) : std::nullopt;
    if (!product) {
        m_details->setText(tr("Select a product to see its details and stock history."));
        m_image->clear();
        m_image->hide();
        m_history->setFilter(QStringLiteral("product"), qlonglong(-1));
        return;
    }
    // A clerk reads prices, not costs (team.md): the server gives 0, the row is left empty.
    const bool seesCosts = TeamAccess::may(m_shop.role, Capability::SeeCosts);
    QStringList rates;
    for (int level = 1; level <= m_shop.settings.commissionLevels(); ++level) {
        const auto &rate = product->rates[level - 1];
        rates.append(rate ? tr("level %1: %2 %").arg(level).arg(rate->toString())
                          : tr("level %1: shop default (%2 %)")
                                .arg(level)
                                .arg(m_shop.settings.commissionRate(level).toString()));
    }
    const QString low
        = product->isLowOnStock() && product->active
              ? QStringLiteral(" <span style='color:#c0392b'>%1</span>").arg(tr("(low)"))
              : QString();
    m_details->setText(
        QStringLiteral("<h3>%1</h3><p>%2</p><table>"
                       "<tr><td>%3</td><td><b>%4</b></td></tr><tr><td>%5</td><td>%6</td></tr>"
                       "<tr><td>%7</td><td><b>%8</b>%9</td></tr><tr><td>%10</td><td>%11</td></tr>"
                       "<tr><td>%12</td><td>%13</td></tr><tr><td>%14</td><td>%15</td></tr>"
                       "<tr><td>%16</td><td>%17</td></tr></table><p>%18</p>")
            .arg(product->name.toHtmlEscaped(), product->sku.toHtmlEscaped(), tr("Price"),
                 product->price.toString(), seesCosts ? tr("Cost") : QString(),
                 seesCosts ? product->cost.toString() : QString(), tr("Stock"),
                 QString::number(product->stock), low, tr("Low at"),
                 QString::number(product->lowStock))
            .arg(tr("Category"), product->category.toHtmlEscaped(), tr("Barcode"),
                 product->barcode.toHtmlEscaped(), tr("Status"),
                 product->active ? tr("Active") : tr("Inactive"),
                 tr("Commission: %1").arg(rates.join(QStringLiteral("; ")))));
    QPixmap pixmap;
    if (!product->image.isEmpty() && pixmap.loadFromData(product->image)) {
        m_image->setPixmap(pixmap.scaled(160, 160, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        m_image->show();
    } else {
        m_image->hide();
    }
    m_history->setFilter(QStringLiteral("product"), qlonglong(product->id));
}

void ProductListPage::updateActions()
{
    ListPage::updateActions();
    if (!m_activeButton)
        return; // still being built
    const QModelIndexList selected = view()->selectionModel()
                                         ? view()->selectionModel()->selectedRows()
                                         : QModelIndexList();
    const int row = selected.isEmpty() ? -1 : selected.constFirst().row();
    const bool active = row < 0 || model()->rawValue(row, ProductListModel::Active).toInt() != 0;
    m_activeButton->setText(active ? tr("Deactivate") : tr("Activate"));
}

void ProductListPage::retranslate()
{
    fillFilters();
    ListPage::retranslate();
}

void ProductListPage::showLowStock()
{
    clearSearch();
    m_categoryFilter->setCurrentIndex(0);
    m_products->setFilter(QStringLiteral("category"), m_categoryFilter->currentData());
    m_statusFilter->setCurrentIndex(0);
    m_products->setFilter(QStringLiteral("active"), m_statusFilter->currentData());
    m_lowStockFilter->setChecked(true);
}

void ProductListPage::newProduct()
{
    Product draft;
    draft.lowStock = 5;
    ProductEditor editor(m_shop, draft, this);
    if (editor.exec() != QDialog::Accepted)
        return;
    fillFilters();
    refresh();
    selectId(editor.product().id);
}

void ProductListPage::editProduct()
{
    const auto product = m_shop.productRepository.findById(currentId());
    if (!product)
        return;
    ProductEditor editor(m_shop, *product, this);
    if (editor.exec() == QDialog::Accepted) {
        fillFilters();
        refresh();
    }
}

void ProductListPage::toggleActive()
{
    auto product = m_shop.productRepository.findById(currentId());
    if (!product)
        return;
    product->active = !product->active;
    try {
        m_shop.catalog.update(*product);
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Products"), error.message());
    }
    refresh();
}

void ProductListPage::restock()
{
    const auto product = m_shop.productRepository.findById(currentId());
    if (!product)
        return;
    StockAdjustDialog dialog(m_shop, *product, StockAdjustDialog::Mode::Restock, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void ProductListPage::stocktake()
{
    const auto product = m_shop.productRepository.findById(currentId());
    if (!product)
        return;
    StockAdjustDialog dialog(m_shop, *product, StockAdjustDialog::Mode::Stocktake, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

} // namespace MicroShop
