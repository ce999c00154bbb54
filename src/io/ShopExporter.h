#pragma once

#include "Error.h"

#include "ExportSource.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;

namespace MicroShop {

// `export KIND FILE` and the pages' Export: csv.md's files (UTF-8 with BOM, CRLF, quoted and
// formula-safe fields) from an ExportSource, or an Excel workbook of the same columns when the
// name ends in .xlsx (XlsxWriter, cells typed by ExportSource::columnTypes). A file is written
// beside its final name and renamed when complete, so a failed export never leaves half a file.
class ShopExporter final
{
    Q_DECLARE_TR_FUNCTIONS(ShopExporter)

public:
    explicit ShopExporter(ExportSource &source)
        : m_source(source)
    {}

    // Returns the number of rows written; throws InputError when the file cannot be written.
    // A path ending in .xlsx (any case) gets a workbook, any other CSV.
    qint64 exportToFile(ExportKind kind, const QString &path);
    // To an open device; withByteOrderMark false for standard output (cli.md).
    qint64 exportTo(ExportKind kind, QIODevice *device, bool withByteOrderMark);
    // Told of every thousand rows written (total unknown: -1); false cancels: the export throws
    // Cancelled and exportToFile leaves no file.
    void setProgress(ProgressCallback progress) { m_progress = std::move(progress); }
    // A workbook's rows per sheet before it continues on another (Excel's limit; tests lower it).
    void setRowsPerSheet(qint64 rows) { m_rowsPerSheet = rows; }

private:
    qint64 exportToWorkbook(ExportKind kind, const QString &path);
    // Each row of the kind to write() (false: stop), with progress and Cancel (throws Cancelled);
    // returns the rows written.
    qint64 readRows(ExportKind kind, const std::function<bool(const QStringList &)> &write);

    ExportSource &m_source;
    ProgressCallback m_progress;
    qint64 m_rowsPerSheet = 0; // 0: Excel's
};

} // namespace MicroShop
