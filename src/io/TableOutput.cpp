#include "TableOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace MicroShop {

namespace {

bool isWide(char32_t c)
{
    // East Asian Wide and Fullwidth ranges that Chinese text uses.
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E)
           || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF)
           || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
           || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
           || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
           || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

bool TableOutput::parseFormat(const QString &text, Format *format)
{
    if (text == u"table")
        *format = Format::Table;
    else if (text == u"csv")
        *format = Format::Csv;
    else if (text == u"json")
        *format = Format::Json;
    else
        return false;
    return true;
}

int TableOutput::displayWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QString TableOutput::csvField(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    QString field = text;
    if (!field.isEmpty()) {
        const QChar first = field.front();
        const bool risky = first == u'=' || first == u'+' || first == u'-' || first == u'@'
                           || first == u'\t' || first == u'\r';
        if (risky && !number.match(field).hasMatch())
            field.prepend(u'\'');
    }
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\r')
        || field.contains(u'\n')) {
        field.replace(u'"', QStringLiteral("\"\""));
        field = u'"' + field + u'"';
    }
    return field;
}

QString TableOutput::csvLine(const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &field : fields)
        escaped.append(csvField(field));
    return escaped.join(u',') + QStringLiteral("\r\n");
}

QString TableOutput::render(const QStringList &columns, const QList<QStringList> &rows,
                            Format format)
{
    QString out;
    switch (format) {
    case Format::Csv:
        out += csvLine(columns);
        for (const QStringList &row : rows)
            out += csvLine(row);
        return out;
    case Format::Json: {
        QJsonArray array;
        for (const QStringList &row : rows) {
            QJsonObject object;
            for (qsizetype i = 0; i < columns.size(); ++i)
                object.insert(columns.at(i), row.value(i));
            array.append(object);
        }
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    case Format::Table:
        break;
    }

    QList<int> widths;
    for (const QString &column : columns)
        widths.append(displayWidth(column));
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < columns.size(); ++i)
            widths[i] = qMax(widths[i], displayWidth(row.value(i)));
    }
    auto line = [&](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QString cell = cells.value(i);
            text += cell;
            if (i + 1 < columns.size())
                text += QString(widths[i] - displayWidth(cell) + 2, u' ');
        }
        return text + u'\n';
    };
    out += line(columns);
    QStringList rules;
    for (const int width : widths)
        rules.append(QString(width, u'-'));
    out += line(rules);
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

} // namespace MicroShop
