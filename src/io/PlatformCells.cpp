#include "PlatformCells.h"

#include "CsvReader.h"

#include "Dates.h"

#include <QRegularExpression>

namespace MicroShop {

QString PlatformCells::clean(const QString &cell)
{
    QString text = cell.trimmed();
    // ="12345": how exports keep a long number from becoming 1.2345E+4 in Excel.
    if (text.startsWith(QStringLiteral("=\"")) && text.endsWith(u'"') && text.size() >= 3)
        text = text.mid(2, text.size() - 3).trimmed();
    if (text.startsWith(u'\'') || text.startsWith(u'`'))
        text = text.mid(1).trimmed();
    if (text == QStringLiteral("-") || text == QStringLiteral("/"))
        return QString();
    return text;
}

bool PlatformCells::isBlank(const CsvRecord &record)
{
    for (const QString &field : record.fields) {
        if (!field.isEmpty())
            return false;
    }
    return true;
}

bool PlatformCells::isSummary(const CsvRecord &record)
{
    for (const QString &field : record.fields) {
        if (!field.isEmpty())
            return field.startsWith(QString::fromUtf16(u"合计"))
                   || field.startsWith(QString::fromUtf16(u"总计"));
    }
    return false;
}

std::optional<Money> PlatformCells::amount(const QString &cell, QString *why)
{
    QString text = cell;
    if (text.startsWith(u'¥') || text.startsWith(u'￥'))
        text = text.mid(1).trimmed();
    if (text.endsWith(u'元'))
        text.chop(1);
    return Money::parse(text.trimmed(), why);
}

QString PlatformCells::phone(const QString &cell)
{
    static const QRegularExpression asNumber(QStringLiteral("^(\\+?[0-9]+)\\.0+$"));
    const QRegularExpressionMatch match = asNumber.match(cell);
    return match.hasMatch() ? match.captured(1) : cell;
}

std::optional<QDateTime> PlatformCells::dateTime(const QString &cell, QString *why)
{
    static const QRegularExpression form(QStringLiteral(
        "^([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$"));
    const QRegularExpressionMatch match = form.match(cell);
    if (!match.hasMatch()) {
        if (why)
            *why = tr("\"%1\" is not a date and time such as 2026-11-29 13:05.").arg(cell);
        return std::nullopt;
    }
    const auto two = [&match](int group) { return match.captured(group).rightJustified(2, u'0'); };
    QString text = QStringLiteral("%1-%2-%3").arg(match.captured(1), two(2), two(3));
    if (match.capturedLength(4) > 0)
        text += QStringLiteral(" %1:%2:%3")
                    .arg(two(4), two(5),
                         match.capturedLength(6) > 0 ? match.captured(6) : QStringLiteral("00"));
    return Dates::parseDateTime(text, why);
}

} // namespace MicroShop
