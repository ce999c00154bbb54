#include "AuditTrail.h"

namespace MicroShop {

QStringList AuditTrail::columns()
{
    return {QStringLiteral("time"), QStringLiteral("user"), QStringLiteral("kind"),
            QStringLiteral("subject"), QStringLiteral("details")};
}

QStringList AuditTrail::kinds()
{
    // The first parts of the actions the services record (grep AuditEntry), and "user" for the
    // people of team mode.
    return {QStringLiteral("order"),      QStringLiteral("payment"),  QStringLiteral("product"),
            QStringLiteral("stock"),      QStringLiteral("customer"), QStringLiteral("distributor"),
            QStringLiteral("commission"), QStringLiteral("settings"), QStringLiteral("user"),
            QStringLiteral("database")};
}

QString AuditTrail::kindName(const QString &kind)
{
    if (kind == u"order")
        return tr("Orders");
    if (kind == u"payment")
        return tr("Payments");
    if (kind == u"product")
        return tr("Products");
    if (kind == u"stock")
        return tr("Stock");
    if (kind == u"customer")
        return tr("Customers");
    if (kind == u"distributor")
        return tr("Distributors");
    if (kind == u"commission")
        return tr("Commissions");
    if (kind == u"settings")
        return tr("Settings");
    if (kind == u"user")
        return tr("Users");
    if (kind == u"database")
        return tr("Database");
    return kind;
}

QString AuditTrail::kindOf(const QString &action)
{
    return action.section(u'.', 0, 0);
}

QString AuditTrail::subject(const QString &entity, const QString &entityId)
{
    return QString(entity + u' ' + entityId).trimmed();
}

QString AuditTrail::details(const QString &action, const QString &details)
{
    const QString verb = action.section(u'.', 1);
    if (verb.isEmpty())
        return details;
    return details.isEmpty() ? verb : verb + u' ' + details;
}

QStringList AuditTrail::row(const QVariantList &sourceRow)
{
    const QString action = sourceRow.value(3).toString();
    return {sourceRow.value(1).toString(), sourceRow.value(2).toString(), kindOf(action),
            sourceRow.value(4).toString(), details(action, sourceRow.value(5).toString())};
}

void AuditTrail::Changes::add(const QString &field, const QString &before, const QString &after)
{
    if (before == after)
        return;
    const auto shown = [](const QString &value) {
        return value.isEmpty() ? QStringLiteral("(empty)") : value;
    };
    m_changes.append(QStringLiteral("%1: %2 -> %3").arg(field, shown(before), shown(after)));
}

} // namespace MicroShop
