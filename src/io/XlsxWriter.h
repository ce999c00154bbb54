#pragma once

#include "ColumnType.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace MicroShop {

// Writes a table as an Excel workbook (.xlsx) with libxlsxwriter: a bold, frozen header row,
// then rows of csv.md's text typed by column (ColumnType): text stays text, numbers and money
// are numbers (money formatted 0.00), dates real dates. Rows stream through a temporary file
// (libxlsxwriter's constant_memory) so a million rows are never held in memory; the workbook is
// written beside its final name and renamed when complete, so a failed or abandoned export
// leaves no file. A sheet holds 1,048,575 rows below its header; more continue on "NAME (2)".
class XlsxWriter final
{
    Q_DECLARE_TR_FUNCTIONS(XlsxWriter)

public:
    // Throws InputError when the file cannot be created there.
    XlsxWriter(const QString &path, const QString &sheetName, const QStringList &columns,
               const QList<ColumnType> &types);
    ~XlsxWriter(); // without commit(): nothing is left at path
    XlsxWriter(const XlsxWriter &) = delete;
    XlsxWriter &operator=(const XlsxWriter &) = delete;

    // A row of text cells in the columns' order; an empty cell stays empty. Throws InputError
    // when a cell cannot be written (longer than Excel's 32,767 characters).
    void writeRow(const QStringList &row);
    // Writes the workbook and puts it at its path; throws InputError when that fails.
    void commit();

    static bool isWorkbookPath(const QString &path); // ends in .xlsx, in any case
    // Rows below the header before a sheet is continued on another (tests make it small).
    void setRowsPerSheet(qint64 rows) { m_rowsPerSheet = rows; }

private:
    struct Workbook;

    void addSheet();
    void writeCell(int column, const QString &text);
    [[noreturn]] void fail(const QString &reason) const;

    QString m_path;
    QString m_sheetName;
    QStringList m_columns;
    QList<ColumnType> m_types;
    std::unique_ptr<Workbook> m_workbook;
    qint64 m_rowsPerSheet;
    qint64 m_rowsInSheet = 0;
    qint64 m_rows = 0;
    int m_sheets = 0;
};

} // namespace MicroShop
