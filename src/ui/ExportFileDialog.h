#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace MicroShop {

// The save dialog of every table export (the pages' Export…, the Reports page's table): CSV or
// an Excel workbook, the chosen filter deciding the suffix when none was typed. It suggests the
// format chosen last.
class ExportFileDialog final
{
    Q_DECLARE_TR_FUNCTIONS(ExportFileDialog)

public:
    // baseName without a suffix, in the documents folder; empty when cancelled.
    static QString chooseFile(QWidget *parent, const QString &caption, const QString &baseName);
    // The file as chosen, with ".csv" or ".xlsx" added when it has neither (by the filter).
    static QString withSuffix(const QString &file, bool workbook);
};

} // namespace MicroShop
