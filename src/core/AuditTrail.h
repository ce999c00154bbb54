#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace MicroShop {

// What the audit log's rows say to a person, written once for the Audit log page, its export and
// `microshop-cli audit`: the kind of a change (the first part of its action: "order" for
// "order.cancel"), its subject (the entity and its number or code: "order SO-1"), and its details
// (the rest of the action, then what was stored: "cancel from paid", "edit price: 10.00 ->
// 12.50"). docs/decisions.md, "The audit log", gives the rule.
class AuditTrail final
{
    Q_DECLARE_TR_FUNCTIONS(AuditTrail)

public:
    // cli.md's columns of `audit`: time,user,kind,subject,details.
    static QStringList columns();
    // The kinds, as `--kind` takes them, in the order the page lists them.
    static QStringList kinds();
    static QString kindName(const QString &kind); // translated, for the page
    static QString kindOf(const QString &action); // "order" for "order.cancel"
    static QString subject(const QString &entity, const QString &entityId);
    static QString details(const QString &action, const QString &details);
    // A row of the audit list source (ShopLists::auditLog: key, at, actor, action, subject,
    // details) as the five columns above.
    static QStringList row(const QVariantList &sourceRow);

    // The fields an edit changed, each "field: old -> new", joined by "; " (money through Money).
    class Changes
    {
    public:
        void add(const QString &field, const QString &before, const QString &after);
        bool isEmpty() const { return m_changes.isEmpty(); }
        QString text() const { return m_changes.join(QStringLiteral("; ")); }

    private:
        QStringList m_changes;
    };
};

} // namespace MicroShop
