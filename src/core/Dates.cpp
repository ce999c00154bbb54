#include "Dates.h"

#include "Clock.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace MicroShop::Dates {

namespace {

QString trDates(const char *text)
{
    return QCoreApplication::translate("MicroShop::Dates", text);
}

} // namespace

std::optional<QDate> parseDate(QStringView text, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const auto match = pattern.match(text);
    QDate date;
    if (match.hasMatch())
        date = QDate(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                     match.capturedView(3).toInt());
    if (!date.isValid()) {
        if (error)
            *error = trDates("\"%1\" is not a date: write YYYY-MM-DD, for example 2026-03-08.")
                         .arg(text.toString());
        return std::nullopt;
    }
    return date;
}

std::optional<QDateTime> parseDateTime(QStringView text, QString *error)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2}))?)?$"));
    const auto match = pattern.match(text);
    QDate date;
    QTime time(0, 0);
    if (match.hasMatch()) {
        date = QDate(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                     match.capturedView(3).toInt());
        if (match.hasCaptured(4))
            time = QTime(match.capturedView(4).toInt(), match.capturedView(5).toInt(),
                         match.hasCaptured(6) ? match.capturedView(6).toInt() : 0);
    }
    if (!date.isValid() || !time.isValid()) {
        if (error)
            *error = trDates("\"%1\" is not a date and time: write YYYY-MM-DD HH:MM or "
                             "YYYY-MM-DD HH:MM:SS, for example 2026-03-08 14:30.")
                         .arg(text.toString());
        return std::nullopt;
    }
    return QDateTime(date, time, Qt::UTC); // a wall-clock time: see Dates.h
}

namespace {

// Writes the digits of value, zero-padded to the width of the field.
void writeDigits(QChar *field, qsizetype width, int value)
{
    for (qsizetype at = width - 1; at >= 0; --at, value /= 10)
        field[at] = QChar(u'0' + value % 10);
}

// yyyy-MM-dd, then HH:mm:ss if the time is given: what toString() writes with that format, with
// no format to parse (an import writes a few of these for each order).
QString writeDateTime(QDate date, const QTime *time)
{
    QString text(time ? 19 : 10, u'-');
    QChar *at = text.data();
    writeDigits(at, 4, date.year());
    writeDigits(at + 5, 2, date.month());
    writeDigits(at + 8, 2, date.day());
    if (time) {
        at[10] = u' ';
        writeDigits(at + 11, 2, time->hour());
        at[13] = u':';
        writeDigits(at + 14, 2, time->minute());
        at[16] = u':';
        writeDigits(at + 17, 2, time->second());
    }
    return text;
}

bool hasFourDigitYear(QDate date)
{
    return date.isValid() && date.year() >= 1000 && date.year() <= 9999;
}

} // namespace

QString toText(QDate date)
{
    if (!hasFourDigitYear(date))
        return date.toString(QStringLiteral("yyyy-MM-dd"));
    return writeDateTime(date, nullptr);
}

QString toText(const QDateTime &at)
{
    const QDate date = at.date();
    if (!hasFourDigitYear(date))
        return at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QTime time = at.time();
    return writeDateTime(date, &time);
}

QDate today()
{
    return Clock::today();
}

QDateTime now()
{
    return Clock::now();
}

} // namespace MicroShop::Dates
