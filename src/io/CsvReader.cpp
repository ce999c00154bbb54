#include "CsvReader.h"

#include "TableFile.h"

#include <QFile>
#include <QStringDecoder>

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

} // namespace

CsvReader CsvReader::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CsvReader reader;
        reader.m_issues.append({1, 1, tr("cannot read the file: %1").arg(file.errorString())});
        return reader;
    }
    return fromBytes(file.readAll());
}

CsvReader CsvReader::fromBytes(const QByteArray &bytes)
{
    CsvReader reader;
    QByteArrayView data(bytes);
    if (data.startsWith("\xEF\xBB\xBF")) {
        reader.m_byteOrderMark = true;
        data = data.sliced(3);
    }
    // Valid UTF-8 is UTF-8; anything else is what Excel saves on Chinese Windows.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(data);
    if (utf8.hasError()) {
        QStringDecoder gb18030("GB18030");
        if (!gb18030.isValid()) {
            reader.m_issues.append({1, 1,
                                    tr("the file is not UTF-8, and this system cannot read "
                                       "GB18030: save the file as \"CSV UTF-8\".")});
            return reader;
        }
        text = gb18030.decode(data);
        reader.m_encoding = QStringLiteral("GB18030");
    }
    if (text.trimmed().isEmpty()) {
        reader.m_issues.append({1, 1,
                                tr("the file is empty: it needs a header line with the "
                                   "column names.")});
        return reader;
    }
    reader.m_separator = detectSeparator(text);
    reader.parse(text);
    return reader;
}

void CsvReader::parse(const QString &text)
{
    const QChar separator = m_separator;
    const qsizetype size = text.size();
    const QChar *chars = text.constData();
    int line = 1;
    int recordLine = 1;
    QStringList fields;
    QString field;
    bool quotedField = false;
    bool haveHeader = false;

    auto finishField = [&] {
        fields.append(unescaped(field));
        field.clear();
        quotedField = false;
    };
    auto finishRecord = [&] {
        const bool blank = fields.isEmpty() && field.isEmpty() && !quotedField;
        finishField();
        if (!blank) {
            if (!haveHeader) {
                for (QString &name : fields)
                    name = name.trimmed();
                m_header = fields;
                haveHeader = true;
            } else {
                m_records.append({fields, recordLine});
            }
        }
        fields.clear();
    };

    qsizetype i = 0;
    while (i < size) {
        const QChar c = chars[i];
        if (c == u'"' && field.isEmpty() && !quotedField) {
            // A quoted field: up to the closing quote, "" being one quote, line breaks kept.
            quotedField = true;
            const int startLine = line;
            const int startColumn = int(fields.size()) + 1;
            ++i;
            bool closed = false;
            while (i < size) {
                const QChar q = chars[i];
                if (q == u'"') {
                    if (i + 1 < size && chars[i + 1] == u'"') {
                        field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (q == u'\n' || (q == u'\r' && !(i + 1 < size && chars[i + 1] == u'\n')))
                    ++line;
                field.append(q);
                ++i;
            }
            if (!closed) {
                m_issues.append({startLine, startColumn,
                                 tr("unterminated quote: the field starting here has no closing "
                                    "\" (a quote inside a field is written twice: \"\").")});
                return;
            }
            continue;
        }
        if (c == separator) {
            finishField();
            ++i;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            finishRecord();
            i += (c == u'\r' && i + 1 < size && chars[i + 1] == u'\n') ? 2 : 1;
            ++line;
            recordLine = line;
            continue;
        }
        // Plain text up to the next separator, quote or line end, in one piece.
        const qsizetype start = i;
        while (i < size && chars[i] != separator && chars[i] != u'\r' && chars[i] != u'\n'
               && !(chars[i] == u'"' && field.isEmpty() && i == start && !quotedField))
            ++i;
        if (i == start) { // a quote inside an unquoted field: taken literally
            field.append(chars[i]);
            ++i;
        } else {
            field.append(QStringView(chars + start, i - start));
        }
    }
    if (!fields.isEmpty() || !field.isEmpty() || quotedField)
        finishRecord();
}

int CsvReader::column(const QString &name) const
{
    for (qsizetype i = 0; i < m_header.size(); ++i) {
        if (m_header.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

TableFile CsvReader::table() const
{
    return {m_header, m_records, m_issues};
}

} // namespace MicroShop
