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

QString toText(QDate date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd"));
}

QString toText(const QDateTime &at)
{
    return at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
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
