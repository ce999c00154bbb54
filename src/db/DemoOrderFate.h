#pragma once

#include <QDateTime>
#include <QList>
#include <QRandomGenerator>

#include <optional>

namespace MicroShop {

// What happens to one demo order and when, for both demo generators: never after `now`, so that
// the demo shop made at any hour of any day keeps its promises (the newest order awaits payment,
// the one before it is paid and not shipped, one is on its way, old ones are cancelled or
// returned) and the same seed at the same instant gives the same shop.
struct DemoOrderFate
{
    // Orders with a part to play whatever the dice say; the others follow their roll.
    enum class Role { Random, Pending, PaidNotShipped, ShippedNotCompleted, Cancelled, Returned };

    std::optional<QDateTime> paid;
    std::optional<QDateTime> shipped;
    std::optional<QDateTime> completed;
    std::optional<QDateTime> cancelled;
    std::optional<QDateTime> returned; // a return after completion (DemoGenerator only)
    bool fullReturn = false;           // everything back, shipping included

    // roll: 0..99 (the order's luck); payMinutes: 0..599 (how long the buyer took to pay).
    static DemoOrderFate plan(const QDateTime &at, const QDateTime &now, int roll, int payMinutes,
                              Role role = Role::Random);

    // The roles of orders sorted by time (`times`, oldest first), at `now`: the newest awaits
    // payment, the one before it is paid, the newest placed at least two days ago is on its way,
    // the oldest was cancelled and the one after it returned in full. Fewer orders, fewer roles.
    static QList<Role> roles(const QList<QDateTime> &times, const QDateTime &now);

    // When the `index`-th demo order was placed: a day of the year from `first` (one in twenty
    // in the week up to `today`), in shop hours, and never after `now`. Four or five draws of
    // `random`, the same at any hour, so that the hour changes nothing but these orders' times.
    static QDateTime orderTime(QRandomGenerator &random, int index, QDate first, QDate today,
                               const QDateTime &now);
};

} // namespace MicroShop
