#include "Courier.h"

namespace MicroShop {

namespace {

QString key(const QString &text)
{
    QString folded = text.trimmed().toUpper();
    folded.remove(u' ');
    return folded;
}

} // namespace

const QList<Courier> &Couriers::all()
{
    // The spec's nine, by the names their waybills carry; the aliases are the short names and the
    // other forms merchants write (京东物流 is what the Ship dialog offered before this table).
    static const QList<Courier> couriers = {
        {QStringLiteral("SF"),
         QStringLiteral("顺丰速运"),
         {QStringLiteral("顺丰"), QStringLiteral("顺丰快递"), QStringLiteral("顺丰速递"),
          QStringLiteral("SF Express")}},
        {QStringLiteral("ZTO"),
         QStringLiteral("中通快递"),
         {QStringLiteral("中通"), QStringLiteral("中通速递"), QStringLiteral("ZTO Express")}},
        {QStringLiteral("YTO"),
         QStringLiteral("圆通速递"),
         {QStringLiteral("圆通"), QStringLiteral("圆通快递"), QStringLiteral("YTO Express")}},
        {QStringLiteral("YUNDA"),
         QStringLiteral("韵达快递"),
         {QStringLiteral("韵达"), QStringLiteral("韵达速递"), QStringLiteral("Yunda Express")}},
        {QStringLiteral("STO"),
         QStringLiteral("申通快递"),
         {QStringLiteral("申通"), QStringLiteral("申通速递"), QStringLiteral("STO Express")}},
        {QStringLiteral("JTSD"),
         QStringLiteral("极兔速递"),
         {QStringLiteral("极兔"), QStringLiteral("极兔快递"), QStringLiteral("J&T"),
          QStringLiteral("J&T Express")}},
        {QStringLiteral("EMS"),
         QStringLiteral("邮政EMS"),
         {QStringLiteral("邮政"), QStringLiteral("中国邮政"), QStringLiteral("邮政快递"),
          QStringLiteral("邮政快递包裹"), QStringLiteral("中国邮政速递物流"),
          QStringLiteral("EMS快递"), QStringLiteral("China Post")}},
        {QStringLiteral("JD"),
         QStringLiteral("京东快递"),
         {QStringLiteral("京东"), QStringLiteral("京东物流"), QStringLiteral("JD Logistics")}},
        {QStringLiteral("DBL"),
         QStringLiteral("德邦快递"),
         {QStringLiteral("德邦"), QStringLiteral("德邦物流"), QStringLiteral("Deppon")}},
    };
    return couriers;
}

std::optional<Courier> Couriers::find(const QString &text)
{
    const QString wanted = key(text);
    if (wanted.isEmpty())
        return std::nullopt;
    for (const Courier &courier : all()) {
        if (key(courier.code) == wanted || key(courier.name) == wanted)
            return courier;
        for (const QString &alias : courier.aliases) {
            if (key(alias) == wanted)
                return courier;
        }
    }
    return std::nullopt;
}

QString Couriers::canonicalName(const QString &text)
{
    if (const auto courier = find(text))
        return courier->name;
    return text.trimmed();
}

QStringList Couriers::names()
{
    QStringList names;
    for (const Courier &courier : all())
        names.append(courier.name);
    return names;
}

} // namespace MicroShop
