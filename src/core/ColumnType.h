#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// What the text of a column is, for a spreadsheet that types its cells (an .xlsx export): every
// export's and report's columns by their csv.md and cli.md names, in one table.
enum class ColumnType {
    Text,     // written as text, never turned into a number: codes, phones, order numbers, SKUs
    Number,   // counts and quantities, rates
    Money,    // money as csv.md writes it, 12.30
    DateTime, // YYYY-MM-DD or YYYY-MM-DD HH:MM:SS
};

class ColumnTypes final
{
public:
    // The column's type by its name; a name the table does not know is Text.
    static ColumnType of(const QString &column);
    static QList<ColumnType> of(const QStringList &columns);
};

} // namespace MicroShop
