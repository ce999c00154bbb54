#pragma once

#include "CsvReader.h"

#include "TableFile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// Reads the first worksheet of an Excel workbook (.xlsx, the files platforms hand out) as the
// rows a CSV saved from it would hold: cells placed by their reference, so a gap is an empty
// field and a missing row an empty record; numbers as the text the file stores (a phone number
// stays 13800138000, a price 12.3); serial dates in date-formatted cells as YYYY-MM-DD or
// YYYY-MM-DD HH:MM:SS. Records carry the sheet's row numbers. It never throws: what it cannot
// read is in issues().
class XlsxReader final
{
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)

public:
    static XlsxReader fromBytes(const QByteArray &bytes);
    static XlsxReader fromFile(const QString &path);

    QString sheetName() const { return m_sheetName; } // the sheet read
    const QStringList &header() const { return m_table.header; }
    const QList<CsvRecord> &records() const { return m_table.records; }
    const QList<CsvIssue> &issues() const { return m_table.issues; }
    int column(const QString &name) const { return m_table.column(name); }
    const TableFile &table() const { return m_table; }

private:
    class Parser;

    QString m_sheetName;
    TableFile m_table;
};

} // namespace MicroShop
