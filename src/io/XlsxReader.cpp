#include "XlsxReader.h"

#include "TableFile.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QXmlStreamReader>

#include <unzip.h> // Debian's minizip, the one libxlsxwriter writes with

#include <cmath>
#include <cstring>
#include <map>
#include <memory>

namespace MicroShop {

namespace {

constexpr int maxColumns = 16384; // XFD, Excel's last column

// What a number format shows of a serial number.
enum class DateKind { None, Date, DateTime, Time };

// ECMA-376 18.8.30: 14-22 and 45-47 are dates and times everywhere; 27-36 and 50-58 are the
// Chinese (and other East Asian) locale's date and time formats, which platforms' files use.
DateKind builtInDateKind(int id)
{
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54)
        || id == 57 || id == 58)
        return DateKind::Date;
    if (id == 22)
        return DateKind::DateTime;
    if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id == 55
        || id == 56)
        return DateKind::Time;
    return DateKind::None;
}

// A custom format is a date or time when its first section has y, m, d, h or s outside quoted
// text, [brackets] (colours, locales, elapsed time) and escaped characters; m alone is a month,
// beside h or s a minute.
DateKind customDateKind(QStringView code)
{
    bool date = false;
    bool month = false;
    bool time = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i).toLower();
        if (c == u'"') {
            const qsizetype end = code.indexOf(u'"', i + 1);
            if (end < 0)
                break;
            i = end;
        } else if (c == u'[') {
            const qsizetype end = code.indexOf(u']', i + 1);
            if (end < 0)
                break;
            i = end;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i; // the next character is shown literally (or is padding)
        } else if (c == u';') {
            break;
        } else if (c == u'y' || c == u'd') {
            date = true;
        } else if (c == u'm') {
            month = true;
        } else if (c == u'h' || c == u's') {
            time = true;
        }
    }
    if (time)
        return date ? DateKind::DateTime : DateKind::Time;
    return date || month ? DateKind::Date : DateKind::None;
}

// A serial number as the date or time a date-formatted cell shows, in the 1900 date system (with
// Excel's 29 February 1900, serial 60, that never was) or the 1904 one. Empty when negative.
QString serialText(double serial, DateKind kind, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 3000000)
        return {};
    const qint64 seconds = std::llround(serial * 86400.0);
    const qint64 days = seconds / 86400;
    const qint64 second = seconds % 86400;
    QString time = QStringLiteral("%1:%2:%3")
                       .arg(second / 3600, 2, 10, QChar(u'0'))
                       .arg(second / 60 % 60, 2, 10, QChar(u'0'))
                       .arg(second % 60, 2, 10, QChar(u'0'));
    if (kind == DateKind::Time && days == 0)
        return time;
    QString date;
    if (date1904)
        date = QDate(1904, 1, 1).addDays(days).toString(Qt::ISODate);
    else if (days == 60)
        date = QStringLiteral("1900-02-29");
    else if (days < 60)
        date = QDate(1899, 12, 31).addDays(days).toString(Qt::ISODate);
    else
        date = QDate(1899, 12, 30).addDays(days).toString(Qt::ISODate);
    return kind == DateKind::Date ? date : date + u' ' + time;
}

// A double as a spreadsheet's General format shows it: 15 significant digits, never an
// exponent, no trailing zeros.
QString plainNumber(double value)
{
    if (value == 0 || !std::isfinite(value))
        return value == 0 ? QStringLiteral("0") : QString::number(value);
    const int exponent = int(std::floor(std::log10(std::fabs(value))));
    QString text = QString::number(value, 'f', qMax(0, 14 - exponent));
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text == u"-0" ? QStringLiteral("0") : text;
}

// The number as the file stores it ("12.3", "13800138000"); only an exponent or more digits than
// a double holds (what some writers store for 12.3: 12.300000000000001) goes through a double.
QString numberText(const QString &stored)
{
    int digits = 0;
    bool plain = !stored.isEmpty();
    for (qsizetype i = 0; i < stored.size() && plain; ++i) {
        const QChar c = stored.at(i);
        if (c.isDigit()) {
            if (digits > 0 || c != u'0')
                ++digits;
        } else if (!(c == u'.' || (c == u'-' && i == 0))) {
            plain = false;
        }
    }
    if (plain && digits <= 15)
        return stored;
    bool ok = false;
    const double value = stored.toDouble(&ok);
    return ok ? plainNumber(value) : stored;
}

// OOXML writes characters XML cannot hold as _xHHHH_ (a literal "_x" as _x005F_x).
QString decodeEscapes(const QString &text)
{
    if (!text.contains(u"_x"))
        return text;
    QString decoded;
    decoded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'_' && i + 6 < text.size() && text.at(i + 1) == u'x'
            && text.at(i + 6) == u'_') {
            bool ok = false;
            const ushort code = text.mid(i + 2, 4).toUShort(&ok, 16);
            if (ok) {
                decoded.append(QChar(code));
                i += 6;
                continue;
            }
        }
        decoded.append(text.at(i));
    }
    return decoded;
}

// The text of a shared string (<si>) or an inline string (<is>): its <t>, or its runs' <t>s,
// without the phonetic guides (<rPh>) Japanese and Chinese files carry. The reader is on the
// element's start and ends on its end.
QString readRichText(QXmlStreamReader &xml)
{
    QString text;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"t")
                text += xml.readElementText();
            else if (xml.name() == u"rPh" || xml.name() == u"phoneticPr")
                xml.skipCurrentElement();
            else
                ++depth;
        } else if (xml.isEndElement()) {
            --depth;
        }
    }
    return decodeEscapes(text);
}

// "AB12" -> column 28, row 12; false when it is not a cell reference.
bool parseReference(QStringView reference, int *column, int *row)
{
    int letters = 0;
    int col = 0;
    qsizetype i = 0;
    for (; i < reference.size(); ++i) {
        const char16_t c = reference.at(i).toUpper().unicode();
        if (c < u'A' || c > u'Z')
            break;
        col = col * 26 + (c - u'A' + 1);
        if (++letters > 3)
            return false;
    }
    bool ok = false;
    const int number = reference.sliced(i).toInt(&ok);
    if (letters == 0 || !ok || number < 1 || col > maxColumns)
        return false;
    *column = col;
    *row = number;
    return true;
}

QString attribute(const QXmlStreamReader &xml, QStringView name)
{
    for (const QXmlStreamAttribute &each : xml.attributes()) {
        if (each.name() == name)
            return each.value().toString();
    }
    return {};
}

// A part's path from a relationship's target, relative to the folder of the part that names it.
QString resolvePart(const QString &folder, const QString &target)
{
    const QString joined = target.startsWith(u'/') ? target.mid(1) : folder + target;
    QStringList parts;
    for (const QString &part : joined.split(u'/', Qt::SkipEmptyParts)) {
        if (part == u"..") {
            if (!parts.isEmpty())
                parts.removeLast();
        } else if (part != u".") {
            parts.append(part);
        }
    }
    return parts.join(u'/');
}

QString folderOf(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return slash < 0 ? QString() : part.left(slash + 1);
}

QString relationshipsOf(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(u'/');
    return folderOf(part) + QStringLiteral("_rels/") + part.mid(slash + 1)
           + QStringLiteral(".rels");
}

struct Relationship
{
    QString id;
    QString type; // the last segment of the type's URI: "worksheet", "sharedStrings"
    QString part;
};

struct Failure
{
    QString message;
};

// minizip's file functions over bytes in memory: the archive is read where it lies.
struct MemoryArchive
{
    const QByteArray *bytes = nullptr;
    ZPOS64_T position = 0;
};

voidpf ZCALLBACK openMemory(voidpf opaque, const void * /*name*/, int /*mode*/)
{
    auto *archive = static_cast<MemoryArchive *>(opaque);
    archive->position = 0;
    return archive;
}

uLong ZCALLBACK readMemory(voidpf /*opaque*/, voidpf stream, void *buffer, uLong size)
{
    auto *archive = static_cast<MemoryArchive *>(stream);
    const auto total = ZPOS64_T(archive->bytes->size());
    const ZPOS64_T left = archive->position < total ? total - archive->position : 0;
    const auto count = uLong(qMin<ZPOS64_T>(size, left));
    if (count > 0)
        std::memcpy(buffer, archive->bytes->constData() + archive->position, count);
    archive->position += count;
    return count;
}

uLong ZCALLBACK writeMemory(voidpf /*opaque*/, voidpf /*stream*/, const void * /*buffer*/,
                            uLong /*size*/)
{
    return 0; // read only
}

ZPOS64_T ZCALLBACK tellMemory(voidpf /*opaque*/, voidpf stream)
{
    return static_cast<MemoryArchive *>(stream)->position;
}

long ZCALLBACK seekMemory(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *archive = static_cast<MemoryArchive *>(stream);
    const auto total = ZPOS64_T(archive->bytes->size());
    ZPOS64_T base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR)
        base = archive->position;
    else if (origin == ZLIB_FILEFUNC_SEEK_END)
        base = total;
    else if (origin != ZLIB_FILEFUNC_SEEK_SET)
        return -1;
    if (base + offset > total)
        return -1;
    archive->position = base + offset;
    return 0;
}

int ZCALLBACK closeMemory(voidpf /*opaque*/, voidpf /*stream*/)
{
    return 0;
}

int ZCALLBACK memoryError(voidpf /*opaque*/, voidpf /*stream*/)
{
    return 0;
}

// Closes the archive however the parse ends.
struct ArchiveCloser
{
    void operator()(void *zip) const { unzClose(zip); }
};

} // namespace

// Unpacks the parts it needs and reads them; a failure is one message, thrown to fromBytes.
class XlsxReader::Parser
{
public:
    explicit Parser(XlsxReader &reader)
        : m_reader(reader)
    {}

    void parse(const QByteArray &bytes)
    {
        if (bytes.startsWith("\xD0\xCF\x11\xE0"))
            throw Failure{tr("an old Excel workbook (.xls) or one protected by a password, which "
                             "MicroShop cannot read: open it in Excel or WPS and save it as .xlsx "
                             "(without a password) or as CSV.")};
        if (!bytes.startsWith("PK\x03\x04"))
            throw Failure{tr("not an Excel workbook (.xlsx): open it in Excel or WPS and save it "
                             "as .xlsx or as CSV.")};
        MemoryArchive archive{&bytes, 0};
        zlib_filefunc64_def functions{openMemory, readMemory,  writeMemory, tellMemory,
                                      seekMemory, closeMemory, memoryError, &archive};
        const std::unique_ptr<void, ArchiveCloser> zip(unzOpen2_64("", &functions));
        if (!zip)
            throw damaged(tr("the zip archive cannot be opened"));
        m_zip = zip.get();

        QString workbookPart = QStringLiteral("xl/workbook.xml");
        for (const Relationship &each : relationships(QStringLiteral("_rels/.rels"))) {
            if (each.type == u"officeDocument")
                workbookPart = each.part;
        }
        QByteArray workbook;
        if (!read(workbookPart, &workbook))
            throw Failure{tr("a zip archive but not an Excel workbook: it holds no %1. Save the "
                             "table as .xlsx or as CSV.")
                              .arg(workbookPart)};
        const QString sheetId = readWorkbook(workbook, workbookPart);

        Relationship sheet;
        QString sharedStringsPart;
        QString stylesPart;
        for (const Relationship &each : relationships(relationshipsOf(workbookPart))) {
            if (each.id == sheetId)
                sheet = each;
            else if (each.type == u"sharedStrings")
                sharedStringsPart = each.part;
            else if (each.type == u"styles")
                stylesPart = each.part;
        }
        if (sheet.part.isEmpty())
            throw damaged(tr("its first sheet \"%1\" is missing").arg(m_reader.m_sheetName));
        if (sheet.type != u"worksheet")
            throw Failure{tr("the first sheet \"%1\" is a chart or a dialog, not a table: move "
                             "the sheet with the table to the front and save the workbook again.")
                              .arg(m_reader.m_sheetName)};

        QByteArray part;
        if (!sharedStringsPart.isEmpty() && read(sharedStringsPart, &part))
            readSharedStrings(part, sharedStringsPart);
        if (!stylesPart.isEmpty() && read(stylesPart, &part))
            readStyles(part, stylesPart);
        if (!read(sheet.part, &part)) {
            const QString &name = m_reader.m_sheetName;
            throw damaged(tr("its first sheet \"%1\" is missing (%2)").arg(name, sheet.part));
        }
        readSheet(part, sheet.part);
    }

private:
    Failure damaged(const QString &what) const
    {
        return Failure{tr("the workbook is damaged: %1. Open it in Excel or WPS and save it "
                          "again, or save it as CSV.")
                           .arg(what)};
    }

    void checkXml(const QXmlStreamReader &xml, const QString &part) const
    {
        if (xml.hasError())
            throw damaged(
                tr("%1, line %2: %3").arg(part).arg(xml.lineNumber()).arg(xml.errorString()));
    }

    bool read(const QString &part, QByteArray *bytes)
    {
        constexpr int caseInsensitive = 2; // unzStringFileNameCompare's
        if (unzLocateFile(m_zip, part.toUtf8().constData(), caseInsensitive) != UNZ_OK)
            return false;
        if (unzOpenCurrentFile(m_zip) != UNZ_OK)
            throw damaged(tr("%1 cannot be unpacked").arg(part));
        bytes->clear();
        char chunk[65536];
        int read = 0;
        while ((read = unzReadCurrentFile(m_zip, chunk, sizeof chunk)) > 0)
            bytes->append(chunk, read);
        // Closing checks the CRC of what was read.
        if (unzCloseCurrentFile(m_zip) != UNZ_OK || read < 0)
            throw damaged(tr("%1 cannot be unpacked").arg(part));
        return true;
    }

    // The relationships a part (or, for _rels/.rels, the package) has with others.
    QList<Relationship> relationships(const QString &relsPart)
    {
        QList<Relationship> found;
        QByteArray bytes;
        if (!read(relsPart, &bytes))
            return found;
        const QString folder = folderOf(folderOf(relsPart).chopped(1)); // above _rels/
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.name() != u"Relationship")
                continue;
            if (attribute(xml, u"TargetMode") == u"External")
                continue;
            const QString type = attribute(xml, u"Type").section(u'/', -1);
            const QString part = resolvePart(folder, attribute(xml, u"Target"));
            found.append({attribute(xml, u"Id"), type, part});
        }
        checkXml(xml, relsPart);
        return found;
    }

    // The first sheet's name and relationship id, and the date system.
    QString readWorkbook(const QByteArray &bytes, const QString &part)
    {
        QXmlStreamReader xml(bytes);
        bool haveSheet = false;
        QString sheetId;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"workbookPr") {
                const QString date1904 = attribute(xml, u"date1904");
                m_date1904 = date1904 == u"1" || date1904 == u"true";
            } else if (xml.name() == u"sheet" && !haveSheet) {
                haveSheet = true;
                m_reader.m_sheetName = attribute(xml, u"name");
                sheetId = attribute(xml, u"id"); // r:id
            }
        }
        checkXml(xml, part);
        if (!haveSheet)
            throw Failure{tr("the workbook has no sheet: put the table on its first sheet and "
                             "save it again.")};
        return sheetId;
    }

    void readSharedStrings(const QByteArray &bytes, const QString &part)
    {
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"si")
                m_sharedStrings.append(readRichText(xml));
        }
        checkXml(xml, part);
    }

    void readStyles(const QByteArray &bytes, const QString &part)
    {
        QHash<int, QString> customFormats;
        QList<int> formatIds;
        bool inCellFormats = false;
        QXmlStreamReader xml(bytes);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"numFmt")
                customFormats.insert(attribute(xml, u"numFmtId").toInt(),
                                     attribute(xml, u"formatCode"));
            else if (xml.isStartElement() && xml.name() == u"cellXfs")
                inCellFormats = true;
            else if (xml.isEndElement() && xml.name() == u"cellXfs")
                inCellFormats = false;
            else if (inCellFormats && xml.isStartElement() && xml.name() == u"xf")
                formatIds.append(attribute(xml, u"numFmtId").toInt());
        }
        checkXml(xml, part);
        for (const int id : std::as_const(formatIds)) {
            m_styleDateKinds.append(customFormats.contains(id)
                                        ? customDateKind(customFormats.value(id))
                                        : builtInDateKind(id));
        }
    }

    QString cellText(const QString &type, int style, const QString &value,
                     const QString &inlineText) const
    {
        if (type == u"s") {
            bool ok = false;
            const int index = value.toInt(&ok);
            return ok && index >= 0 && index < m_sharedStrings.size() ? m_sharedStrings.at(index)
                                                                      : QString();
        }
        if (type == u"inlineStr")
            return inlineText.isEmpty() ? decodeEscapes(value) : inlineText;
        if (type == u"str" || type == u"e")
            return decodeEscapes(value);
        if (type == u"b")
            return value.trimmed() == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        const DateKind kind = style >= 0 && style < m_styleDateKinds.size()
                                  ? m_styleDateKinds.at(style)
                                  : DateKind::None;
        if (type == u"d") { // an ISO 8601 date, rare
            const QString date = value.left(10);
            const QString time = value.mid(11, 8);
            return kind == DateKind::Date || time.isEmpty() ? date : date + u' ' + time;
        }
        const QString number = value.trimmed();
        if (number.isEmpty() || kind == DateKind::None)
            return numberText(number);
        bool ok = false;
        const QString date = serialText(number.toDouble(&ok), kind, m_date1904);
        return ok && !date.isEmpty() ? date : numberText(number);
    }

    void readSheet(const QByteArray &bytes, const QString &part)
    {
        std::map<int, QStringList> rows; // the rows with a value, by number
        QXmlStreamReader xml(bytes);
        int rowNumber = 0;
        int columnNumber = 0;
        QStringList fields;
        auto finishRow = [&] {
            while (!fields.isEmpty() && fields.constLast().isEmpty())
                fields.removeLast();
            if (!fields.isEmpty())
                rows[rowNumber] = fields;
            fields.clear();
        };
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.name() == u"row") {
                finishRow();
                continue;
            }
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"row") {
                bool ok = false;
                const int number = attribute(xml, u"r").toInt(&ok);
                rowNumber = ok && number > rowNumber ? number : rowNumber + 1;
                columnNumber = 0;
                continue;
            }
            if (xml.name() != u"c")
                continue;
            int column = columnNumber + 1;
            int row = rowNumber;
            if (!parseReference(attribute(xml, u"r"), &column, &row) || row != rowNumber)
                column = columnNumber + 1;
            const QString type = attribute(xml, u"t");
            bool styled = false;
            const int style = attribute(xml, u"s").toInt(&styled);
            QString value;
            QString inlineText;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isEndElement() && xml.name() == u"c")
                    break;
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == u"v")
                    value = xml.readElementText();
                else if (xml.name() == u"is")
                    inlineText = readRichText(xml);
                else
                    xml.skipCurrentElement(); // a formula, an extension
            }
            columnNumber = qMin(column, maxColumns);
            const QString text = cellText(type, styled ? style : 0, value, inlineText);
            if (text.isEmpty())
                continue;
            while (fields.size() < columnNumber)
                fields.append(QString());
            fields[columnNumber - 1] = text;
        }
        checkXml(xml, part);

        auto next = rows.begin();
        if (next == rows.end())
            throw Failure{tr("the first sheet \"%1\" is empty: it needs a header row with the "
                             "column names.")
                              .arg(m_reader.m_sheetName)};
        const int headerRow = next->first;
        m_reader.m_table.header = next->second;
        for (QString &name : m_reader.m_table.header)
            name = name.trimmed();
        const qsizetype width = m_reader.m_table.header.size();
        ++next;
        const int lastRow = rows.empty() ? headerRow : rows.rbegin()->first;
        m_reader.m_table.records.reserve(lastRow - headerRow);
        for (int row = headerRow + 1; row <= lastRow; ++row) {
            QStringList record;
            if (next != rows.end() && next->first == row) {
                record = next->second;
                ++next;
            }
            while (record.size() < width)
                record.append(QString());
            m_reader.m_table.records.append({record, row});
        }
    }

    XlsxReader &m_reader;
    unzFile m_zip = nullptr;
    bool m_date1904 = false;
    QStringList m_sharedStrings;
    QList<DateKind> m_styleDateKinds; // by cellXfs index
};

XlsxReader XlsxReader::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        XlsxReader reader;
        reader.m_table.issues.append(
            {1, 1, tr("cannot read the file: %1").arg(file.errorString())});
        return reader;
    }
    return fromBytes(file.readAll());
}

XlsxReader XlsxReader::fromBytes(const QByteArray &bytes)
{
    XlsxReader reader;
    try {
        Parser(reader).parse(bytes);
    } catch (const Failure &failure) {
        reader.m_table.header.clear();
        reader.m_table.records.clear();
        reader.m_table.issues.append({1, 1, failure.message});
    }
    return reader;
}

} // namespace MicroShop
