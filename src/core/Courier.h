#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace MicroShop {

// A courier Chinese merchants ship with (platforms.md "Shipping in batches"): its code, the name
// MicroShop stores on a shipment, and the other names merchants and files call it by.
struct Courier
{
    QString code;        // SF, ZTO, ...
    QString name;        // the name stored: 顺丰速运, 中通快递, ...
    QStringList aliases; // other names it is found by (its short name first)
};

// The couriers known by name and code; any other courier is typed freely and kept as typed.
class Couriers final
{
public:
    static const QList<Courier> &all();
    // By code (any case), by name or by one of its aliases (Latin letters in any case, spaces
    // around ignored); nullopt for a courier MicroShop does not know.
    static std::optional<Courier> find(const QString &text);
    // What a shipment stores for what a person or a file wrote: a known courier's name, else the
    // text as typed (trimmed).
    static QString canonicalName(const QString &text);
    // The names a courier box offers, in the table's order.
    static QStringList names();
};

} // namespace MicroShop
