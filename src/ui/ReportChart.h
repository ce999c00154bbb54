#pragma once

#include "ReportCatalog.h"
#include "ReportTable.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QObject>

class QWidget;

namespace MicroShop {

// Charts of report tables: the cells of a table drawn as lines, bars or a pie. Money is plotted
// from its exact text only as a position on the chart; every figure a merchant reads as a number
// comes from the table itself. Drawn with Qt Charts in a module of its own (src/charts), loaded
// when the first chart is wanted: a start on a page without a chart does not load Qt Charts
// (docs/decisions.md, "The start and its yardstick").
class ReportChart final
{
    Q_DECLARE_TR_FUNCTIONS(ReportChart)

public:
    using Kind = ReportChartKind;
    struct Values
    {
        int column;
        QString name; // for the legend
    };
    // `values` over the rows' `categoryColumn`; ranked and pie charts keep the `limit` largest
    // rows by the first value column (0: all).
    struct Drawing
    {
        Kind kind = Kind::Bars;
        ReportTable table;
        int categoryColumn = 0;
        QList<Values> values;
        QString title;
        int limit = 0;
    };

    // A view for drawings (Qt Charts' QChartView), or, when the charts module cannot be loaded, a
    // label that says why.
    static QWidget *newView(QWidget *parent);
    // Shows the drawing in a view newView() made, in place of what it showed.
    static void show(QWidget *view, const Drawing &drawing);
    // The drawing as a picture of the given size, drawn without a window (for PNG files and
    // printed sheets); a null image when the charts module cannot be loaded.
    static QImage render(const Drawing &drawing, QSize size);
    // The module's file once loaded; empty, with why() saying why, when it cannot be.
    static QString moduleFile();
    static QString why();
    // "12.30" -> 12.3 and "7" -> 7: where on the axis a cell goes.
    static qreal position(const QString &cell)
    {
        return cell.toDouble(); // only a place on the chart, never a figure read back
    }
};

// What the charts module provides, behind ReportChart.
class ReportChartModule
{
public:
    ReportChartModule() = default;
    virtual ~ReportChartModule() = default;
    ReportChartModule(const ReportChartModule &) = delete;
    ReportChartModule &operator=(const ReportChartModule &) = delete;

    virtual QWidget *newView(QWidget *parent) = 0;
    virtual void show(QWidget *view, const ReportChart::Drawing &drawing) = 0;
    virtual QImage render(const ReportChart::Drawing &drawing, QSize size) = 0;
};

} // namespace MicroShop

#define MicroShopReportChartModule_iid "io.microshop.MicroShop.ReportChartModule/1"
Q_DECLARE_INTERFACE(MicroShop::ReportChartModule, MicroShopReportChartModule_iid)
