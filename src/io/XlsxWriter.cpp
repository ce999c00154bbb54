#include "XlsxWriter.h"

#include "Error.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibrary>
#include <QTime>

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <type_traits>

namespace MicroShop {

namespace {

// Excel's limits: rows in a sheet (the header among them), characters in a cell, in a sheet name.
constexpr qint64 sheetRows = LXW_ROW_MAX;
constexpr qsizetype sheetNameCharacters = LXW_SHEETNAME_MAX;

// A column wide enough for its header and for what its type usually holds; some text columns
// hold long text.
double columnWidth(const QString &name, ColumnType type)
{
    static const QHash<QString, double> wide{
        {QStringLiteral("name"), 20},     {QStringLiteral("order_no"), 18},
        {QStringLiteral("address"), 36},  {QStringLiteral("notes"), 30},
        {QStringLiteral("items"), 36},    {QStringLiteral("reference"), 20},
        {QStringLiteral("tracking"), 20}, {QStringLiteral("wechat_remark"), 16}};
    double width = 14;
    if (type == ColumnType::Number)
        width = 10;
    else if (type == ColumnType::Money)
        width = 12;
    else if (type == ColumnType::DateTime)
        width = 19;
    return std::max({width, wide.value(name), double(name.size() + 2)});
}

// Excel refuses [ ] : * ? / \ in a sheet's name and more than 31 characters.
QString sheetTitle(const QString &name, int number)
{
    QString title = name;
    for (QChar &c : title) {
        if (QStringView(u"[]:*?/\\").contains(c))
            c = u'-';
    }
    const QString suffix = number > 1 ? QStringLiteral(" (%1)").arg(number) : QString();
    title = title.left(sheetNameCharacters - suffix.size()).trimmed();
    if (title.isEmpty())
        title = QStringLiteral("Sheet");
    return title + suffix;
}

// The number the digits at text[from, from + count) write, or -1. (QDate::fromString and
// QTime::fromString build a parser each call: several times slower than the rest of a cell.)
int digitsAt(const QString &text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// "2026-11-29" or "2026-11-29 13:05:00" as the date and time it names; false for other text.
bool parseDateTime(const QString &text, lxw_datetime *value, bool *withTime)
{
    if (text.size() != 10 && text.size() != 19)
        return false;
    if (text.at(4) != u'-' || text.at(7) != u'-')
        return false;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    if (year < 1900 || !QDate::isValid(year, month, day))
        return false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (text.size() == 19) {
        if (text.at(10) != u' ' || text.at(13) != u':' || text.at(16) != u':')
            return false;
        hour = digitsAt(text, 11, 2);
        minute = digitsAt(text, 14, 2);
        second = digitsAt(text, 17, 2);
        if (!QTime::isValid(hour, minute, second))
            return false;
    }
    *value = {year, month, day, hour, minute, double(second)};
    *withTime = text.size() == 19;
    return true;
}

// libxlsxwriter, loaded when the first workbook is written rather than linked: the loader binds a
// linked library (and the OpenSSL it links) at every start of the programs, about 2 ms of the
// desktop's (docs/decisions.md, "The start and its yardstick"). The functions this file calls,
// found by name; their types are the header's.
struct Lxw
{
    decltype(&workbook_new_opt) workbookNewOpt = nullptr;
    decltype(&workbook_add_format) workbookAddFormat = nullptr;
    decltype(&workbook_add_worksheet) workbookAddWorksheet = nullptr;
    decltype(&workbook_close) workbookClose = nullptr;
    decltype(&lxw_workbook_free) workbookFree = nullptr;
    decltype(&lxw_strerror) strerror = nullptr;
    decltype(&format_set_bold) formatSetBold = nullptr;
    decltype(&format_set_bottom) formatSetBottom = nullptr;
    decltype(&format_set_num_format) formatSetNumFormat = nullptr;
    decltype(&worksheet_set_column) worksheetSetColumn = nullptr;
    decltype(&worksheet_write_string) worksheetWriteString = nullptr;
    decltype(&worksheet_write_number) worksheetWriteNumber = nullptr;
    decltype(&worksheet_write_datetime) worksheetWriteDatetime = nullptr;
    decltype(&worksheet_freeze_panes) worksheetFreezePanes = nullptr;
    QString missing; // why it cannot be used; empty when every function was found
};

// Loaded once, on the first call (from any thread), and kept for the rest of the process.
const Lxw &lxw()
{
    static const Lxw loaded = [] {
        Lxw lxw;
        QLibrary library(QStringLiteral("xlsxwriter"), QStringLiteral(LXW_SOVERSION));
        if (!library.load()) {
            lxw.missing = library.errorString();
            return lxw;
        }
        const auto find = [&](auto &function, const char *name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(
                library.resolve(name));
            if (!function && lxw.missing.isEmpty())
                lxw.missing = library.errorString();
        };
        find(lxw.workbookNewOpt, "workbook_new_opt");
        find(lxw.workbookAddFormat, "workbook_add_format");
        find(lxw.workbookAddWorksheet, "workbook_add_worksheet");
        find(lxw.workbookClose, "workbook_close");
        find(lxw.workbookFree, "lxw_workbook_free");
        find(lxw.strerror, "lxw_strerror");
        find(lxw.formatSetBold, "format_set_bold");
        find(lxw.formatSetBottom, "format_set_bottom");
        find(lxw.formatSetNumFormat, "format_set_num_format");
        find(lxw.worksheetSetColumn, "worksheet_set_column");
        find(lxw.worksheetWriteString, "worksheet_write_string");
        find(lxw.worksheetWriteNumber, "worksheet_write_number");
        find(lxw.worksheetWriteDatetime, "worksheet_write_datetime");
        find(lxw.worksheetFreezePanes, "worksheet_freeze_panes");
        return lxw;
    }();
    return loaded;
}

} // namespace

// libxlsxwriter's workbook and the formats its cells use; freed unwritten unless closed.
struct XlsxWriter::Workbook
{
    QByteArray partialPath; // beside the final name, renamed when complete
    QByteArray folder;      // libxlsxwriter's temporary files, on the final file's disk
    lxw_workbook *book = nullptr;
    lxw_worksheet *sheet = nullptr;
    QList<lxw_worksheet *> sheets;
    lxw_format *header = nullptr;
    lxw_format *money = nullptr;
    lxw_format *date = nullptr;
    lxw_format *dateTime = nullptr;
    bool committed = false;

    ~Workbook()
    {
        if (book) {
            // lxw_workbook_free (1.1.4) leaves constant_memory's temporary files open, and an
            // unlinked file's space is only given back when it is closed: close them here.
            for (lxw_worksheet *each : std::as_const(sheets)) {
                if (each->optimize_tmpfile)
                    std::fclose(each->optimize_tmpfile);
                each->optimize_tmpfile = nullptr;
                each->file = nullptr;
            }
            lxw().workbookFree(book);
        }
        if (!committed && !partialPath.isEmpty())
            QFile::remove(QFile::decodeName(partialPath));
    }
};

XlsxWriter::XlsxWriter(const QString &path, const QString &sheetName, const QStringList &columns,
                       const QList<ColumnType> &types)
    : m_path(path)
    , m_sheetName(sheetName)
    , m_columns(columns)
    , m_types(types)
    , m_workbook(std::make_unique<Workbook>())
    , m_rowsPerSheet(sheetRows - 1)
{
    while (m_types.size() < m_columns.size())
        m_types.append(ColumnType::Text);
    const QString partial = path + QStringLiteral(".partial");
    QFile probe(partial);
    if (!probe.open(QIODevice::WriteOnly))
        throw InputError(tr("Cannot write %1: %2. Check the folder and that you may write there.")
                             .arg(QDir::toNativeSeparators(path), probe.errorString()));
    probe.close();
    if (!lxw().missing.isEmpty()) {
        QFile::remove(partial);
        throw InputError(
            tr("Cannot write %1: the library that writes Excel workbooks "
               "(libxlsxwriter %2) cannot be loaded: %3. Install it (on Debian: "
               "libxlsxwriter%2), or export to CSV instead.")
                .arg(QDir::toNativeSeparators(path), QStringLiteral(LXW_SOVERSION), lxw().missing));
    }
    m_workbook->partialPath = QFile::encodeName(partial);
    m_workbook->folder = QFile::encodeName(QFileInfo(partial).absolutePath());

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // each row goes to a temporary file once the next starts
    options.tmpdir = m_workbook->folder.data();
    lxw_workbook *book = lxw().workbookNewOpt(m_workbook->partialPath.constData(), &options);
    if (!book)
        fail(tr("libxlsxwriter cannot start a workbook"));
    m_workbook->book = book;
    m_workbook->header = lxw().workbookAddFormat(book);
    lxw().formatSetBold(m_workbook->header);
    lxw().formatSetBottom(m_workbook->header, LXW_BORDER_THIN);
    m_workbook->money = lxw().workbookAddFormat(book);
    lxw().formatSetNumFormat(m_workbook->money, "0.00");
    m_workbook->date = lxw().workbookAddFormat(book);
    lxw().formatSetNumFormat(m_workbook->date, "yyyy-mm-dd");
    m_workbook->dateTime = lxw().workbookAddFormat(book);
    lxw().formatSetNumFormat(m_workbook->dateTime, "yyyy-mm-dd hh:mm:ss");
    addSheet();
}

XlsxWriter::~XlsxWriter() = default;

bool XlsxWriter::isWorkbookPath(const QString &path)
{
    return path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive);
}

void XlsxWriter::fail(const QString &reason) const
{
    throw InputError(tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(m_path), reason));
}

// A sheet with the header, bold and frozen: it stays in view while the rows scroll.
void XlsxWriter::addSheet()
{
    ++m_sheets;
    m_rowsInSheet = 0;
    const QByteArray title = sheetTitle(m_sheetName, m_sheets).toUtf8();
    lxw_worksheet *sheet = lxw().workbookAddWorksheet(m_workbook->book, title.constData());
    if (!sheet)
        fail(tr("libxlsxwriter cannot add the sheet \"%1\"").arg(QString::fromUtf8(title)));
    m_workbook->sheet = sheet;
    m_workbook->sheets.append(sheet);
    for (int column = 0; column < m_columns.size(); ++column) {
        const ColumnType type = m_types.at(column);
        lxw_format *format = nullptr;
        if (type == ColumnType::Money)
            format = m_workbook->money;
        lxw().worksheetSetColumn(sheet, lxw_col_t(column), lxw_col_t(column),
                                 columnWidth(m_columns.at(column), type), format);
        lxw().worksheetWriteString(sheet, 0, lxw_col_t(column),
                                   m_columns.at(column).toUtf8().constData(), m_workbook->header);
    }
    lxw().worksheetFreezePanes(sheet, 1, 0);
}

void XlsxWriter::writeRow(const QStringList &row)
{
    if (m_rowsInSheet >= m_rowsPerSheet)
        addSheet();
    ++m_rowsInSheet;
    ++m_rows;
    const qsizetype count = qMin(row.size(), qsizetype(LXW_COL_MAX));
    for (qsizetype column = 0; column < count; ++column) {
        if (!row.at(column).isEmpty())
            writeCell(int(column), row.at(column));
    }
}

void XlsxWriter::writeCell(int column, const QString &text)
{
    lxw_worksheet *sheet = m_workbook->sheet;
    const auto at = lxw_col_t(column);
    const auto row = lxw_row_t(m_rowsInSheet);
    const ColumnType type = column < m_types.size() ? m_types.at(column) : ColumnType::Text;
    if (type == ColumnType::Number || type == ColumnType::Money) {
        // Excel keeps every number as a double: the nearest one to the decimal text, here at
        // the edge of the file and nowhere else (12.30 shows as 12.30 again).
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (ok) {
            lxw().worksheetWriteNumber(sheet, row, at, number,
                                       type == ColumnType::Money ? m_workbook->money : nullptr);
            return;
        }
    } else if (type == ColumnType::DateTime) {
        lxw_datetime value{};
        bool withTime = false;
        if (parseDateTime(text, &value, &withTime)) {
            lxw().worksheetWriteDatetime(sheet, row, at, &value,
                                         withTime ? m_workbook->dateTime : m_workbook->date);
            return;
        }
    }
    // A string cell: never a number, never a formula (no ' needed as in CSV).
    const lxw_error error = lxw().worksheetWriteString(sheet, row, at, text.toUtf8().constData(),
                                                       nullptr);
    if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        throw InputError(tr("Cannot write %1: row %2, column %3 holds %4 characters, more than "
                            "an Excel cell takes (32,767). Export to CSV instead, or shorten it.")
                             .arg(QDir::toNativeSeparators(m_path))
                             .arg(m_rows + 1)
                             .arg(m_columns.value(column))
                             .arg(text.size()));
    if (error != LXW_NO_ERROR)
        fail(QString::fromUtf8(lxw().strerror(error)));
}

void XlsxWriter::commit()
{
    lxw_workbook *book = m_workbook->book;
    m_workbook->book = nullptr; // workbook_close frees it, written or not
    const lxw_error error = lxw().workbookClose(book);
    if (error != LXW_NO_ERROR)
        fail(QString::fromUtf8(lxw().strerror(error)));
    // Over an older file of that name at once (rename(2)); on failure the partial one goes.
    if (std::rename(m_workbook->partialPath.constData(), QFile::encodeName(m_path).constData())
        != 0)
        fail(tr("the finished workbook cannot be renamed to it"));
    m_workbook->committed = true;
}

} // namespace MicroShop
