// microshop_charts: the charts module (a Qt plugin) behind ReportChart (src/ui), the only code that
// draws with Qt Charts. The programs load it when they first draw a chart, not at start.
#include "ReportChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFont>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QPieSeries>
#include <QValueAxis>
#include <QtPlugin>

#include <algorithm>

namespace MicroShop {

namespace {

using Kind = ReportChart::Kind;
using Values = ReportChart::Values;

qreal position(const QString &cell)
{
    return ReportChart::position(cell);
}

// Long names make the axis eat the chart: the first 14 characters, then an ellipsis.
QString shortened(const QString &text)
{
    return text.size() > 14 ? text.left(13) + QChar(0x2026) : text;
}

QValueAxis *valueAxis(qreal largest)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, largest > 0 ? largest : 1);
    axis->applyNiceNumbers();
    axis->setLabelFormat(axis->max() < 10 ? QStringLiteral("%.2f") : QStringLiteral("%.0f"));
    return axis;
}

// A new chart (the caller owns it) of the drawing.
QChart *make(const ReportChart::Drawing &drawing)
{
    const Kind kind = drawing.kind;
    const ReportTable &table = drawing.table;
    const int categoryColumn = drawing.categoryColumn;
    const QList<Values> &values = drawing.values;
    const QString &title = drawing.title;
    const int limit = drawing.limit;
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setVisible(values.size() > 1 || kind == Kind::Pie);
    chart->legend()->setAlignment(kind == Kind::Pie ? Qt::AlignRight : Qt::AlignBottom);
    if (values.isEmpty())
        return chart;

    QList<QStringList> rows = table.rows;
    const bool ranked = kind == Kind::RankedBars || kind == Kind::Pie
                        || kind == Kind::StackedRanked;
    if (ranked) {
        // By the first value, or by the whole bar when the values are stacked.
        const auto size = [&values, kind](const QStringList &row) {
            if (kind != Kind::StackedRanked)
                return position(row.at(values.constFirst().column));
            qreal total = 0;
            for (const Values &value : values)
                total += position(row.at(value.column));
            return total;
        };
        std::stable_sort(
            rows.begin(), rows.end(),
            [&size](const QStringList &a, const QStringList &b) { return size(a) > size(b); });
        if (limit > 0 && rows.size() > limit)
            rows.resize(limit);
    }

    if (kind == Kind::Pie) {
        auto *series = new QPieSeries;
        const int column = values.constFirst().column;
        for (const QStringList &row : std::as_const(rows)) {
            if (position(row.at(column)) > 0)
                series->append(shortened(row.at(categoryColumn)), position(row.at(column)));
        }
        const auto slices = series->slices();
        for (QPieSlice *slice : slices) {
            slice->setLabel(QStringLiteral("%1 %2%")
                                .arg(slice->label())
                                .arg(slice->percentage() * 100, 0, 'f', 1));
            slice->setLabelVisible(slices.size() <= 12);
        }
        chart->addSeries(series);
        return chart;
    }

    // An axis keeps one category of a name: two customers called 胡涛 become "胡涛 · C0009".
    QStringList categories;
    for (const QStringList &row : std::as_const(rows)) {
        QString category = shortened(row.at(categoryColumn));
        if (categories.contains(category))
            category += QStringLiteral(" · ") + row.constFirst();
        categories.append(category);
    }
    // A horizontal series draws its first category lowest: its rows go in reversed, so that the
    // largest is at the top.
    const bool horizontal = kind == Kind::RankedBars || kind == Kind::StackedRanked;
    if (horizontal) {
        std::reverse(rows.begin(), rows.end());
        std::reverse(categories.begin(), categories.end());
    }
    qreal largest = 0;
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    // Qt elides every label of an axis to "..." when they do not all fit: labels a little
    // smaller than the text around, and upright (not slanted) when there are many periods.
    QFont font = categoryAxis->labelsFont();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    categoryAxis->setLabelsFont(font);
    if (kind == Kind::Line || kind == Kind::Bars)
        categoryAxis->setLabelsAngle(categories.size() > 12 ? -90 : 0);

    if (kind == Kind::Line) {
        chart->addAxis(categoryAxis, Qt::AlignBottom);
        QList<QLineSeries *> lines;
        for (const Values &value : values) {
            auto *series = new QLineSeries;
            series->setName(value.name);
            series->setPointsVisible(rows.size() <= 40);
            for (int index = 0; index < rows.size(); ++index) {
                const qreal y = position(rows.at(index).at(value.column));
                largest = qMax(largest, y);
                series->append(index, y);
            }
            chart->addSeries(series);
            series->attachAxis(categoryAxis);
            lines.append(series);
        }
        QValueAxis *axis = valueAxis(largest);
        chart->addAxis(axis, Qt::AlignLeft);
        for (QLineSeries *series : std::as_const(lines))
            series->attachAxis(axis);
        return chart;
    }

    QAbstractBarSeries *series = nullptr;
    if (kind == Kind::Bars)
        series = new QBarSeries;
    else if (kind == Kind::RankedBars)
        series = new QHorizontalBarSeries;
    else
        series = new QHorizontalStackedBarSeries;
    for (const Values &value : values) {
        auto *set = new QBarSet(value.name);
        for (const QStringList &row : std::as_const(rows))
            set->append(position(row.at(value.column)));
        series->append(set);
    }
    for (const QStringList &row : std::as_const(rows)) {
        qreal total = 0;
        for (const Values &value : values) {
            const qreal y = position(row.at(value.column));
            total = kind == Kind::StackedRanked ? total + qMax<qreal>(0, y) : qMax(total, y);
        }
        largest = qMax(largest, total);
    }
    QValueAxis *axis = valueAxis(largest);
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(axis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    chart->addSeries(series);
    series->attachAxis(categoryAxis);
    series->attachAxis(axis);
    return chart;
}

class ChartsModule final : public QObject, public ReportChartModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MicroShopReportChartModule_iid)
    Q_INTERFACES(MicroShop::ReportChartModule)

public:
    QWidget *newView(QWidget *parent) override;
    void show(QWidget *view, const ReportChart::Drawing &drawing) override;
    QImage render(const ReportChart::Drawing &drawing, QSize size) override;
};

} // namespace

QWidget *ChartsModule::newView(QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

void ChartsModule::show(QWidget *view, const ReportChart::Drawing &drawing)
{
    auto *chartView = qobject_cast<QChartView *>(view);
    if (!chartView)
        return;
    QChart *old = chartView->chart();
    chartView->setChart(make(drawing));
    delete old;
}

QImage ChartsModule::render(const ReportChart::Drawing &drawing, QSize size)
{
    QChartView view(make(drawing)); // owns the chart from here
    view.setRenderHint(QPainter::Antialiasing);
    view.setFrameShape(QFrame::NoFrame);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(size);
    view.show(); // laid out and polished as on screen, but never drawn there
    QCoreApplication::sendPostedEvents();
    return view.grab().toImage();
}

} // namespace MicroShop

#include "ChartsModule.moc"
