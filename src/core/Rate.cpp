#include "Rate.h"

namespace MicroShop {

std::optional<Rate> Rate::parse(QStringView text, QString *error)
{
    QString moneyError;
    const auto asHundredths = Money::parse(text, &moneyError);
    auto fail = [&](const QString &why) -> std::optional<Rate> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!asHundredths || text.startsWith(u'-'))
        return fail(tr("\"%1\" is not a rate: write a percentage from 0 to 100 with at most "
                       "two decimals, for example 10 or 7.5, without the % sign.")
                        .arg(text.toString()));
    if (asHundredths->minorUnits() > maxBasisPoints)
        return fail(tr("%1 % is more than 100 %: a commission cannot exceed the sale.")
                        .arg(text.toString()));
    return Rate(int(asHundredths->minorUnits()));
}

QString Rate::toString() const
{
    QString text = Money::fromMinorUnits(m_basisPoints).toString();
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

Money Rate::of(Money amount) const
{
    return amount.scaled(m_basisPoints, maxBasisPoints);
}

} // namespace MicroShop
