#pragma once

#include "ReportSource.h"
#include "TeamRole.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// What a report can be asked for with: the options of `microshop-cli report NAME` and the
// inputs the Reports page shows.
enum class ReportInput {
    Period = 0x01,      // --by day|week|month (needed); the page's "By:"
    Days = 0x02,        // --days N (needed); the page's count, as days
    Range = 0x04,       // --from D --to D; the page's range
    AsOf = 0x08,        // --as-of D, today by default; the page's "to" day
    Distributor = 0x10, // --distributor CODE; the page's code field
    Team = 0x20,        // --team, with a distributor; the page's check box
    MinOrders = 0x40,   // --min-orders N
    Top = 0x80,         // --top N; the page's count
};
Q_DECLARE_FLAGS(ReportInputs, ReportInput)
Q_DECLARE_OPERATORS_FOR_FLAGS(ReportInputs)
// The inputs a report cannot do without.
constexpr ReportInputs neededInputs = ReportInputs(ReportInput::Period) | ReportInput::Days;

// What one report is asked for; only the fields of its inputs count.
struct ReportRequest
{
    QDate from; // invalid: no bound
    QDate to;   // the range's last day, or the day the report is as of
    ReportSource::Period period = ReportSource::Period::Day;
    qint64 distributorId = 0;
    QString distributorCode; // the same distributor, for the title
    bool team = false;
    int minOrders = 1;
    int top = 0; // 0: every row
    int days = 0;
};

// How the Reports page and printed sheets chart a report's table.
enum class ReportChartKind {
    Line,          // over periods, one line a value column
    Bars,          // over periods, one bar a value column
    RankedBars,    // horizontal, the largest first: products, customers, distributors
    Pie,           // the share of each row in the first value column
    StackedRanked, // horizontal, the value columns stacked: commissions by state
};

struct ReportChartSpec
{
    ReportChartKind kind = ReportChartKind::Bars;
    int categoryColumn = 0;
    QStringList values; // the charted columns, by their names
    int limit
        = AllRows; // how many rows a ranked or pie chart keeps: AllRows, PageCount or a number

    static constexpr int AllRows = 0;
    static constexpr int PageCount = -1; // the page's count ("Chart the top")
};

// One report: its name on the command line, its computation, what it takes, its title and its
// chart. The command line and the Reports page both read the catalog, so a new report is a new
// descriptor here and its computation behind ReportSource; "How to add a report" in
// docs/architecture.md walks through it.
struct ReportDescriptor
{
    QString command;   // `microshop-cli report COMMAND`; empty: offered by the Reports page only
    const char *label; // the Reports page's name for it (translated in ReportCatalog's context)
    ReportInputs inputs;
    ReportTable (*compute)(ReportSource &reports, const ReportRequest &request);
    QString (*title)(const ReportRequest &request); // translated
    ReportChartSpec chart;
    // Who reads it besides the Reports page itself (team.md: a clerk gets no report of margins
    // or commissions): SeeCosts for margins and stock value, DistributorsPage for the
    // distributors' sales, CommissionsPage for commissions.
    Capability needs = Capability::ReportsPage;
};

// Every report, in the order the Reports page lists them.
class ReportCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(ReportCatalog)

public:
    static const QList<ReportDescriptor> &reports();
    // The report `microshop-cli report COMMAND` runs, or nullptr.
    static const ReportDescriptor *command(const QString &name);
    static QStringList commandNames();
    // The report's line of the command line's usage: "report NAME --days N [--as-of D]".
    static QString usage(const ReportDescriptor &report);
    // The command line options of each input, "--from" and "--to" for a Range.
    static QStringList options(ReportInputs inputs);
    // "--days N": the option with what it takes.
    static QString optionUsage(const QString &option);
    static QString label(const ReportDescriptor &report); // translated
    // Whether that role may read the report, on the page and on the command line.
    static bool mayRead(TeamRole role, const ReportDescriptor &report);
    // The table without the cost columns (cost, margin, value) for a role that sees no costs,
    // whose cells the database left blank; as it is otherwise.
    static ReportTable forRole(TeamRole role, ReportTable table);
    static QString periodName(ReportSource::Period period); // "day", translated
};

} // namespace MicroShop
