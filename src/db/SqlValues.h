#pragma once

#include "Dates.h"
#include "Money.h"

#include <QDateTime>
#include <QVariant>

#include <optional>

namespace MicroShop::SqlValues {

// Conversions between domain values and what the SQL columns hold, so that every repository
// writes NULLs, dates and money the same way.

inline QVariant text(const QString &value) // NOT NULL text columns: never bind a null QString
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

inline QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

// The end of an UPDATE ... WHERE id = ? that saves over the row version read, and bumps it: " AND
// row_version = ?" with the version appended to values; nothing more for version 0 (a save over
// whatever is stored).
inline QString overVersion(qint64 version, QVariantList &values)
{
    if (version == 0)
        return {};
    values.append(qlonglong(version));
    return QStringLiteral(" AND row_version = ?");
}

inline QVariant idOrNull(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(qlonglong(id));
}

inline QVariant money(Money value)
{
    return qlonglong(value.minorUnits());
}

inline Money toMoney(const QVariant &value)
{
    return Money::fromMinorUnits(value.toLongLong());
}

inline QVariant dateTime(const QDateTime &at)
{
    return Dates::toText(at);
}

inline QVariant dateTimeOrNull(const std::optional<QDateTime> &at)
{
    return at ? QVariant(Dates::toText(*at)) : QVariant(QMetaType::fromType<QString>());
}

inline std::optional<QDateTime> toDateTime(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return Dates::parseDateTime(value.toString());
}

} // namespace MicroShop::SqlValues
