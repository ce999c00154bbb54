#include "TableSource.h"

#include "CsvStream.h"
#include "TableFile.h"
#include "XlsxReader.h"

#include <QFile>

namespace MicroShop {

namespace {

// A workbook's first sheet, read whole (the zip's compressed sheet is read at once), handed out a
// record at a time.
class WorkbookSource final : public TableSource
{
public:
    explicit WorkbookSource(const QString &path)
        : m_table(XlsxReader::fromFile(path).table())
        , m_records(m_table)
    {}
    const QStringList &header() const override { return m_records.header(); }
    bool next(CsvRecord &record) override { return m_records.next(record); }
    const QList<CsvIssue> &issues() const override { return m_records.issues(); }
    TablePosition position() const override { return m_records.position(); }
    void seek(const TablePosition &position) override { m_records.seek(position); }

private:
    TableFile m_table;
    TableFileSource m_records;
};

} // namespace

TableFileSource::TableFileSource(const TableFile &table)
    : m_table(table)
{}

const QStringList &TableFileSource::header() const
{
    return m_table.header;
}

bool TableFileSource::next(CsvRecord &record)
{
    if (m_next >= m_table.records.size())
        return false;
    record = m_table.records.at(m_next++);
    return true;
}

const QList<CsvIssue> &TableFileSource::issues() const
{
    return m_table.issues;
}

TablePosition TableFileSource::position() const
{
    return {m_next, m_next < m_table.records.size() ? m_table.records.at(m_next).line : 0};
}

void TableFileSource::seek(const TablePosition &position)
{
    m_next = position.offset;
}

std::unique_ptr<TableSource> openTableSource(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && looksLikeWorkbook(file.read(4)))
        return std::make_unique<WorkbookSource>(path);
    return CsvStream::fromFile(path);
}

} // namespace MicroShop
