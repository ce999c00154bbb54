#include "CsvStream.h"

#include <QBuffer>
#include <QFile>
#include <QIODevice>
#include <QStringEncoder>

namespace MicroShop {

namespace {

// The separator of the header line: the most frequent of , ; and tab outside quotes.
QChar detectSeparator(const QString &text)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    return u',';
}

// csv.md: a leading ' that the writer added before = + - @ tab or CR is not part of the value.
QString unescaped(QString value)
{
    if (value.size() > 1 && value.front() == u'\'') {
        const QChar next = value.at(1);
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next == u'\t'
            || next == u'\r')
            value.remove(0, 1);
    }
    return value;
}

constexpr qint64 chunkSize = 1 << 20;
constexpr qsizetype separatorSample = 1 << 16;

} // namespace

CsvStream::CsvStream(QIODevice &device)
    : m_device(device)
{
    detect();
}

CsvStream::~CsvStream() = default;

std::unique_ptr<CsvStream> CsvStream::fromFile(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        auto closed = std::make_unique<QBuffer>(); // never opened: a stream with nothing to read
        auto failed = std::make_unique<CsvStream>(*closed);
        failed->m_ownedDevice = std::move(closed);
        failed->m_issues = {{1, 1, tr("cannot read the file: %1").arg(file->errorString())}};
        return failed;
    }
    auto stream = std::make_unique<CsvStream>(*file);
    stream->m_ownedDevice = std::move(file);
    return stream;
}

bool CsvStream::detect()
{
    m_issues.clear();
    m_failed = true;
    if (!m_device.isOpen())
        return false;
    if (m_device.peek(3) == QByteArrayView("\xEF\xBB\xBF")) {
        m_byteOrderMark = true;
        m_device.read(3);
    }
    const qint64 begin = m_device.pos();
    // Valid UTF-8 is UTF-8; anything else is what Excel saves on Chinese Windows. One pass over
    // the bytes, keeping none of them but the start, where the separator is seen.
    QStringDecoder utf8(QStringDecoder::Utf8);
    bool hasText = false;
    QString start;
    while (!m_device.atEnd() && !utf8.hasError()) {
        const QString text = utf8.decode(m_device.read(chunkSize));
        hasText = hasText || !text.trimmed().isEmpty();
        if (start.size() < separatorSample)
            start += text.left(separatorSample);
    }
    if (utf8.hasError()) {
        m_encoding = QStringLiteral("GB18030");
        QStringDecoder gb18030("GB18030");
        if (!gb18030.isValid()) {
            m_issues.append({1, 1,
                             tr("the file is not UTF-8, and this system cannot read GB18030: save "
                                "the file as \"CSV UTF-8\".")});
            return false;
        }
        m_device.seek(begin);
        start = gb18030.decode(m_device.read(separatorSample));
        hasText = true; // bytes that are not UTF-8 are never only spaces
    }
    if (!hasText) {
        m_issues.append(
            {1, 1, tr("the file is empty: it needs a header line with the column names.")});
        return false;
    }
    m_device.seek(begin);
    m_decoder = std::make_unique<QStringDecoder>(m_encoding == u"GB18030"
                                                     ? QStringDecoder("GB18030")
                                                     : QStringDecoder(QStringDecoder::Utf8));
    m_separator = detectSeparator(start);
    m_failed = false;
    int line = 0;
    if (!readRecord(m_header, line))
        return false;
    for (QString &name : m_header)
        name = name.trimmed();
    return true;
}

bool CsvStream::next(CsvRecord &record)
{
    if (m_failed)
        return false;
    record.fields.clear();
    return readRecord(record.fields, record.line);
}

TablePosition CsvStream::position() const
{
    qint64 offset = m_device.pos();
    if (m_position < m_text.size()) { // a line ended by a lone CR, read with the next
        QStringEncoder encoder(m_encoding == u"GB18030" ? QStringEncoder("GB18030")
                                                        : QStringEncoder(QStringEncoder::Utf8));
        const QByteArray rest = encoder.encode(QStringView(m_text).sliced(m_position));
        offset -= rest.size();
    }
    return {offset, m_line};
}

void CsvStream::seek(const TablePosition &position)
{
    if (m_failed)
        return;
    m_device.seek(position.offset);
    m_decoder->resetState();
    m_text.clear();
    m_position = 0;
    m_line = position.line;
}

bool CsvStream::fillLine()
{
    if (m_device.atEnd())
        return false;
    // A line break byte is never part of a UTF-8 or GB18030 character: lines decode alone.
    m_text = m_decoder->decode(m_device.readLine());
    m_position = 0;
    return true;
}

void CsvStream::finishField(QStringList &fields)
{
    fields.append(unescaped(m_field));
    m_field.clear();
    m_quotedField = false;
}

bool CsvStream::readRecord(QStringList &fields, int &recordLine)
{
    fields.clear();
    m_field.clear();
    m_quotedField = false;
    recordLine = m_line;
    while (true) {
        if (m_position >= m_text.size() && !fillLine()) {
            if (fields.isEmpty() && m_field.isEmpty() && !m_quotedField)
                return false;
            finishField(fields);
            return true;
        }
        const QChar *chars = m_text.constData();
        qsizetype size = m_text.size();
        qsizetype i = m_position;
        const QChar c = chars[i];
        if (c == u'"' && m_field.isEmpty() && !m_quotedField) {
            // A quoted field: up to the closing quote, "" being one quote, line breaks kept.
            m_quotedField = true;
            const int startLine = m_line;
            const int startColumn = int(fields.size()) + 1;
            ++i;
            while (true) {
                if (i >= size) {
                    if (!fillLine()) {
                        m_issues.append({startLine, startColumn,
                                         tr("unterminated quote: the field starting here has no "
                                            "closing \" (a quote inside a field is written "
                                            "twice: \"\").")});
                        m_failed = true;
                        return false;
                    }
                    chars = m_text.constData();
                    size = m_text.size();
                    i = 0;
                    continue;
                }
                const QChar q = chars[i];
                if (q == u'"') {
                    if (i + 1 < size && chars[i + 1] == u'"') {
                        m_field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (q == u'\n' || (q == u'\r' && !(i + 1 < size && chars[i + 1] == u'\n')))
                    ++m_line;
                m_field.append(q);
                ++i;
            }
            m_position = i;
            continue;
        }
        if (c == m_separator) {
            finishField(fields);
            m_position = i + 1;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            m_position = i + ((c == u'\r' && i + 1 < size && chars[i + 1] == u'\n') ? 2 : 1);
            ++m_line;
            if (fields.isEmpty() && m_field.isEmpty() && !m_quotedField) {
                recordLine = m_line; // a blank line
                continue;
            }
            finishField(fields);
            return true;
        }
        // Plain text up to the next separator, quote or line end, in one piece.
        const qsizetype start = i;
        while (i < size && chars[i] != m_separator && chars[i] != u'\r' && chars[i] != u'\n'
               && !(chars[i] == u'"' && m_field.isEmpty() && i == start && !m_quotedField))
            ++i;
        if (i == start) { // a quote inside an unquoted field: taken literally
            m_field.append(chars[i]);
            ++i;
        } else {
            m_field.append(QStringView(chars + start, i - start));
        }
        m_position = i;
    }
}

} // namespace MicroShop
