#include "ExportFileDialog.h"

#include "XlsxWriter.h"

#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace MicroShop {

namespace {

bool lastWasWorkbook = false; // this run's last choice, the next dialog's suggestion

} // namespace

QString ExportFileDialog::withSuffix(const QString &file, bool workbook)
{
    if (XlsxWriter::isWorkbookPath(file) || file.endsWith(u".csv", Qt::CaseInsensitive))
        return file;
    return file + (workbook ? QStringLiteral(".xlsx") : QStringLiteral(".csv"));
}

QString ExportFileDialog::chooseFile(QWidget *parent, const QString &caption,
                                     const QString &baseName)
{
    const QString csvFilter = tr("CSV (*.csv)");
    const QString workbookFilter = tr("Excel workbook (*.xlsx)");
    QString selected = lastWasWorkbook ? workbookFilter : csvFilter;
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(withSuffix(QString(baseName).replace(u'/', u'-'), lastWasWorkbook));
    const QString file = QFileDialog::getSaveFileName(
        parent, caption, suggested, csvFilter + QStringLiteral(";;") + workbookFilter, &selected);
    if (file.isEmpty())
        return {};
    QString chosen = withSuffix(file, selected == workbookFilter);
    lastWasWorkbook = XlsxWriter::isWorkbookPath(chosen);
    return chosen;
}

} // namespace MicroShop
