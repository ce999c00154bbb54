#include "AuditLogPage.h"

#include "BackgroundTask.h"
#include "ExportFileDialog.h"

#include "AuditLogModel.h"

#include "AuditTrail.h"
#include "ColumnType.h"
#include "CsvWriter.h"
#include "Dates.h"
#include "ShopContext.h"
#include "XlsxWriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace MicroShop {

AuditLogPage::AuditLogPage(ShopContext &shop, QWidget *parent)
    : ListPage(new AuditLogModel(shop.lists(ListKind::AuditLog)), parent)
    , m_shop(shop)
    , m_log(static_cast<AuditLogModel *>(model()))
    , m_userFilter(new QLineEdit(this))
    , m_kindFilter(new QComboBox(this))
    , m_dateFilterCheck(new QCheckBox(this))
    , m_fromDate(new QDateEdit(Dates::today().addDays(-30), this))
    , m_toDate(new QDateEdit(Dates::today(), this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("auditLogPage"));
    setTitle([] { return tr("Audit log"); });
    setSearchPlaceholder([] { return tr("Search number, code or what changed"); });
    // Newest first: the audit_log_at index walked backwards.
    view()->sortByColumn(AuditLogModel::Time, Qt::DescendingOrder);
    // Wide enough for "2026-11-30 10:00:00" and "order SO20261130-0001"; the rest to the details.
    view()->setColumnWidth(AuditLogModel::Time, 145);
    view()->setColumnWidth(AuditLogModel::User, 90);
    view()->setColumnWidth(AuditLogModel::Kind, 70);
    view()->setColumnWidth(AuditLogModel::Subject, 210);
    m_userFilter->setObjectName(QStringLiteral("userFilter"));
    m_userFilter->setMaximumWidth(130);
    m_userFilter->setClearButtonEnabled(true);
    m_kindFilter->setObjectName(QStringLiteral("kindFilter"));
    m_dateFilterCheck->setObjectName(QStringLiteral("dateFilterCheck"));
    m_fromDate->setObjectName(QStringLiteral("fromDate"));
    m_toDate->setObjectName(QStringLiteral("toDate"));
    for (QDateEdit *date : {m_fromDate, m_toDate}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
        connect(date, &QDateEdit::dateChanged, this, &AuditLogPage::applyDateFilter);
    }
    connect(m_dateFilterCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDate->setEnabled(on);
        m_toDate->setEnabled(on);
        applyDateFilter();
    });
    addFilter(m_userFilter);
    addFilter(m_kindFilter);
    addFilter(m_dateFilterCheck);
    addFilter(m_fromDate);
    addFilter(m_toDate);
    fillFilters();
    connect(m_userFilter, &QLineEdit::textChanged, this, [this](const QString &user) {
        m_log->setFilter(QStringLiteral("user"), user.trimmed());
    });
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_log->setFilter(QStringLiteral("kind"), m_kindFilter->currentData()); });

    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detailsLayout()->addWidget(m_details, 1);

    addActionButton(
        QStringLiteral("exportButton"), [] { return tr("Export…"); }, QKeySequence(),
        [this] { chooseExportFile(); }, false);
    showDetails(0);
}

void AuditLogPage::fillFilters()
{
    const QVariant kind = m_kindFilter->currentData();
    const QSignalBlocker quiet(m_kindFilter);
    m_kindFilter->clear();
    m_kindFilter->addItem(tr("All kinds"), QVariant());
    for (const QString &code : AuditTrail::kinds())
        m_kindFilter->addItem(AuditTrail::kindName(code), code);
    m_kindFilter->setCurrentIndex(qMax(0, m_kindFilter->findData(kind)));
    m_userFilter->setPlaceholderText(tr("User"));
    m_userFilter->setToolTip(tr("Only the changes of this user (the name they sign in with)"));
    m_dateFilterCheck->setText(tr("Dates:"));
}

void AuditLogPage::applyDateFilter()
{
    const bool on = m_dateFilterCheck->isChecked();
    m_log->setFilter(QStringLiteral("from"),
                     on ? QVariant(Dates::toText(m_fromDate->date())) : QVariant());
    m_log->setFilter(QStringLiteral("to"),
                     on ? QVariant(Dates::toText(m_toDate->date())) : QVariant());
}

void AuditLogPage::showDetails(qint64 id)
{
    const int row = id == 0 ? -1 : m_log->rowOfId(id);
    if (row < 0) {
        m_details->setText(tr("Select a change to read it whole."));
        return;
    }
    QVariantList raw{id};
    for (int column = 0; column < m_log->columnCount(); ++column)
        raw.append(m_log->rawValue(row, column));
    const QStringList shown = AuditTrail::row(raw);
    const auto line = [](const QString &label, const QString &text) {
        return QStringLiteral("<p><b>%1</b><br>%2</p>")
            .arg(label.toHtmlEscaped(),
                 text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    };
    m_details->setText(
        line(tr("When"), shown.at(0)) + line(tr("Who"), shown.at(1))
        + line(tr("Kind"), AuditTrail::kindName(shown.at(2))) + line(tr("Subject"), shown.at(3))
        + line(tr("What changed"),
               QString(shown.at(4)).replace(QStringLiteral("; "), QStringLiteral("\n"))));
}

void AuditLogPage::retranslate()
{
    fillFilters();
    ListPage::retranslate();
}

void AuditLogPage::chooseExportFile()
{
    const QString file = ExportFileDialog::chooseFile(
        this, tr("Export the audit log"),
        QStringLiteral("audit-%1").arg(Dates::toText(Dates::today())));
    if (file.isEmpty())
        return;
    QString message;
    if (exportTo(file, &message))
        emit statusMessage(tr("Exported the audit log to %1.").arg(QDir::toNativeSeparators(file)));
    else if (!message.isEmpty())
        QMessageBox::warning(this, tr("Export the audit log"), message);
    else
        emit statusMessage(tr("Export cancelled: no file was written."));
}

bool AuditLogPage::exportTo(const QString &file, QString *message)
{
    const ListQuery query = m_log->query();
    const auto outcome = BackgroundTask::run(
        this, m_shop, tr("Exporting to %1…").arg(QDir::toNativeSeparators(file)),
        [query, file](ShopContext &own, const ProgressCallback &progress) {
            const std::unique_ptr<ListSource> log = own.lists(ListKind::AuditLog);
            const qint64 total = log->count(query);
            const QStringList columns = AuditTrail::columns();
            // Each row of the list, as `audit` prints it, to write().
            const auto readRows = [&](const std::function<void(const QStringList &)> &write) {
                constexpr int chunk = 2000;
                for (qint64 offset = 0; offset < total; offset += chunk) {
                    if (progress && !progress(offset, total))
                        throw Cancelled(tr("The export was cancelled; no file was written."));
                    for (const QVariantList &row : log->fetch(query, offset, chunk, total))
                        write(AuditTrail::row(row));
                }
            };
            if (XlsxWriter::isWorkbookPath(file)) {
                XlsxWriter writer(file, tr("Audit log"), columns, ColumnTypes::of(columns));
                readRows([&writer](const QStringList &row) { writer.writeRow(row); });
                writer.commit();
                return;
            }
            QSaveFile out(file);
            if (!out.open(QIODevice::WriteOnly))
                throw InputError(tr("%1 cannot be written: %2")
                                     .arg(QDir::toNativeSeparators(file), out.errorString()));
            CsvWriter writer(&out); // csv.md: UTF-8 with a byte order mark, CRLF
            writer.writeRow(columns);
            readRows([&writer](const QStringList &row) { writer.writeRow(row); });
            if (!writer.ok() || !out.commit())
                throw InputError(tr("%1 cannot be written: %2")
                                     .arg(QDir::toNativeSeparators(file), out.errorString()));
        },
        message);
    return outcome == BackgroundTask::Outcome::Done;
}

} // namespace MicroShop
