#include "ReportsPage.h"

#include "ShopDocuments.h"

#include "BackgroundTask.h"
#include "PrintPreview.h"

#include "CsvWriter.h"
#include "ExportFileDialog.h"
#include "XlsxWriter.h"

#include "ColumnType.h"
#include "Customer.h"
#include "Dates.h"
#include "Error.h"
#include "Money.h"
#include "PaymentBill.h"
#include "ShopContext.h"
#include "ShopRepositories.h"
#include "ShopSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

enum QuickRange { LastThirtyDays, ThisMonth, LastMonth, ThisYear, AllTime, Custom };

bool isText(const QString &column)
{
    static const QStringList texts = {
        QStringLiteral("period"), QStringLiteral("channel"),  QStringLiteral("sku"),
        QStringLiteral("name"),   QStringLiteral("code"),     QStringLiteral("last_order"),
        QStringLiteral("phone"),  QStringLiteral("wechat"),   QStringLiteral("upline"),
        QStringLiteral("kind"),   QStringLiteral("order_no"), QStringLiteral("platform_no"),
        QStringLiteral("bill_no")};
    return texts.contains(column);
}

// A channel's code and a reconciliation kind as their names; any other cell as it is.
QString displayed(const QString &column, const QString &cell)
{
    if (column == u"channel") {
        if (const auto channel = Channels::fromCode(cell))
            return Channels::displayName(*channel);
    }
    if (column == u"kind")
        return BillCodes::reconciliationKindName(cell);
    return cell;
}

// The table as the page shows it, for its chart and its printed sheet: codes by their names.
ReportTable shown(const ReportTable &table)
{
    ReportTable copy{table.columns, {}};
    copy.rows.reserve(table.rows.size());
    for (const QStringList &row : table.rows) {
        QStringList cells;
        for (int column = 0; column < row.size(); ++column)
            cells.append(displayed(table.columns.at(column), row.at(column)));
        copy.rows.append(cells);
    }
    return copy;
}

} // namespace

ReportsPage::ReportsPage(ShopContext &shop, QWidget *parent)
    : QWidget(parent)
    , m_shop(shop)
    , m_title(new QLabel(this))
    , m_report(new QComboBox(this))
    , m_quickRange(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_periodLabel(new QLabel(this))
    , m_period(new QComboBox(this))
    , m_distributor(new QLineEdit(this))
    , m_team(new QCheckBox(this))
    , m_countLabel(new QLabel(this))
    , m_count(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_chart(ReportChart::newView(this))
    , m_view(new QTableView(this))
    , m_model(new QStandardItemModel(this))
    , m_print(new QPushButton(this))
    , m_pdf(new QPushButton(this))
    , m_csv(new QPushButton(this))
    , m_png(new QPushButton(this))
{
    setObjectName(QStringLiteral("reportsPage"));
    m_title->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: bold;"));
    m_report->setObjectName(QStringLiteral("reportCombo"));
    m_quickRange->setObjectName(QStringLiteral("rangeCombo"));
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    for (QDateEdit *date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(date, &QDateEdit::dateChanged, this, [this] {
            m_quickRange->setCurrentIndex(Custom);
            refresh();
        });
    }
    m_period->setObjectName(QStringLiteral("periodCombo"));
    m_distributor->setObjectName(QStringLiteral("distributorEdit"));
    m_distributor->setMaximumWidth(150);
    m_distributor->setClearButtonEnabled(true);
    m_team->setObjectName(QStringLiteral("teamCheck"));
    m_count->setObjectName(QStringLiteral("countSpin"));
    m_count->setRange(1, 3650);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setStyleSheet(QStringLiteral("color: #d93026;"));
    m_problem->hide();
    m_chart->setObjectName(QStringLiteral("reportChart"));
    m_chart->setMinimumHeight(300);
    m_view->setObjectName(QStringLiteral("reportTable"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setMinimumSectionSize(70);
    m_model->setSortRole(Qt::UserRole);

    for (QComboBox *combo : {m_report, m_quickRange, m_period})
        connect(combo, &QComboBox::activated, this, [this, combo](int index) {
            if (combo == m_quickRange)
                applyQuickRange(index);
            updateOptions();
            refresh();
        });
    connect(m_distributor, &QLineEdit::editingFinished, this, &ReportsPage::refresh);
    connect(m_team, &QCheckBox::toggled, this, &ReportsPage::refresh);
    connect(m_count, &QSpinBox::editingFinished, this, &ReportsPage::refresh);

    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setShortcut(QKeySequence::Print);
    connect(m_print, &QPushButton::clicked, this, &ReportsPage::printPreview);
    m_pdf->setObjectName(QStringLiteral("pdfButton"));
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        chooseFile(tr("Save the report as PDF"), tr("PDF files (*.pdf)"), QStringLiteral("pdf"),
                   &ReportsPage::savePdf);
    });
    m_csv->setObjectName(QStringLiteral("csvButton"));
    connect(m_csv, &QPushButton::clicked, this, [this] {
        const QString file = ExportFileDialog::chooseFile(
            this, tr("Export the report's table"),
            QStringLiteral("%1-%2").arg(title(), Dates::toText(Dates::today())));
        if (!file.isEmpty())
            saveTable(file);
    });
    m_png->setObjectName(QStringLiteral("pngButton"));
    connect(m_png, &QPushButton::clicked, this, [this] {
        chooseFile(tr("Save the chart as a picture"), tr("PNG pictures (*.png)"),
                   QStringLiteral("png"), &ReportsPage::savePng);
    });

    auto *choice = new QHBoxLayout;
    choice->addWidget(m_report);
    choice->addSpacing(12);
    choice->addWidget(m_quickRange);
    choice->addWidget(m_from);
    choice->addWidget(new QLabel(QStringLiteral("–"), this));
    choice->addWidget(m_to);
    choice->addStretch();
    auto *options = new QHBoxLayout;
    options->addWidget(m_periodLabel);
    options->addWidget(m_period);
    options->addWidget(m_distributor);
    options->addWidget(m_team);
    options->addWidget(m_countLabel);
    options->addWidget(m_count);
    options->addWidget(m_problem);
    options->addStretch();
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_view);
    splitter->setSizes({440, 220});
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    auto *actions = new QHBoxLayout;
    for (QPushButton *button : {m_print, m_pdf, m_csv, m_png})
        actions->addWidget(button);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addLayout(choice);
    layout->addLayout(options);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    retranslate();
    m_quickRange->setCurrentIndex(LastThirtyDays);
    applyQuickRange(LastThirtyDays);
    m_count->setValue(10);
    updateOptions();
}

const ReportDescriptor &ReportsPage::currentReport() const
{
    // Each entry holds its report's place in the catalog: the page lists only those the role
    // may read.
    const QList<ReportDescriptor> &reports = ReportCatalog::reports();
    return reports.at(qBound(0, m_report->currentData().toInt(), int(reports.size()) - 1));
}

void ReportsPage::showReport(int index)
{
    const int entry = m_report->findData(index);
    if (entry < 0) {
        qWarning("ReportsPage: report %d is not offered to this role", index);
        return;
    }
    m_report->setCurrentIndex(entry);
    updateOptions();
    refresh();
}

void ReportsPage::showReport(const char *label)
{
    const QList<ReportDescriptor> &reports = ReportCatalog::reports();
    for (int index = 0; index < reports.size(); ++index) {
        if (qstrcmp(reports.at(index).label, label) == 0)
            return showReport(index);
    }
    qWarning("ReportsPage: no report is labelled \"%s\"", label);
}

void ReportsPage::setRange(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    m_quickRange->setCurrentIndex(Custom);
    refresh();
}

void ReportsPage::applyQuickRange(int index)
{
    const QDate today = Dates::today();
    QDate from = m_from->date();
    QDate to = today;
    switch (index) {
    case LastThirtyDays:
        from = today.addDays(-29);
        break;
    case ThisMonth:
        from = QDate(today.year(), today.month(), 1);
        break;
    case LastMonth:
        to = QDate(today.year(), today.month(), 1).addDays(-1);
        from = QDate(to.year(), to.month(), 1);
        break;
    case ThisYear:
        from = QDate(today.year(), 1, 1);
        break;
    case AllTime:
        from = QDate(2000, 1, 1);
        break;
    default:
        return;
    }
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
}

void ReportsPage::updateOptions()
{
    const ReportDescriptor &report = currentReport();
    const ReportInputs inputs = report.inputs;
    m_periodLabel->setVisible(inputs.testFlag(ReportInput::Period));
    m_period->setVisible(inputs.testFlag(ReportInput::Period));
    m_distributor->setVisible(inputs.testFlag(ReportInput::Distributor));
    m_team->setVisible(inputs.testFlag(ReportInput::Team));
    // The count is the days of a report that takes days, else how many rows to keep or chart.
    const bool days = inputs.testFlag(ReportInput::Days);
    const bool counted = days || inputs.testFlag(ReportInput::Top)
                         || report.chart.limit == ReportChartSpec::PageCount;
    m_countLabel->setVisible(counted);
    m_count->setVisible(counted);
    m_countLabel->setText(days ? tr("Not bought for (days):") : tr("Chart the top:"));
    if (days && m_count->value() == 10)
        m_count->setValue(60);
    else if (!days && m_count->value() == 60)
        m_count->setValue(10);
    // A report as of a day takes the range's last day; one of now, neither.
    m_from->setEnabled(inputs.testFlag(ReportInput::Range));
    m_to->setEnabled(inputs & (ReportInput::Range | ReportInput::AsOf));
}

ReportRequest ReportsPage::request(QString *problem) const
{
    const ReportInputs inputs = currentReport().inputs;
    ReportRequest request;
    request.from = m_from->date();
    request.to = m_to->date();
    request.period = ReportSource::Period(m_period->currentIndex());
    request.top = inputs.testFlag(ReportInput::Top) ? m_count->value() : 0;
    request.days = m_count->value();
    if (request.from > request.to && m_from->isEnabled()) {
        *problem = tr("The range ends before it starts: pick a \"to\" date on or after %1.")
                       .arg(Dates::toText(request.from));
        return request;
    }
    const QString code = m_distributor->text().trimmed();
    if (inputs.testFlag(ReportInput::Distributor) && !code.isEmpty()) {
        const auto id = m_shop.distributors.idOfCode(code);
        if (!id)
            *problem = tr("No distributor has the code %1: type another or clear it.").arg(code);
        request.distributorId = id.value_or(0);
        request.distributorCode = code;
        request.team = inputs.testFlag(ReportInput::Team) && m_team->isChecked();
    }
    return request;
}

void ReportsPage::refresh()
{
    if (!m_shop.reports || !m_shown)
        return;
    // A change made while a report is being computed (events flow meanwhile) computes it again
    // once that one is done, rather than inside it.
    if (m_computing) {
        m_computeAgain = true;
        return;
    }
    m_computing = true;
    do {
        m_computeAgain = false;
        computeAndShow();
    } while (m_computeAgain);
    m_computing = false;
}

void ReportsPage::computeAndShow()
{
    QString problem;
    const ReportRequest chosen = request(&problem);
    const auto compute = currentReport().compute;
    ReportTable table;
    if (problem.isEmpty()) {
        // On a connection of its own, off the UI thread: a year of a million orders takes a
        // second or two, and the window keeps answering (Cancel keeps the report shown before).
        const auto outcome = BackgroundTask::run(
            this, m_shop, tr("Computing the report…"),
            [&table, compute, chosen](ShopContext &own, const ProgressCallback &) {
                table = compute(*own.reports, chosen);
            },
            &problem);
        if (outcome == BackgroundTask::Outcome::Cancelled)
            return;
    }
    m_table = ReportCatalog::forRole(m_shop.role, table);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    showTable();
    ReportChart::show(m_chart, drawing());
}

void ReportsPage::showTable()
{
    m_model->clear();
    m_model->setColumnCount(int(m_table.columns.size()));
    for (int column = 0; column < m_table.columns.size(); ++column)
        m_model->setHeaderData(column, Qt::Horizontal,
                               ShopDocuments::columnTitle(m_table.columns.at(column)));
    for (const QStringList &row : std::as_const(m_table.rows)) {
        QList<QStandardItem *> items;
        for (int column = 0; column < row.size(); ++column) {
            const QString &name = m_table.columns.at(column);
            auto *item = new QStandardItem(displayed(name, row.at(column)));
            if (isText(name)) {
                item->setData(item->text(), Qt::UserRole);
            } else {
                // Sorted by value: money by its fen, counts as numbers.
                const auto money = Money::parse(row.at(column));
                item->setData(money ? money->minorUnits() : row.at(column).toLongLong(),
                              Qt::UserRole);
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            items.append(item);
        }
        m_model->appendRow(items);
    }
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->resizeColumnsToContents();
}

ReportChart::Drawing ReportsPage::drawing() const
{
    const ReportChartSpec &chart = currentReport().chart;
    const ReportTable table = shown(m_table);
    if (table.columns.isEmpty())
        return {ReportChartKind::Bars, table, 0, {}, title()};
    QList<ReportChart::Values> values;
    for (const QString &name : chart.values)
        values.append({int(table.columns.indexOf(name)), ShopDocuments::columnTitle(name)});
    const int limit = chart.limit == ReportChartSpec::PageCount ? m_count->value() : chart.limit;
    return {chart.kind, table, chart.categoryColumn, values, title(), limit};
}

QString ReportsPage::title() const
{
    QString ignored;
    return currentReport().title(request(&ignored));
}

QString ReportsPage::subtitle() const
{
    const QString shop = m_shop.settings.shopName();
    const ReportInputs inputs = currentReport().inputs;
    if (inputs.testFlag(ReportInput::Range))
        return tr("%1 · %2 to %3")
            .arg(shop, Dates::toText(m_from->date()), Dates::toText(m_to->date()));
    const QDate asOf = inputs.testFlag(ReportInput::AsOf) ? m_to->date() : Dates::today();
    return tr("%1 · as of %2").arg(shop, Dates::toText(asOf));
}

void ReportsPage::chooseFile(const QString &caption, const QString &filter, const QString &suffix,
                             bool (ReportsPage::*save)(const QString &))
{
    const QString suggested = QDir(QStandardPaths::writableLocation(
                                       QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("%1-%2.%3")
                                                .arg(title(), Dates::toText(Dates::today()), suffix)
                                                .replace(u'/', u'-'));
    const QString file = QFileDialog::getSaveFileName(this, caption, suggested, filter);
    if (!file.isEmpty())
        (this->*save)(file);
}

bool ReportsPage::saveTable(const QString &fileName)
{
    if (XlsxWriter::isWorkbookPath(fileName)) {
        // Figures as numbers, money formatted 0.00, codes and names as text (ColumnTypes).
        try {
            XlsxWriter writer(fileName, title(), m_table.columns, ColumnTypes::of(m_table.columns));
            for (const QStringList &row : std::as_const(m_table.rows))
                writer.writeRow(row);
            writer.commit();
            return true;
        } catch (const InputError &error) {
            QMessageBox::warning(this, tr("Export the report's table"),
                                 error.message() + u' '
                                     + tr("Choose another folder or file name."));
            return false;
        }
    }
    QSaveFile file(fileName);
    bool written = file.open(QIODevice::WriteOnly);
    if (written) {
        CsvWriter writer(&file);
        writer.writeRow(m_table.columns); // spec/cli.md's names, as microshop-cli writes them
        for (const QStringList &row : std::as_const(m_table.rows))
            writer.writeRow(row);
        written = writer.ok() && file.commit();
    }
    if (!written)
        QMessageBox::warning(this, tr("Export the report's table"),
                             tr("Cannot write %1: %2. Choose another folder or file name.")
                                 .arg(QDir::toNativeSeparators(fileName), file.errorString()));
    return written;
}

std::unique_ptr<QTextDocument> ReportsPage::document()
{
    const QImage chart = ReportChart::render(drawing(), QSize(1000, 480));
    return ShopDocuments::report(title(), subtitle(), shown(m_table), chart);
}

bool ReportsPage::savePdf(const QString &fileName)
{
    const std::unique_ptr<QTextDocument> sheet = document();
    QString error;
    if (ShopDocuments::writePdf(*sheet, ShopDocuments::Paper::A4, fileName, &error))
        return true;
    QMessageBox::warning(this, tr("Save the report as PDF"), error);
    return false;
}

bool ReportsPage::savePng(const QString &fileName)
{
    const QImage chart = ReportChart::render(drawing(), QSize(1600, 900));
    if (chart.isNull()) {
        QMessageBox::warning(this, tr("Save the chart as a picture"), ReportChart::why());
        return false;
    }
    if (chart.save(fileName, "PNG"))
        return true;
    QMessageBox::warning(this, tr("Save the chart as a picture"),
                         tr("Cannot write %1. Choose another folder or file name.")
                             .arg(QDir::toNativeSeparators(fileName)));
    return false;
}

void ReportsPage::printPreview()
{
    const std::unique_ptr<QTextDocument> sheet = document();
    PrintPreview::show(this, *sheet, ShopDocuments::Paper::A4, title(),
                       QStringLiteral("%1-%2").arg(title(), Dates::toText(Dates::today())));
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_shown = true; // nothing is computed before the page is first looked at
    refresh();
}

void ReportsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReportsPage::retranslate()
{
    m_title->setText(tr("Reports"));
    const int report = qMax(0, m_report->currentIndex());
    m_report->clear();
    const QList<ReportDescriptor> &reports = ReportCatalog::reports();
    for (int index = 0; index < reports.size(); ++index) {
        if (ReportCatalog::mayRead(m_shop.role, reports.at(index)))
            m_report->addItem(ReportCatalog::label(reports.at(index)), index);
    }
    m_report->setCurrentIndex(report);
    const int range = qMax(0, m_quickRange->currentIndex());
    m_quickRange->clear();
    m_quickRange->addItems({tr("Last 30 days"), tr("This month"), tr("Last month"), tr("This year"),
                            tr("All time"), tr("Custom range")});
    m_quickRange->setCurrentIndex(range);
    const int period = qMax(0, m_period->currentIndex());
    m_period->clear();
    for (const auto by :
         {ReportSource::Period::Day, ReportSource::Period::Week, ReportSource::Period::Month})
        m_period->addItem(ReportCatalog::periodName(by));
    m_period->setCurrentIndex(period);
    m_periodLabel->setText(tr("By:"));
    m_distributor->setPlaceholderText(tr("Distributor code"));
    m_team->setText(tr("With the team"));
    m_print->setText(tr("&Print preview…"));
    m_pdf->setText(tr("Save PDF…"));
    m_csv->setText(tr("Export…"));
    m_png->setText(tr("Save chart PNG…"));
    updateOptions();
    // Not inside the language change itself: the report is computed while events flow.
    QTimer::singleShot(0, this, &ReportsPage::refresh);
}

} // namespace MicroShop
