#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// A report as plain text cells under named columns (cli.md's names), money as 12.30: what the
// command line prints, the GUI charts and tables read, and printed documents lay out.
struct ReportTable
{
    QStringList columns;
    QList<QStringList> rows;
};

} // namespace MicroShop
