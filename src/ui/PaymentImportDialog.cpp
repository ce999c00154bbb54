#include "PaymentImportDialog.h"

#include "BackgroundTask.h"

#include "TableFile.h"

#include "Dates.h"
#include "Error.h"
#include "Order.h"
#include "PaymentReconciler.h"
#include "ReportSource.h"
#include "ShopContext.h"

#include <QComboBox>
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
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

const QString errorStyle = QStringLiteral("color: #c0392b;");

} // namespace

PaymentImportDialog::PaymentImportDialog(ShopContext &shop, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_fileEdit(new QLineEdit(this))
    , m_sourceCombo(new QComboBox(this))
    , m_statusLabel(new QLabel(this))
    , m_messages(new QPlainTextEdit(this))
    , m_tableLabel(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_importButton(m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("paymentImportDialog"));
    setWindowTitle(tr("Import a WeChat Pay bill"));
    resize(980, 640);

    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_fileEdit->setPlaceholderText(
        tr("Choose a WeChat Pay merchant bill or a personal WeChat bill (CSV or Excel)"));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &PaymentImportDialog::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);

    m_sourceCombo->setObjectName(QStringLiteral("sourceCombo"));
    m_sourceCombo->addItem(tr("Detect from the file's header"), QString());
    m_sourceCombo->addItem(tr("WeChat Pay merchant bill (names the orders)"),
                           BillCodes::code(BillSource::WeChat));
    m_sourceCombo->addItem(tr("Personal WeChat bill (incomes to confirm)"),
                           BillCodes::code(BillSource::WeChatPersonal));

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_messages->setObjectName(QStringLiteral("messageList"));
    m_messages->setReadOnly(true);
    m_messages->setMaximumHeight(130);
    m_messages->hide();

    m_tableLabel->setObjectName(QStringLiteral("reconciliationLabel"));
    m_tableLabel->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("reconciliationTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Order"), tr("Platform no."), tr("Bill no."),
                                        tr("Amount"), tr("Order amount"), QString()});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();

    m_importButton->setObjectName(QStringLiteral("importButton"));
    connect(m_importButton, &QPushButton::clicked, this, &PaymentImportDialog::importNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this,
            [this] { changedShop() ? accept() : reject(); });

    auto *sourceRow = new QFormLayout;
    sourceRow->addRow(tr("&Bill:"), m_sourceCombo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(sourceRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_messages);
    layout->addWidget(m_tableLabel);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    updateState();
}

void PaymentImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, windowTitle(), QString(), tr("WeChat Pay bills (*.csv *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void PaymentImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_fileEdit->setText(QDir::toNativeSeparators(path));
    m_imported = false;
    m_report = {};
    updateState();
}

void PaymentImportDialog::setSource(std::optional<BillSource> source)
{
    m_sourceCombo->setCurrentIndex(
        m_sourceCombo->findData(source ? BillCodes::code(*source) : QString()));
}

bool PaymentImportDialog::importNow()
{
    if (!m_importButton->isEnabled())
        return false;
    // Off the UI thread, on a connection of its own: the file read, then all lines or none.
    const QString path = m_path;
    const QString fileName = QFileInfo(path).fileName();
    const std::optional<BillSource> source = BillCodes::sourceFromCode(
        m_sourceCombo->currentData().toString());
    PaymentImporter::Report report;
    QString message;
    const auto outcome = BackgroundTask::run(
        this, m_shop, tr("Importing %1…").arg(fileName),
        [&](ShopContext &shop, const ProgressCallback &) {
            report = PaymentImporter(shop).import(readTableFile(path), fileName, source);
        },
        &message, BackgroundTask::Cancel::NotOffered);
    if (outcome != BackgroundTask::Outcome::Done)
        report.errors = {message};
    m_report = report;
    m_imported = report.ok();
    updateState();
    if (m_imported)
        showReconciliation();
    return m_imported;
}

// The reconciliation report over the bill's days, a Confirm button on each candidate.
void PaymentImportDialog::showReconciliation()
{
    m_table->setRowCount(0);
    if (!m_report.firstDay.isValid() || !m_shop.reports) {
        m_tableLabel->setText(tr("The bill has no line to reconcile."));
        return;
    }
    const ReportTable table = m_shop.reports->reconciliation(m_report.firstDay, m_report.lastDay);
    for (const QStringList &row : table.rows)
        addRow(row);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(Action, QHeaderView::Stretch);
    const auto candidates = std::count_if(
        table.rows.cbegin(), table.rows.cend(),
        [](const QStringList &row) { return row.value(0) == u"candidate"; });
    QString text = tr("Reconciliation from %1 to %2: %n row(s).", nullptr, int(table.rows.size()))
                       .arg(QLocale().toString(m_report.firstDay, QLocale::ShortFormat),
                            QLocale().toString(m_report.lastDay, QLocale::ShortFormat));
    if (candidates > 0)
        text += u' '
                + tr("An income of a personal bill is never applied alone: confirm the order it "
                     "paid, if it is one of its %n candidate(s).",
                     nullptr, int(candidates));
    m_tableLabel->setText(text);
}

void PaymentImportDialog::addRow(const QStringList &values)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QString kind = values.value(0);
    m_table->setItem(row, Kind, new QTableWidgetItem(BillCodes::reconciliationKindName(kind)));
    for (int column = OrderNo; column <= OrderAmount; ++column) {
        auto *cell = new QTableWidgetItem(values.value(column));
        if (column == Amount || column == OrderAmount)
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, column, cell);
    }
    if (kind != u"candidate")
        return;
    const QString billNo = values.value(BillNo);
    const QString orderNo = values.value(OrderNo);
    auto *cell = new QWidget(m_table); // the button at its width, at the cell's start
    auto *confirm = new QPushButton(tr("Confirm: %1 paid").arg(orderNo), cell);
    confirm->setObjectName(QStringLiteral("confirmButton%1").arg(row));
    confirm->setToolTip(tr("Pay order %1 by WeChat at the time of income %2").arg(orderNo, billNo));
    connect(confirm, &QPushButton::clicked, this,
            [this, billNo, orderNo] { confirmCandidate(billNo, orderNo); });
    auto *cellLayout = new QHBoxLayout(cell);
    cellLayout->setContentsMargins(2, 0, 2, 0);
    cellLayout->addWidget(confirm);
    cellLayout->addStretch(1);
    m_table->setCellWidget(row, Action, cell);
}

bool PaymentImportDialog::confirmCandidate(const QString &billNo, const QString &orderNo)
{
    try {
        const Order paid = m_shop.payments.confirmCandidate(billNo, orderNo);
        m_confirmed += 1;
        showReconciliation();
        m_statusLabel->setStyleSheet(QString());
        m_statusLabel->setText(
            tr("Order %1 is paid by WeChat at %2 (income %3).")
                .arg(paid.orderNo, paid.paidAt ? Dates::toText(*paid.paidAt).left(16) : QString(),
                     billNo));
        return true;
    } catch (const Error &error) {
        showProblem(tr("Not confirmed: %1").arg(error.message()));
        return false;
    }
}

void PaymentImportDialog::showProblem(const QString &text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(errorStyle);
}

void PaymentImportDialog::updateState()
{
    m_statusLabel->setStyleSheet(QString());
    m_messages->setVisible(!m_report.ok());
    m_messages->setPlainText(m_report.errors.join(u'\n'));
    m_tableLabel->setVisible(m_imported);
    m_table->setVisible(m_imported);
    m_importButton->setEnabled(!m_path.isEmpty() && !m_imported);
    if (m_path.isEmpty()) {
        m_statusLabel->setText(tr("Choose a bill: its payments are matched with the orders by "
                                  "their numbers and amounts, and nothing is imported if one "
                                  "line is wrong."));
    } else if (!m_report.ok()) {
        showProblem(tr("Nothing was imported: %n problem(s) to fix in the file (line and column "
                       "given for each).",
                       nullptr, int(m_report.errors.size())));
    } else if (m_imported) {
        const PaymentReconciler::Counts &counts = m_report.counts;
        m_statusLabel->setText(
            tr("Imported %1 (%2 line(s)): %3 matched, of which %4 paid a pending order; %5 with "
               "a different amount; %6 unknown (no order named).")
                .arg(m_report.source ? BillCodes::displayName(*m_report.source) : QString())
                .arg(m_report.lines)
                .arg(counts.matched)
                .arg(counts.applied)
                .arg(counts.mismatched)
                .arg(counts.unknown));
    } else {
        m_statusLabel->setText(tr("Ready: a line already imported is never applied twice."));
    }
}

} // namespace MicroShop
