#pragma once

#include "CsvReader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// What a reader of a table file hands the importers, whatever the file's format (CSV or an Excel
// workbook): the header, the records with the line or row each starts on, and what could not be
// read. Lists are shared, so a copy costs nothing.
struct TableFile
{
    QStringList header;
    QList<CsvRecord> records;
    QList<CsvIssue> issues;

    int column(const QString &name) const; // case-insensitive; -1 when absent
};

// True for the first bytes of a zip archive (an .xlsx) or of an old binary Excel file (.xls).
bool looksLikeWorkbook(QByteArrayView firstBytes);

// Reads a CSV file or the first sheet of an Excel workbook, told apart by the file's content, not
// by its name: merchants rename files, and platforms name workbooks .csv and the other way round.
TableFile readTableFile(const QString &path);
TableFile readTableBytes(const QByteArray &bytes);

} // namespace MicroShop
