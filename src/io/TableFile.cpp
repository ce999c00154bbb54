#include "TableFile.h"

#include "XlsxReader.h"

#include <QFile>

namespace MicroShop {

int TableFile::column(const QString &name) const
{
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

bool looksLikeWorkbook(QByteArrayView firstBytes)
{
    return firstBytes.startsWith("PK\x03\x04") || firstBytes.startsWith("\xD0\xCF\x11\xE0");
}

TableFile readTableFile(const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && looksLikeWorkbook(file.read(4)))
        return XlsxReader::fromFile(path).table();
    // CsvReader also says why a file that cannot be opened cannot be read.
    return CsvReader::fromFile(path).table();
}

TableFile readTableBytes(const QByteArray &bytes)
{
    if (looksLikeWorkbook(bytes))
        return XlsxReader::fromBytes(bytes).table();
    return CsvReader::fromBytes(bytes).table();
}

} // namespace MicroShop
