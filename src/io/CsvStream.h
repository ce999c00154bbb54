#pragma once

#include "TableSource.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <memory>

class QIODevice;

namespace MicroShop {

// Reads a CSV file record by record by csv.md's rules (what CsvReader holds whole is read by one
// of these): UTF-8 with or without a byte-order mark or GB18030, told apart by one pass over the
// bytes; the separator of the header line; CRLF, LF or CR; quoted fields spanning lines, counted
// as their physical lines; the writer's formula apostrophe removed; blank lines skipped. It holds
// one physical line at a time, so a file of any length is read in the same memory.
class CsvStream final : public TableSource
{
    // Its messages were written in CsvReader and are translated under that name.
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    // device: open for reading and able to seek (a file, a buffer); it must outlive the stream.
    explicit CsvStream(QIODevice &device);
    ~CsvStream() override;
    static std::unique_ptr<CsvStream> fromFile(const QString &path); // owns the file

    const QStringList &header() const override { return m_header; }
    bool next(CsvRecord &record) override;
    const QList<CsvIssue> &issues() const override { return m_issues; }
    TablePosition position() const override;
    void seek(const TablePosition &position) override;

    QString encoding() const { return m_encoding; } // "UTF-8" or "GB18030"
    QChar separator() const { return m_separator; }
    bool hadByteOrderMark() const { return m_byteOrderMark; }

private:
    bool detect(); // encoding, separator and header; false with an issue
    bool readRecord(QStringList &fields, int &recordLine); // false at the end
    bool fillLine(); // the next physical line into m_text; false at the end of the file
    void finishField(QStringList &fields);

    QIODevice &m_device;
    std::unique_ptr<QIODevice> m_ownedDevice;
    std::unique_ptr<QStringDecoder> m_decoder;
    QString m_encoding = QStringLiteral("UTF-8");
    QChar m_separator = u',';
    bool m_byteOrderMark = false;
    QStringList m_header;
    QList<CsvIssue> m_issues;
    QString m_text; // the physical line being read, with its line break
    qsizetype m_position = 0;
    int m_line = 1; // the physical line of m_position
    QString m_field;
    bool m_quotedField = false;
    bool m_failed = false;
};

} // namespace MicroShop
