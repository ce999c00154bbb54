#pragma once

#include "Money.h"

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace MicroShop {

// A percentage with at most two decimals, held as basis points (10 % -> 1000).
class Rate final
{
    Q_DECLARE_TR_FUNCTIONS(Rate)

public:
    static constexpr int maxBasisPoints = 10000; // 100 %

    constexpr Rate() = default;
    static constexpr Rate fromBasisPoints(int basisPoints) { return Rate(basisPoints); }
    constexpr int basisPoints() const { return m_basisPoints; }

    // Accepts `[0-9]+(\.[0-9]{1,2})?` from 0 to 100; anything else is rejected with a message.
    static std::optional<Rate> parse(QStringView text, QString *error = nullptr);

    // The shortest exact percent text: "10", "7.5", "0.25".
    QString toString() const;

    // round(amount * rate), half away from zero: the one rounding domain.md allows.
    Money of(Money amount) const;

    constexpr auto operator<=>(const Rate &) const = default;

private:
    constexpr explicit Rate(int basisPoints)
        : m_basisPoints(basisPoints)
    {}

    int m_basisPoints = 0;
};

} // namespace MicroShop
