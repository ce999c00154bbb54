#include "CsvWriter.h"

#include "TableOutput.h"

#include <QIODevice>

namespace MicroShop {

CsvWriter::CsvWriter(QIODevice *device, bool withByteOrderMark)
    : m_device(device)
{
    if (withByteOrderMark)
        m_ok = m_device->write("\xEF\xBB\xBF", 3) == 3;
}

void CsvWriter::writeRow(const QStringList &fields)
{
    if (!m_ok)
        return;
    const QByteArray line = TableOutput::csvLine(fields).toUtf8();
    m_ok = m_device->write(line) == line.size();
}

} // namespace MicroShop
