#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace MicroShop {

// An exact amount of money in minor units (fen for CNY); all arithmetic is integer and checked.
class Money final
{
    Q_DECLARE_TR_FUNCTIONS(Money)

public:
    constexpr Money() = default;

    static constexpr Money fromMinorUnits(qint64 minorUnits) { return Money(minorUnits); }
    constexpr qint64 minorUnits() const { return m_minorUnits; }

    // Accepts exactly `-?[0-9]+(\.[0-9]{1,2})?`; anything else (three decimals, separators,
    // symbols, spaces) is rejected with a message in *error, never rounded.
    static std::optional<Money> parse(QStringView text, QString *error = nullptr);

    // Always two decimals: "12.30", "-0.05", "0.00".
    QString toString() const;

    // Checked arithmetic: these throw InputError when the result leaves the 64-bit range.
    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const;
    Money &operator+=(Money other);
    Money &operator-=(Money other);
    Money times(qint64 factor) const;

    // round(this * numerator / denominator), half away from zero, in integer arithmetic.
    Money scaled(qint64 numerator, qint64 denominator) const;

    constexpr bool isZero() const { return m_minorUnits == 0; }
    constexpr bool isNegative() const { return m_minorUnits < 0; }
    // clang-tidy 14 takes the 0 that a defaulted <=> compares with for a null pointer.
    // NOLINTNEXTLINE(modernize-use-nullptr)
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 minorUnits)
        : m_minorUnits(minorUnits)
    {}

    qint64 m_minorUnits = 0;
};

// Splits total over parts in proportion to weights: each part round(total * weight / sum), half
// away from zero, and the last part what is left, so that the parts add up to total exactly.
// Where that would leave the last part below zero or above its weight (a total at most the
// weights' sum), each part is instead the step of the rounded running share:
// round(total * (w1 + ... + wi) / sum) less the same for the parts before it.
// When the weights add up to zero, the last part takes it all.
QList<Money> spreadInProportion(Money total, const QList<Money> &weights);

// round(value * numerator / denominator) with halves rounded away from zero, without overflow
// for any value whose exact result fits in 64 bits. Throws InputError when it does not.
qint64 roundedMulDiv(qint64 value, qint64 numerator, qint64 denominator);

} // namespace MicroShop
