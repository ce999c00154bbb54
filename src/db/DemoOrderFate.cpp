#include "DemoOrderFate.h"

namespace MicroShop {

namespace {

QDateTime notAfter(const QDateTime &at, const QDateTime &now)
{
    return qMin(at, now);
}

} // namespace

DemoOrderFate DemoOrderFate::plan(const QDateTime &at, const QDateTime &now, int roll,
                                  int payMinutes, Role role)
{
    DemoOrderFate fate;
    const qint64 age = at.date().daysTo(now.date());
    if (role == Role::Pending || (role == Role::Random && age < 2 && roll < 40))
        return fate; // still awaiting payment
    if (role == Role::Cancelled || (role == Role::Random && roll < 4)) {
        fate.cancelled = notAfter(at.addSecs(3600), now); // never paid
        return fate;
    }
    fate.paid = notAfter(at.addSecs(qint64(60) * (5 + payMinutes)), now);
    if (role == Role::PaidNotShipped)
        return fate;
    if (role == Role::Random && roll < 7) {
        fate.cancelled = notAfter(fate.paid->addSecs(7200), now); // paid, then called off
        return fate;
    }
    // The random ones move on only as far as the time since allows; the chosen ones do.
    const bool chosen = role != Role::Random;
    const QDateTime shipped = fate.paid->addDays(1);
    if (!chosen && shipped > now)
        return fate;
    fate.shipped = notAfter(shipped, now);
    if (role == Role::ShippedNotCompleted)
        return fate;
    const QDateTime completed = fate.shipped->addDays(3);
    if (!chosen && completed > now)
        return fate;
    fate.completed = notAfter(completed, now);
    if (role == Role::Returned || roll < 12) {
        const QDateTime returned = fate.completed->addDays(1);
        if (!chosen && returned > now)
            return fate;
        fate.returned = notAfter(returned, now);
        fate.fullReturn = role == Role::Returned;
    }
    return fate;
}

QList<DemoOrderFate::Role> DemoOrderFate::roles(const QList<QDateTime> &times, const QDateTime &now)
{
    const qsizetype count = times.size();
    QList<Role> roles(count, Role::Random);
    if (count == 0)
        return roles;
    roles[count - 1] = Role::Pending;
    if (count >= 2)
        roles[count - 2] = Role::PaidNotShipped;
    const QDateTime twoDaysAgo = now.addDays(-2);
    for (qsizetype i = count - 3; i >= 0; --i) {
        if (times.at(i) <= twoDaysAgo) {
            roles[i] = Role::ShippedNotCompleted;
            break;
        }
    }
    // The oldest two, when they are not playing a part already.
    if (count >= 5 && roles.at(0) == Role::Random)
        roles[0] = Role::Cancelled;
    if (count >= 5 && roles.at(1) == Role::Random)
        roles[1] = Role::Returned;
    return roles;
}

QDateTime DemoOrderFate::orderTime(QRandomGenerator &random, int index, QDate first, QDate today,
                                   const QDateTime &now)
{
    const QDate day = index % 20 == 19 ? today.addDays(-random.bounded(7))
                                       : first.addDays(random.bounded(365));
    QDateTime at(day, QTime(8 + random.bounded(14), random.bounded(60)), Qt::UTC);
    const int minutesBack = 1 + random.bounded(120); // drawn either way
    if (at > now)
        at = now.addSecs(qint64(-60) * minutesBack);
    return at;
}

} // namespace MicroShop
