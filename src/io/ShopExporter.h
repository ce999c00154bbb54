#pragma once

#include "ExportSource.h"

#include <QCoreApplication>
#include <QString>

class QIODevice;

namespace MicroShop {

// `export KIND FILE` and the pages' Export CSV: csv.md's files (UTF-8 with BOM, CRLF, quoted and
// formula-safe fields) from an ExportSource. A file is written beside its final name and renamed
// when complete, so a failed export never leaves half a file.
class ShopExporter final
{
    Q_DECLARE_TR_FUNCTIONS(ShopExporter)

public:
    explicit ShopExporter(ExportSource &source)
        : m_source(source)
    {}

    // Returns the number of rows written; throws InputError when the file cannot be written.
    qint64 exportToFile(ExportKind kind, const QString &path);
    // To an open device; withByteOrderMark false for standard output (cli.md).
    qint64 exportTo(ExportKind kind, QIODevice *device, bool withByteOrderMark);

private:
    ExportSource &m_source;
};

} // namespace MicroShop
