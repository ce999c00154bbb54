#pragma once

#include <QStringList>

class QIODevice;

namespace MicroShop {

// Writes csv.md's files: UTF-8 (with a byte-order mark for Excel), CRLF line ends, and fields
// quoted and neutralised against formulas by TableOutput::csvField.
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *device, bool withByteOrderMark = true);

    void writeRow(const QStringList &fields);
    bool ok() const { return m_ok; }

private:
    QIODevice *m_device;
    bool m_ok = true;
};

} // namespace MicroShop
