#include "PlatformImportDialog.h"

#include "BackgroundTask.h"

#include "PlatformCells.h"
#include "PlatformFormats.h"
#include "TableSource.h"

#include "ListSource.h"
#include "ShopContext.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

// What the merchant reads for each field MicroShop takes from a platform's file.
QString fieldName(PlatformField field)
{
    switch (field) {
    case PlatformField::OrderNo:
        return PlatformImportDialog::tr("Order number");
    case PlatformField::CreatedAt:
        return PlatformImportDialog::tr("Placed at");
    case PlatformField::PaidAt:
        return PlatformImportDialog::tr("Paid at");
    case PlatformField::ShippedAt:
        return PlatformImportDialog::tr("Shipped at");
    case PlatformField::CompletedAt:
        return PlatformImportDialog::tr("Completed at");
    case PlatformField::Status:
        return PlatformImportDialog::tr("Status");
    case PlatformField::AfterSale:
        return PlatformImportDialog::tr("After-sale status");
    case PlatformField::BuyerAccount:
        return PlatformImportDialog::tr("Buyer account");
    case PlatformField::Receiver:
        return PlatformImportDialog::tr("Receiver");
    case PlatformField::Phone:
        return PlatformImportDialog::tr("Phone");
    case PlatformField::Province:
        return PlatformImportDialog::tr("Province");
    case PlatformField::City:
        return PlatformImportDialog::tr("City");
    case PlatformField::District:
        return PlatformImportDialog::tr("District");
    case PlatformField::Detail:
        return PlatformImportDialog::tr("Address");
    case PlatformField::FullAddress:
        return PlatformImportDialog::tr("Whole address");
    case PlatformField::ItemCode:
        return PlatformImportDialog::tr("Item code");
    case PlatformField::SpecCode:
        return PlatformImportDialog::tr("Spec code");
    case PlatformField::ItemName:
        return PlatformImportDialog::tr("Item");
    case PlatformField::Spec:
        return PlatformImportDialog::tr("Spec");
    case PlatformField::Quantity:
        return PlatformImportDialog::tr("Quantity");
    case PlatformField::UnitPrice:
        return PlatformImportDialog::tr("Unit price");
    case PlatformField::GoodsTotal:
        return PlatformImportDialog::tr("Goods total");
    case PlatformField::ShippingFee:
        return PlatformImportDialog::tr("Shipping fee");
    case PlatformField::ShopDiscount:
        return PlatformImportDialog::tr("Shop discount");
    case PlatformField::PaidAmount:
        return PlatformImportDialog::tr("Paid amount");
    case PlatformField::Courier:
        return PlatformImportDialog::tr("Courier");
    case PlatformField::Tracking:
        return PlatformImportDialog::tr("Tracking no.");
    case PlatformField::DistributorName:
        return PlatformImportDialog::tr("Distributor");
    case PlatformField::DistributorPhone:
        return PlatformImportDialog::tr("Distributor's phone");
    }
    return QString();
}

constexpr int productColumn = 3;
constexpr int pickerProducts = 20000;

} // namespace

PlatformImportDialog::PlatformImportDialog(ShopContext &shop, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_fileEdit(new QLineEdit(this))
    , m_platformCombo(new QComboBox(this))
    , m_detectedLabel(new QLabel(this))
    , m_columns(new QTableWidget(this))
    , m_unmatchedLabel(new QLabel(this))
    , m_unmatched(new QTableWidget(this))
    , m_statusLabel(new QLabel(this))
    , m_messages(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_importButton(m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("platformImportDialog"));
    setWindowTitle(tr("Import orders from a platform"));
    resize(900, 680);

    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(
        tr("Choose an order export of Youzan, Weidian, Taobao or Pinduoduo (CSV or Excel)"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &PlatformImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);

    m_platformCombo->setObjectName(QStringLiteral("platformCombo"));
    m_platformCombo->addItem(tr("Detect from the file's columns"), QString());
    for (const Platform platform : Platforms::all())
        m_platformCombo->addItem(Platforms::displayName(platform), Platforms::code(platform));
    connect(m_platformCombo, &QComboBox::currentIndexChanged, this, &PlatformImportDialog::check);

    m_detectedLabel->setObjectName(QStringLiteral("detectedLabel"));
    m_detectedLabel->setWordWrap(true);
    m_columns->setObjectName(QStringLiteral("columnsTable"));
    m_columns->setColumnCount(2);
    m_columns->setHorizontalHeaderLabels({tr("MicroShop reads"), tr("from the file's column")});
    m_columns->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columns->verticalHeader()->hide();
    m_columns->horizontalHeader()->setStretchLastSection(true);

    m_unmatchedLabel->setObjectName(QStringLiteral("unmatchedLabel"));
    m_unmatchedLabel->setWordWrap(true);
    m_unmatched->setObjectName(QStringLiteral("unmatchedTable"));
    m_unmatched->setColumnCount(4);
    m_unmatched->setHorizontalHeaderLabels(
        {tr("Item on the platform"), tr("Spec"), tr("Code"), tr("Product in MicroShop")});
    m_unmatched->verticalHeader()->hide();
    m_unmatched->horizontalHeader()->setStretchLastSection(true);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_messages->setObjectName(QStringLiteral("messageList"));
    m_messages->setReadOnly(true);
    m_messages->setMaximumHeight(130);
    m_messages->hide();

    m_importButton->setObjectName(QStringLiteral("importButton"));
    connect(m_importButton, &QPushButton::clicked, this, &PlatformImportDialog::importNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this,
            [this] { m_imported ? accept() : reject(); });

    auto *platformRow = new QFormLayout;
    platformRow->addRow(tr("&Platform:"), m_platformCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(platformRow);
    layout->addWidget(m_detectedLabel);
    layout->addWidget(m_columns, 1);
    layout->addWidget(m_unmatchedLabel);
    layout->addWidget(m_unmatched, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_messages);
    layout->addWidget(m_buttons);
    updateState();
}

void PlatformImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, windowTitle(), QString(), tr("Order exports (*.csv *.xlsx *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void PlatformImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_fileEdit->setText(QDir::toNativeSeparators(path));
    // The header now; the rows are read as a stream by each check and import.
    m_header = openTableSource(path)->header();
    m_opened = true;
    m_imported = false;
    check();
}

std::optional<Platform> PlatformImportDialog::chosenPlatform() const
{
    return Platforms::fromCode(m_platformCombo->currentData().toString());
}

// Reads and matches the whole file, writing nothing, so the merchant sees what Import will do.
void PlatformImportDialog::check()
{
    if (!m_opened)
        return;
    bool ran = false;
    m_report = run(PlatformImporter::Mode::Check, &ran);
    showColumns();
    showUnmatched();
    updateState();
}

PlatformImporter::Report PlatformImportDialog::run(PlatformImporter::Mode mode, bool *ran)
{
    // Off the UI thread, on a connection of its own: progress, Cancel, a window that paints.
    const QString fileName = QFileInfo(m_path).fileName();
    const std::optional<Platform> platform = chosenPlatform();
    const QList<ProductAlias> aliases = pickedAliases();
    const QString path = m_path;
    PlatformImporter::Report report;
    QString message;
    const auto outcome = BackgroundTask::run(
        this, m_shop,
        mode == PlatformImporter::Mode::Check ? tr("Checking %1…").arg(fileName)
                                              : tr("Importing %1…").arg(fileName),
        [&](ShopContext &shop, const ProgressCallback &progress) {
            PlatformImporter importer(shop);
            importer.setProgress(progress);
            importer.addAliases(aliases);
            const std::unique_ptr<TableSource> source = openTableSource(path);
            report = importer.import(*source, fileName, platform, mode);
        },
        &message);
    *ran = outcome == BackgroundTask::Outcome::Done;
    if (!*ran)
        report.errors = {outcome == BackgroundTask::Outcome::Cancelled
                             ? tr("Import cancelled: nothing was saved.")
                             : message};
    return report;
}

void PlatformImportDialog::showColumns()
{
    m_columns->setRowCount(0);
    if (!m_report.platform) {
        m_detectedLabel->setText(tr("This file is not an order export MicroShop knows."));
        return;
    }
    const PlatformFormat &format = PlatformFormats::of(*m_report.platform);
    QStringList header;
    for (const QString &name : std::as_const(m_header))
        header.append(PlatformCells::clean(name));
    for (const PlatformFormat::Column &column : format.columns) {
        for (const QString &name : column.names) {
            if (!header.contains(name))
                continue;
            const int row = m_columns->rowCount();
            m_columns->insertRow(row);
            m_columns->setItem(row, 0, new QTableWidgetItem(fieldName(column.field)));
            m_columns->setItem(row, 1, new QTableWidgetItem(name));
            break;
        }
    }
    m_columns->resizeColumnToContents(0);
    m_detectedLabel->setText(tr("%1 order export: %2 order(s) in %3 row(s).")
                                 .arg(Platforms::displayName(*m_report.platform))
                                 .arg(m_report.orders)
                                 .arg(m_report.rows));
}

void PlatformImportDialog::showUnmatched()
{
    m_unmatched->setRowCount(0);
    const QList<PlatformImporter::UnmatchedItem> &items = m_report.unmatched;
    m_unmatched->setVisible(!items.isEmpty());
    m_unmatchedLabel->setVisible(!items.isEmpty());
    if (items.isEmpty())
        return;
    m_unmatchedLabel->setText(tr("%1 item(s) of the file match no product by SKU or alias. Pick "
                                 "the product each one is: MicroShop remembers it for the next "
                                 "file from %2.")
                                  .arg(items.size())
                                  .arg(Platforms::displayName(*m_report.platform)));
    if (m_products.isEmpty()) {
        ListQuery query;
        query.filters.insert(QStringLiteral("active"), true);
        for (const QVariantList &row :
             m_shop.lists(ListKind::Products)->fetch(query, 0, pickerProducts, -1))
            m_products.append({row.value(1).toString(), row.value(2).toString()});
    }
    QStringList choices{QString()};
    for (const auto &[sku, name] : std::as_const(m_products))
        choices.append(sku + QStringLiteral(" · ") + name);
    auto *model = new QStringListModel(choices, m_unmatched);
    for (const PlatformImporter::UnmatchedItem &item : items) {
        const int row = m_unmatched->rowCount();
        m_unmatched->insertRow(row);
        for (const auto &[column, text] :
             {std::pair{0, item.name}, std::pair{1, item.spec}, std::pair{2, item.code}}) {
            auto *cell = new QTableWidgetItem(text);
            cell->setFlags(cell->flags() & ~Qt::ItemIsEditable);
            m_unmatched->setItem(row, column, cell);
        }
        auto *picker = new QComboBox(m_unmatched);
        picker->setObjectName(QStringLiteral("productPicker%1").arg(row));
        picker->setEditable(true);
        picker->setInsertPolicy(QComboBox::NoInsert);
        picker->setModel(model);
        picker->completer()->setFilterMode(Qt::MatchContains);
        picker->completer()->setCompletionMode(QCompleter::PopupCompletion);
        picker->lineEdit()->setPlaceholderText(tr("Type a SKU or a name"));
        picker->setCurrentIndex(0);
        connect(picker, &QComboBox::currentTextChanged, this, &PlatformImportDialog::updateState);
        m_unmatched->setCellWidget(row, productColumn, picker);
    }
    m_unmatched->resizeColumnsToContents();
    m_unmatched->horizontalHeader()->setSectionResizeMode(productColumn, QHeaderView::Stretch);
}

void PlatformImportDialog::pickProduct(int row, const QString &sku)
{
    auto *picker = qobject_cast<QComboBox *>(m_unmatched->cellWidget(row, productColumn));
    if (!picker)
        return;
    for (int i = 0; i < picker->count(); ++i) {
        if (picker->itemText(i).section(QStringLiteral(" · "), 0, 0) == sku)
            picker->setCurrentIndex(i);
    }
}

QList<ProductAlias> PlatformImportDialog::pickedAliases() const
{
    QList<ProductAlias> aliases;
    if (!m_report.platform)
        return aliases;
    for (int row = 0; row < m_unmatched->rowCount() && row < m_report.unmatched.size(); ++row) {
        const auto *picker = qobject_cast<QComboBox *>(m_unmatched->cellWidget(row, productColumn));
        const QString sku
            = picker ? picker->currentText().section(QStringLiteral(" · "), 0, 0).trimmed()
                     : QString();
        if (sku.isEmpty())
            continue;
        const PlatformImporter::UnmatchedItem &item = m_report.unmatched.at(row);
        // By the platform's code where the item has one, else by its name and spec.
        aliases.append({*m_report.platform, item.code, item.code.isEmpty() ? item.name : QString(),
                        item.code.isEmpty() ? item.spec : QString(), sku});
    }
    return aliases;
}

void PlatformImportDialog::updateState()
{
    m_messages->setVisible(!m_report.errors.isEmpty() || !m_report.notes.isEmpty());
    m_statusLabel->setStyleSheet(QString());
    if (!m_opened) {
        m_importButton->setEnabled(false);
        m_statusLabel->setText(tr("Choose a file to see what it holds before anything is "
                                  "imported."));
        return;
    }
    if (m_imported) {
        m_importButton->setEnabled(false);
        m_statusLabel->setText(tr("Imported: %1 order(s) created, %2 updated, %3 unchanged.")
                                   .arg(m_report.created)
                                   .arg(m_report.updated)
                                   .arg(m_report.unchanged));
        m_messages->setPlainText(m_report.notes.join(u'\n'));
        return;
    }
    const qsizetype unmatched = m_report.unmatched.size();
    const qsizetype picked = pickedAliases().size();
    const qsizetype otherErrors = m_report.errors.size() - m_report.unmatchedErrors;
    m_importButton->setEnabled(m_report.platform && otherErrors == 0 && picked == unmatched);
    m_messages->setPlainText(m_report.errors.join(u'\n'));
    if (otherErrors > 0) {
        m_statusLabel->setText(tr("Nothing can be imported: %1 problem(s) to fix in the file (line "
                                  "and column given for each).")
                                   .arg(otherErrors));
        m_statusLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    } else if (picked < unmatched) {
        m_statusLabel->setText(tr("Pick a product for every item above (%1 of %2 picked).")
                                   .arg(picked)
                                   .arg(unmatched));
    } else {
        m_statusLabel->setText(tr("Ready: orders already imported are moved forward, never "
                                  "duplicated, and nothing is imported if one row is wrong."));
    }
}

bool PlatformImportDialog::importNow()
{
    if (!m_importButton->isEnabled())
        return false;
    bool ran = false;
    const PlatformImporter::Report report = run(PlatformImporter::Mode::Import, &ran);
    if (ran && report.ok()) {
        m_report = report;
        m_imported = true;
        m_unmatched->hide();
        m_unmatchedLabel->hide();
        updateState();
        m_buttons->button(QDialogButtonBox::Close)->setFocus();
        return true;
    }
    m_report.errors = report.errors;
    m_report.notes.clear();
    updateState();
    m_statusLabel->setText(tr("Nothing was imported: %1").arg(report.errors.value(0)));
    m_statusLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    return false;
}

} // namespace MicroShop
