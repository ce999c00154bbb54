#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

class CsvStream;
struct TableFile;

struct CsvRecord
{
    QStringList fields;
    int line = 0; // the physical line the record starts on; the header is line 1
};

struct CsvIssue
{
    int line = 0;
    int column = 0; // the field's position, from 1
    QString message;
};

// Reads the CSV files merchants' spreadsheets save (csv.md): UTF-8 with or without a byte-order
// mark or GB18030, comma, semicolon or tab separators detected from the header, CRLF or LF,
// quoted fields spanning lines (counted as their physical lines), and the writer's formula
// apostrophe removed. It never throws: what it cannot read is in issues(). CsvStream reads the
// file; this holds all of it.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    static CsvReader fromBytes(const QByteArray &bytes);
    static CsvReader fromFile(const QString &path);

    QString encoding() const { return m_encoding; } // "UTF-8" or "GB18030"
    QChar separator() const { return m_separator; }
    bool hadByteOrderMark() const { return m_byteOrderMark; }
    const QStringList &header() const { return m_header; }
    const QList<CsvRecord> &records() const { return m_records; }
    const QList<CsvIssue> &issues() const { return m_issues; }
    int column(const QString &name) const; // case-insensitive; -1 when absent
    TableFile table() const;

private:
    static CsvReader fromStream(CsvStream &stream);

    QString m_encoding = QStringLiteral("UTF-8");
    QChar m_separator = u',';
    bool m_byteOrderMark = false;
    QStringList m_header;
    QList<CsvRecord> m_records;
    QList<CsvIssue> m_issues;
};

} // namespace MicroShop
