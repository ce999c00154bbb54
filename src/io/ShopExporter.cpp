#include "ShopExporter.h"

#include "CsvWriter.h"
#include "XlsxWriter.h"

#include "Error.h"

#include <QDir>
#include <QSaveFile>

namespace MicroShop {

qint64 ShopExporter::readRows(ExportKind kind,
                              const std::function<bool(const QStringList &)> &write)
{
    qint64 rows = 0;
    bool cancelled = false;
    m_source.read(kind, [&](const QStringList &row) {
        if (!write(row))
            return false;
        ++rows;
        if (m_progress && rows % 1000 == 0 && !m_progress(rows, -1)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (cancelled)
        throw Cancelled(tr("The export was cancelled; no file was written."));
    return rows;
}

qint64 ShopExporter::exportTo(ExportKind kind, QIODevice *device, bool withByteOrderMark)
{
    CsvWriter writer(device, withByteOrderMark);
    writer.writeRow(ExportSource::columns(kind));
    const qint64 rows = readRows(kind, [&writer](const QStringList &row) {
        writer.writeRow(row);
        return writer.ok();
    });
    if (!writer.ok())
        throw InputError(tr("Writing the CSV file failed: %1").arg(device->errorString()));
    return rows;
}

qint64 ShopExporter::exportToWorkbook(ExportKind kind, const QString &path)
{
    XlsxWriter writer(path, ExportSource::name(kind), ExportSource::columns(kind),
                      ExportSource::columnTypes(kind));
    if (m_rowsPerSheet > 0)
        writer.setRowsPerSheet(m_rowsPerSheet);
    const qint64 rows = readRows(kind, [&writer](const QStringList &row) {
        writer.writeRow(row);
        return true;
    });
    writer.commit();
    return rows;
}

qint64 ShopExporter::exportToFile(ExportKind kind, const QString &path)
{
    if (XlsxWriter::isWorkbookPath(path))
        return exportToWorkbook(kind, path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw InputError(tr("Cannot write %1: %2. Check the folder and that you may write there.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    const qint64 rows = exportTo(kind, &file, true);
    if (!file.commit())
        throw InputError(
            tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
    return rows;
}

} // namespace MicroShop
