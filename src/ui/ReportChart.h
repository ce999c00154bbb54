#pragma once

#include "ReportCatalog.h"
#include "ReportTable.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>

class QChart;

namespace MicroShop {

// Charts of report tables (QtCharts): the cells of a table drawn as lines, bars or a pie. Money is
// plotted from its exact text only as a position on the chart; every figure a merchant reads as a
// number comes from the table itself.
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

    // A new chart (the caller owns it) of `values` over the rows' `categoryColumn`; ranked and pie
    // charts keep the `limit` largest rows by the first value column (0: all).
    static QChart *make(Kind kind, const ReportTable &table, int categoryColumn,
                        const QList<Values> &values, const QString &title, int limit = 0);
    // The chart (taken: it is deleted here) as a picture of the given size, drawn without a window
    // (for PNG files and printed sheets).
    static QImage render(QChart *chart, QSize size);
    // "12.30" -> 12.3 and "7" -> 7: where on the axis a cell goes.
    static qreal position(const QString &cell);
};

} // namespace MicroShop
