#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// Rows of text printed as an aligned table (for people), CSV (RFC 4180, for spreadsheets and
// scripts) or JSON (an array of objects keyed by column name).
class TableOutput final
{
public:
    enum class Format { Table, Csv, Json };

    static bool parseFormat(const QString &text, Format *format);

    static QString render(const QStringList &columns, const QList<QStringList> &rows,
                          Format format);

    // One CSV field: quoted when it holds a comma, quote, CR or LF; a text starting with
    // = + - @ tab or CR gets a leading ' so that no spreadsheet runs it as a formula, except
    // a plain number such as -12.30 (csv.md).
    static QString csvField(const QString &text);
    static QString csvLine(const QStringList &fields); // ends with CRLF

    // Columns a terminal gives the text: CJK and other wide characters take two.
    static int displayWidth(const QString &text);
};

} // namespace MicroShop
