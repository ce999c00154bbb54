#include "ReportCatalog.h"

#include <QHash>

namespace MicroShop {

namespace {

using Input = ReportInput;
using Kind = ReportChartKind;
constexpr int pageCount = ReportChartSpec::PageCount;

QString salesTitle(const ReportRequest &request)
{
    const QString by = ReportCatalog::periodName(request.period);
    const QString &code = request.distributorCode;
    if (code.isEmpty())
        return ReportCatalog::tr("Sales by %1").arg(by);
    return request.team ? ReportCatalog::tr("Sales by %1 of %2's team").arg(by, code)
                        : ReportCatalog::tr("Sales by %1 of %2").arg(by, code);
}

const QList<ReportDescriptor> catalog = {
    {QStringLiteral("sales"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Sales over time"),
     Input::Period | Input::Range | Input::Distributor | Input::Team,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.sales(r.period, r.from, r.to, r.distributorId,
                              r.distributorId != 0 && r.team);
     },
     salesTitle,
     {Kind::Line, 0, {QStringLiteral("net"), QStringLiteral("refunds")}}},
    {QStringLiteral("channels"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Sales by channel"),
     Input::Range,
     [](ReportSource &reports, const ReportRequest &r) { return reports.channels(r.from, r.to); },
     [](const ReportRequest &) { return ReportCatalog::tr("Sales by channel"); },
     {Kind::Pie, 0, {QStringLiteral("net")}}},
    {QStringLiteral("products"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Best sellers"),
     Input::Range | Input::Top,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.products(r.from, r.to, r.top);
     },
     [](const ReportRequest &) { return ReportCatalog::tr("Best sellers"); },
     {Kind::RankedBars, 1, {QStringLiteral("net")}, pageCount}},
    {QString(),
     QT_TRANSLATE_NOOP("ReportCatalog", "Product margins"),
     Input::Range,
     [](ReportSource &reports, const ReportRequest &r) { return reports.products(r.from, r.to); },
     [](const ReportRequest &) { return ReportCatalog::tr("Product margins"); },
     {Kind::RankedBars, 1, {QStringLiteral("margin"), QStringLiteral("net")}, pageCount},
     Capability::SeeCosts},
    {QStringLiteral("stock"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Stock value"),
     {},
     [](ReportSource &reports, const ReportRequest &) { return reports.stock(); },
     [](const ReportRequest &) { return ReportCatalog::tr("Stock value at cost"); },
     {Kind::RankedBars, 1, {QStringLiteral("value")}, pageCount},
     Capability::SeeCosts},
    {QStringLiteral("customers"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Top customers"),
     Input::Range | Input::MinOrders | Input::Top,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.customers(r.from, r.to, r.minOrders, r.top);
     },
     [](const ReportRequest &) { return ReportCatalog::tr("Top customers"); },
     {Kind::RankedBars, 1, {QStringLiteral("net")}, pageCount}},
    {QString(),
     QT_TRANSLATE_NOOP("ReportCatalog", "Repeat buyers"),
     Input::Range,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.customers(r.from, r.to, 2);
     },
     [](const ReportRequest &) { return ReportCatalog::tr("Repeat buyers"); },
     {Kind::RankedBars, 1, {QStringLiteral("net")}, 10}},
    {QStringLiteral("lapsed"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Customers not seen for a while"),
     Input::Days | Input::AsOf,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.lapsedCustomers(r.to, r.days);
     },
     [](const ReportRequest &r) {
         return ReportCatalog::tr("Customers not seen for %n day(s)", nullptr, r.days);
     },
     {Kind::RankedBars, 1, {QStringLiteral("net")}, 10}},
    {QStringLiteral("distributors"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Distributors and teams"),
     Input::Range,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.distributors(r.from, r.to);
     },
     [](const ReportRequest &) { return ReportCatalog::tr("Distributors and their teams"); },
     {Kind::RankedBars,
      1,
      {QStringLiteral("team_sales"), QStringLiteral("direct_sales")},
      pageCount},
     Capability::DistributorsPage},
    {QStringLiteral("commissions"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Commissions"),
     Input::AsOf | Input::Distributor,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.commissions(r.to, r.distributorId);
     },
     [](const ReportRequest &) { return ReportCatalog::tr("Commissions by state"); },
     {Kind::StackedRanked,
      1,
      {QStringLiteral("settled"), QStringLiteral("available"), QStringLiteral("pending")},
      pageCount},
     Capability::CommissionsPage},
    {QStringLiteral("reconciliation"),
     QT_TRANSLATE_NOOP("ReportCatalog", "Payment reconciliation"),
     Input::Range,
     [](ReportSource &reports, const ReportRequest &r) {
         return reports.reconciliation(r.from, r.to);
     },
     [](const ReportRequest &) { return ReportCatalog::tr("WeChat Pay bills and orders"); },
     // The largest amounts to look at first, named by their order (or bill) number.
     {Kind::RankedBars, 1, {QStringLiteral("amount")}, pageCount}},
};

} // namespace

const QList<ReportDescriptor> &ReportCatalog::reports()
{
    return catalog;
}

const ReportDescriptor *ReportCatalog::command(const QString &name)
{
    for (const ReportDescriptor &report : catalog) {
        if (!name.isEmpty() && report.command == name)
            return &report;
    }
    return nullptr;
}

bool ReportCatalog::mayRead(TeamRole role, const ReportDescriptor &report)
{
    return TeamAccess::may(role, Capability::ReportsPage) && TeamAccess::may(role, report.needs);
}

ReportTable ReportCatalog::forRole(TeamRole role, ReportTable table)
{
    if (TeamAccess::may(role, Capability::SeeCosts))
        return table;
    for (const QString &name :
         {QStringLiteral("cost"), QStringLiteral("margin"), QStringLiteral("value")}) {
        const auto column = table.columns.indexOf(name);
        if (column < 0)
            continue;
        table.columns.removeAt(column);
        for (QStringList &row : table.rows)
            row.removeAt(column);
    }
    return table;
}

QStringList ReportCatalog::commandNames()
{
    QStringList names;
    for (const ReportDescriptor &report : catalog) {
        if (!report.command.isEmpty())
            names.append(report.command);
    }
    return names;
}

QStringList ReportCatalog::options(ReportInputs inputs)
{
    // In the order the usage lists them: what is needed first.
    static const QList<std::pair<ReportInput, QStringList>> optionsOf = {
        {Input::Period, {QStringLiteral("--by")}},
        {Input::Days, {QStringLiteral("--days")}},
        {Input::Range, {QStringLiteral("--from"), QStringLiteral("--to")}},
        {Input::AsOf, {QStringLiteral("--as-of")}},
        {Input::Distributor, {QStringLiteral("--distributor")}},
        {Input::Team, {QStringLiteral("--team")}},
        {Input::MinOrders, {QStringLiteral("--min-orders")}},
        {Input::Top, {QStringLiteral("--top")}},
    };
    QStringList options;
    for (const auto &[input, names] : optionsOf) {
        if (inputs.testFlag(input))
            options.append(names);
    }
    return options;
}

QString ReportCatalog::optionUsage(const QString &option)
{
    static const QHash<QString, QString> words = {
        {QStringLiteral("--by"), QStringLiteral("--by day|week|month")},
        {QStringLiteral("--days"), QStringLiteral("--days N")},
        {QStringLiteral("--from"), QStringLiteral("--from D")},
        {QStringLiteral("--to"), QStringLiteral("--to D")},
        {QStringLiteral("--as-of"), QStringLiteral("--as-of D")},
        {QStringLiteral("--distributor"), QStringLiteral("--distributor CODE")},
        {QStringLiteral("--min-orders"), QStringLiteral("--min-orders N")},
        {QStringLiteral("--top"), QStringLiteral("--top N")},
    };
    return words.value(option, option);
}

QString ReportCatalog::usage(const ReportDescriptor &report)
{
    QStringList parts = {QStringLiteral("report"), report.command};
    const QStringList needed = options(report.inputs & neededInputs);
    for (const QString &option : options(report.inputs)) {
        if (needed.contains(option))
            parts.append(optionUsage(option));
        else if (option == u"--distributor" && report.inputs.testFlag(Input::Team))
            parts.append(QStringLiteral("[--distributor CODE [--team]]"));
        else if (option != u"--team")
            parts.append(QStringLiteral("[%1]").arg(optionUsage(option)));
    }
    return parts.join(u' ');
}

QString ReportCatalog::label(const ReportDescriptor &report)
{
    return tr(report.label);
}

QString ReportCatalog::periodName(ReportSource::Period period)
{
    switch (period) {
    case ReportSource::Period::Day:
        return tr("day");
    case ReportSource::Period::Week:
        return tr("week");
    case ReportSource::Period::Month:
        return tr("month");
    }
    return {};
}

} // namespace MicroShop
