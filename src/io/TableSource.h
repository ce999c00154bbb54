#pragma once

#include "CsvReader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace MicroShop {

struct TableFile;

// Where a record of a table starts, to read the table again from there: an import that checks a
// whole file before applying it reads it twice, and applies its orders in another order.
struct TablePosition
{
    qint64 offset = 0; // a byte of the file, or a record's index
    int line = 1;      // the physical line there
    bool operator==(const TablePosition &other) const = default;
};

// A table's records one at a time, for an import that must not hold a whole file: a CSV file is
// read as it goes (CsvStream), a workbook from the table XlsxReader made of it.
class TableSource
{
public:
    virtual ~TableSource() = default;
    virtual const QStringList &header() const = 0;
    // The next record; false at the end, or when the file cannot be read further (issues()).
    virtual bool next(CsvRecord &record) = 0;
    virtual const QList<CsvIssue> &issues() const = 0;
    virtual TablePosition position() const = 0; // where the next record starts
    virtual void seek(const TablePosition &position) = 0;
};

// The records of a table already in memory.
class TableFileSource final : public TableSource
{
public:
    explicit TableFileSource(const TableFile &table);
    const QStringList &header() const override;
    bool next(CsvRecord &record) override;
    const QList<CsvIssue> &issues() const override;
    TablePosition position() const override;
    void seek(const TablePosition &position) override;

private:
    const TableFile &m_table;
    qsizetype m_next = 0;
};

// A CSV file streamed, or the first sheet of a workbook, told apart by the file's content.
std::unique_ptr<TableSource> openTableSource(const QString &path);

} // namespace MicroShop
