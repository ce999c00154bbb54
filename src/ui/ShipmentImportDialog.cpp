#include "ShipmentImportDialog.h"

#include "BackgroundTask.h"

#include "Dates.h"
#include "ShopContext.h"
#include "TableSource.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

const QString errorStyle = QStringLiteral("color: #c0392b;");

} // namespace

ShipmentImportDialog::ShipmentImportDialog(ShopContext &shop, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_fileEdit(new QLineEdit(this))
    , m_statusLabel(new QLabel(this))
    , m_messages(new QPlainTextEdit(this))
    , m_table(new QTableWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_shipButton(m_buttons->addButton(tr("&Ship"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("shipmentImportDialog"));
    setWindowTitle(tr("Import tracking numbers"));
    resize(860, 600);

    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(
        tr("Choose a file of order_no, courier, tracking (and shipped_at), CSV or Excel"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ShipmentImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_messages->setObjectName(QStringLiteral("messageList"));
    m_messages->setReadOnly(true);
    m_messages->hide();

    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Order"), tr("Receiver"), tr("Courier"), tr("Tracking number"), tr("Shipped at")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_shipButton->setObjectName(QStringLiteral("shipButton"));
    connect(m_shipButton, &QPushButton::clicked, this, &ShipmentImportDialog::shipNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this,
            [this] { changedShop() ? accept() : reject(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_messages, 1);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_buttons);
    updateState();
}

void ShipmentImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, windowTitle(), QString(), tr("Tracking files (*.csv *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

ShipmentImporter::Report ShipmentImportDialog::run(ShipmentImporter::Mode mode)
{
    // Off the UI thread, on a connection of its own.
    const QString path = m_path;
    const QString fileName = QFileInfo(path).fileName();
    ShipmentImporter::Report report;
    QString message;
    const bool check = mode == ShipmentImporter::Mode::Check;
    const auto outcome = BackgroundTask::run(
        this, m_shop, check ? tr("Checking %1…").arg(fileName) : tr("Shipping…"),
        [&](ShopContext &shop, const ProgressCallback &progress) {
            ShipmentImporter importer(shop);
            importer.setProgress(progress);
            const std::unique_ptr<TableSource> source = openTableSource(path);
            report = importer.import(*source, fileName, mode);
        },
        &message, check ? BackgroundTask::Cancel::Offered : BackgroundTask::Cancel::NotOffered);
    if (outcome == BackgroundTask::Outcome::Cancelled)
        report = {};
    else if (outcome != BackgroundTask::Outcome::Done)
        report.errors = {message};
    return report;
}

void ShipmentImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_fileEdit->setText(QDir::toNativeSeparators(path));
    m_shipped = false;
    m_report = run(ShipmentImporter::Mode::Check);
    fillPreview();
    updateState();
}

bool ShipmentImportDialog::shipNow()
{
    if (!m_shipButton->isEnabled())
        return false;
    ShipmentImporter::Report report = run(ShipmentImporter::Mode::Import);
    m_shipped = report.ok() && report.shipped > 0;
    if (report.ok())
        report.rows = m_report.rows; // what the check showed is what was shipped
    m_report = report;
    fillPreview();
    updateState();
    return m_shipped;
}

void ShipmentImportDialog::fillPreview()
{
    m_table->setRowCount(0);
    if (!m_report.ok())
        return;
    m_table->setRowCount(int(m_report.rows.size()));
    for (int row = 0; row < m_report.rows.size(); ++row) {
        const ShipmentImporter::Row &each = m_report.rows.at(row);
        const QStringList values = {each.orderNo, each.receiver, each.courier, each.tracking,
                                    Dates::toText(each.shippedAt).left(16)};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(values.at(column)));
    }
    m_table->resizeColumnsToContents();
}

void ShipmentImportDialog::updateState()
{
    const int count = int(m_report.rows.size());
    m_statusLabel->setStyleSheet(QString());
    m_messages->setVisible(!m_report.ok());
    m_messages->setPlainText(m_report.errors.join(u'\n'));
    m_table->setVisible(m_report.ok() && count > 0);
    m_shipButton->setText(tr("&Ship %n order(s)", nullptr, count));
    m_shipButton->setEnabled(!m_path.isEmpty() && m_report.ok() && count > 0 && !m_shipped);
    if (m_path.isEmpty()) {
        m_statusLabel->setText(
            tr("Choose the file your courier's batch tool gave back: each order it lists is "
               "shipped with its courier and tracking number, and none is if one line is wrong."));
    } else if (!m_report.ok()) {
        m_statusLabel->setText(tr("Nothing was shipped: %n problem(s) to fix in the file (line "
                                  "and column given for each).",
                                  nullptr, int(m_report.errors.size())));
        m_statusLabel->setStyleSheet(errorStyle);
    } else if (m_shipped) {
        m_statusLabel->setText(tr("Shipped %n order(s).", nullptr, m_report.shipped));
    } else if (count == 0) {
        m_statusLabel->setText(tr("The file lists no order."));
    } else {
        m_statusLabel->setText(tr("Ready to ship %n order(s):", nullptr, count));
    }
}

} // namespace MicroShop
