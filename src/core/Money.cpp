#include "Money.h"

#include "Error.h"

#include <QtNumeric>

#include <limits>

namespace MicroShop {

namespace {

constexpr int maxDecimals = 2;

[[noreturn]] void throwOverflow()
{
    throw InputError(Money::tr("The amount is too large to be computed exactly."));
}

qint64 checkedAdd(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (qAddOverflow(a, b, &result))
        throwOverflow();
    return result;
}

qint64 checkedMul(qint64 a, qint64 b)
{
    qint64 result = 0;
    if (qMulOverflow(a, b, &result))
        throwOverflow();
    return result;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

std::optional<Money> Money::parse(QStringView text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<Money> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString shown = text.toString();
    if (text.isEmpty())
        return fail(tr("An amount is required, for example 12.30."));

    qsizetype pos = 0;
    const bool negative = text.front() == u'-';
    if (negative)
        ++pos;

    qint64 units = 0;
    qsizetype integerDigits = 0;
    for (; pos < text.size() && isAsciiDigit(text[pos]); ++pos, ++integerDigits) {
        if (qMulOverflow(units, qint64(10), &units)
            || qAddOverflow(units, qint64(text[pos].unicode() - u'0'), &units))
            return fail(tr("\"%1\" is too large an amount.").arg(shown));
    }
    if (integerDigits == 0)
        return fail(tr("\"%1\" is not an amount: write digits with at most two decimals, "
                       "for example 12.30, without currency symbols or separators.")
                        .arg(shown));

    qint64 cents = 0;
    qsizetype decimals = 0;
    if (pos < text.size() && text[pos] == u'.') {
        ++pos;
        for (; pos < text.size() && isAsciiDigit(text[pos]); ++pos, ++decimals) {
            if (decimals < maxDecimals)
                cents = cents * 10 + (text[pos].unicode() - u'0');
        }
        if (decimals == 0)
            return fail(tr("\"%1\" ends with a decimal point: write 12 or 12.30.").arg(shown));
        if (decimals > maxDecimals)
            return fail(tr("\"%1\" has more than two decimals: amounts are in fen, "
                           "write at most two decimals (nothing is rounded).")
                            .arg(shown));
    }
    if (pos != text.size())
        return fail(tr("\"%1\" is not an amount: write digits with at most two decimals, "
                       "for example 12.30, without currency symbols or separators.")
                        .arg(shown));
    if (decimals == 1)
        cents *= 10;

    qint64 minor = 0;
    if (qMulOverflow(units, qint64(100), &minor) || qAddOverflow(minor, cents, &minor))
        return fail(tr("\"%1\" is too large an amount.").arg(shown));
    return Money(negative ? -minor : minor);
}

QString Money::toString() const
{
    // Work on the unsigned magnitude so that the most negative value prints correctly.
    const bool negative = m_minorUnits < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(m_minorUnits) : quint64(m_minorUnits);
    const quint64 cents = magnitude % 100;
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + u'.'
           + (cents < 10 ? QStringLiteral("0") : QString()) + QString::number(cents);
}

Money Money::operator+(Money other) const
{
    return Money(checkedAdd(m_minorUnits, other.m_minorUnits));
}

Money Money::operator-(Money other) const
{
    qint64 result = 0;
    if (qSubOverflow(m_minorUnits, other.m_minorUnits, &result))
        throwOverflow();
    return Money(result);
}

Money Money::operator-() const
{
    if (m_minorUnits == std::numeric_limits<qint64>::min())
        throwOverflow();
    return Money(-m_minorUnits);
}

Money &Money::operator+=(Money other)
{
    *this = *this + other;
    return *this;
}

Money &Money::operator-=(Money other)
{
    *this = *this - other;
    return *this;
}

Money Money::times(qint64 factor) const
{
    return Money(checkedMul(m_minorUnits, factor));
}

Money Money::scaled(qint64 numerator, qint64 denominator) const
{
    return Money(roundedMulDiv(m_minorUnits, numerator, denominator));
}

QList<Money> spreadInProportion(Money total, const QList<Money> &weights)
{
    QList<Money> parts;
    if (weights.isEmpty())
        return parts;
    Money sum;
    for (const Money weight : weights)
        sum += weight;
    if (sum.isZero()) {
        parts.fill(Money(), weights.size() - 1);
        parts.append(total);
        return parts;
    }
    Money given;
    for (qsizetype i = 0; i + 1 < weights.size(); ++i) {
        parts.append(total.scaled(weights.at(i).minorUnits(), sum.minorUnits()));
        given += parts.constLast();
    }
    parts.append(total - given);
    // Rounding each part can leave the last one below zero or above its weight (four lines of
    // 10.00 sharing 0.02: 0.01 three times, -0.01 last). Then each part is what the running
    // share's rounding adds: never below zero, never more than a fen above its own share.
    const Money last = parts.constLast();
    if (total.isNegative() || total > sum || (!last.isNegative() && last <= weights.constLast()))
        return parts;
    parts.clear();
    Money running;
    Money before;
    for (const Money weight : weights) {
        running += weight;
        const Money upTo = total.scaled(running.minorUnits(), sum.minorUnits());
        parts.append(upTo - before);
        before = upTo;
    }
    return parts;
}

qint64 roundedMulDiv(qint64 value, qint64 numerator, qint64 denominator)
{
    if (denominator == 0)
        throw InputError(Money::tr("Internal error: division by zero in an amount."));
    if (value == std::numeric_limits<qint64>::min()
        || numerator == std::numeric_limits<qint64>::min()
        || denominator == std::numeric_limits<qint64>::min())
        throwOverflow();

    const bool negative = ((value < 0) != (numerator < 0)) != (denominator < 0);
    const quint64 a = quint64(value < 0 ? -value : value);
    const quint64 n = quint64(numerator < 0 ? -numerator : numerator);
    const quint64 d = quint64(denominator < 0 ? -denominator : denominator);

    // a * n / d = (q * d + r) * n / d = q * n + r * n / d, with r < d.
    const quint64 q = a / d;
    const quint64 r = a % d;
    quint64 whole = 0;
    quint64 remainderProduct = 0;
    if (qMulOverflow(q, n, &whole) || qMulOverflow(r, n, &remainderProduct))
        throwOverflow();
    quint64 fraction = remainderProduct / d;
    const quint64 rest = remainderProduct % d;
    if (rest >= d - rest) // rest / d >= 1/2: round the half away from zero
        ++fraction;
    quint64 magnitude = 0;
    if (qAddOverflow(whole, fraction, &magnitude)
        || magnitude > quint64(std::numeric_limits<qint64>::max()))
        throwOverflow();
    return negative ? -qint64(magnitude) : qint64(magnitude);
}

} // namespace MicroShop
