#include "CsvReader.h"

#include "CsvStream.h"
#include "TableFile.h"

#include <QBuffer>

namespace MicroShop {

CsvReader CsvReader::fromFile(const QString &path)
{
    return fromStream(*CsvStream::fromFile(path));
}

CsvReader CsvReader::fromBytes(const QByteArray &bytes)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvStream stream(buffer);
    return fromStream(stream);
}

CsvReader CsvReader::fromStream(CsvStream &stream)
{
    CsvReader reader;
    reader.m_encoding = stream.encoding();
    reader.m_separator = stream.separator();
    reader.m_byteOrderMark = stream.hadByteOrderMark();
    reader.m_header = stream.header();
    CsvRecord record;
    while (stream.next(record))
        reader.m_records.append(record);
    reader.m_issues = stream.issues();
    return reader;
}

int CsvReader::column(const QString &name) const
{
    for (qsizetype i = 0; i < m_header.size(); ++i) {
        if (m_header.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

TableFile CsvReader::table() const
{
    return {m_header, m_records, m_issues};
}

} // namespace MicroShop
