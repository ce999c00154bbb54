#include "SqlDistributorRepository.h"

#include "CommissionStateSql.h"
#include "Database.h"
#include "SalesSql.h"
#include "SqlListSource.h"
#include "SqlValues.h"

namespace MicroShop {

using namespace SqlValues;

namespace {

const QString distributorColumns = QStringLiteral(
    "id, code, name, phone, wechat, status, joined, notes, upline_id, depth, row_version");

Distributor distributorFromRow(const SqlRow &query)
{
    Distributor distributor;
    distributor.id = query.value(0).toLongLong();
    distributor.code = query.value(1).toString();
    distributor.name = query.value(2).toString();
    distributor.phone = query.value(3).toString();
    distributor.wechat = query.value(4).toString();
    distributor.status = DistributorStatuses::fromCode(query.value(5).toString())
                             .value_or(DistributorStatus::Active);
    distributor.joined = Dates::parseDate(query.value(6).toString()).value_or(QDate());
    distributor.notes = query.value(7).toString();
    distributor.uplineId = query.value(8).toLongLong();
    distributor.depth = query.value(9).toInt();
    distributor.version = query.value(10).toLongLong();
    return distributor;
}

} // namespace

QList<Distributor> SqlDistributorRepository::listWhere(const QString &condition,
                                                       const QVariantList &values) const
{
    QList<Distributor> result;
    m_database.forEachRow(
        QStringLiteral("SELECT %1 FROM distributors WHERE %2").arg(distributorColumns, condition),
        values, [&result](const SqlRow &row) { result.append(distributorFromRow(row)); });
    for (const Distributor &distributor : result) // a platform import finds sellers by phone
        m_read.keep(distributor.id, distributor);
    return result;
}

std::optional<Distributor> SqlDistributorRepository::findWhere(const QString &condition,
                                                               const QVariant &value) const
{
    const QList<Distributor> found = listWhere(condition, {value});
    if (found.isEmpty())
        return std::nullopt;
    return found.constFirst();
}

std::optional<Distributor> SqlDistributorRepository::findById(qint64 id) const
{
    return m_read.get(id, [this](qint64 wanted) {
        return findWhere(QStringLiteral("id = ?"), qlonglong(wanted));
    });
}

std::optional<Distributor> SqlDistributorRepository::findByCode(const QString &code) const
{
    return findWhere(QStringLiteral("code = ?"), code); // kept by id (listWhere())
}

qint64 SqlDistributorRepository::insert(const Distributor &distributor)
{
    const int depth = distributor.uplineId == 0
                          ? 1
                          : m_database
                                    .scalar(QStringLiteral(
                                                "SELECT depth FROM distributors WHERE id = ?"),
                                            {qlonglong(distributor.uplineId)})
                                    .toInt()
                                + 1;
    const qint64 id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO distributors (code, name, phone, wechat, status, "
                       "joined, notes, upline_id, depth) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "?, ?)"),
        {distributor.code, text(distributor.name), text(distributor.phone),
         text(distributor.wechat), DistributorStatuses::code(distributor.status),
         Dates::toText(distributor.joined), text(distributor.notes), idOrNull(distributor.uplineId),
         depth});
    m_database.run(QStringLiteral("INSERT INTO distributor_closure (ancestor_id, descendant_id, "
                                  "distance) VALUES (?, ?, 0)"),
                   {qlonglong(id), qlonglong(id)});
    if (distributor.uplineId != 0)
        m_database.run(QStringLiteral("INSERT INTO distributor_closure (ancestor_id, "
                                      "descendant_id, distance) SELECT ancestor_id, ?, distance "
                                      "+ 1 FROM distributor_closure WHERE descendant_id = ?"),
                       {qlonglong(id), qlonglong(distributor.uplineId)});
    m_read.forget(id);
    return id;
}

bool SqlDistributorRepository::update(const Distributor &distributor)
{
    m_read.forget(distributor.id);
    QVariantList values{distributor.code,
                        text(distributor.name),
                        text(distributor.phone),
                        text(distributor.wechat),
                        DistributorStatuses::code(distributor.status),
                        Dates::toText(distributor.joined),
                        text(distributor.notes),
                        qlonglong(distributor.id)};
    const QString sql = QStringLiteral("UPDATE distributors SET code = ?, name = ?, phone = ?, "
                                       "wechat = ?, status = ?, joined = ?, notes = ?, "
                                       "row_version = row_version + 1 WHERE id = ?")
                        + overVersion(distributor.version, values);
    return m_database.exec(sql, values).numRowsAffected() == 1;
}

bool SqlDistributorRepository::isInTeamOf(qint64 ancestorId, qint64 candidateId) const
{
    return m_database
        .scalar(QStringLiteral("SELECT 1 FROM distributor_closure WHERE ancestor_id = ? AND "
                               "descendant_id = ?"),
                {qlonglong(ancestorId), qlonglong(candidateId)})
        .isValid();
}

void SqlDistributorRepository::move(qint64 id, qint64 newUplineId)
{
    m_read.forgetAll(); // the subtree's depths change with it
    const QVariant subtree = qlonglong(id);
    // Cut the subtree off its old ancestors (pairs inside the subtree stay)...
    m_database.run(
        QStringLiteral("DELETE FROM distributor_closure WHERE descendant_id IN (SELECT "
                       "descendant_id FROM distributor_closure WHERE ancestor_id = ?) AND "
                       "ancestor_id NOT IN (SELECT descendant_id FROM distributor_closure WHERE "
                       "ancestor_id = ?)"),
        {subtree, subtree});
    // ...and hang it under every ancestor of the new upline, the upline included.
    int uplineDepth = 0;
    if (newUplineId != 0) {
        m_database.run(
            QStringLiteral("INSERT INTO distributor_closure (ancestor_id, descendant_id, "
                           "distance) SELECT a.ancestor_id, d.descendant_id, a.distance + "
                           "d.distance + 1 FROM distributor_closure a, distributor_closure d "
                           "WHERE a.descendant_id = ? AND d.ancestor_id = ?"),
            {qlonglong(newUplineId), subtree});
        uplineDepth = m_database
                          .scalar(QStringLiteral("SELECT depth FROM distributors WHERE id = ?"),
                                  {qlonglong(newUplineId)})
                          .toInt();
    }
    m_database.run(QStringLiteral("UPDATE distributors SET upline_id = ? WHERE id = ?"),
                   {idOrNull(newUplineId), subtree});
    m_database.run(QStringLiteral("UPDATE distributors SET depth = ? + (SELECT c.distance FROM "
                                  "distributor_closure c WHERE c.ancestor_id = ? AND "
                                  "c.descendant_id = distributors.id) WHERE id IN (SELECT "
                                  "descendant_id FROM distributor_closure WHERE ancestor_id = ?)"),
                   {uplineDepth + 1, subtree, subtree});
}

QList<Distributor> SqlDistributorRepository::chain(qint64 id, int count) const
{
    QList<Distributor> result;
    qint64 next = id;
    while (next != 0 && result.size() < count) {
        const auto distributor = findById(next);
        if (!distributor)
            break;
        result.append(*distributor);
        next = distributor->uplineId;
    }
    return result;
}

qint64 SqlDistributorRepository::teamSize(qint64 id) const
{
    return m_database
        .scalar(QStringLiteral("SELECT count(*) FROM distributor_closure WHERE ancestor_id = ? "
                               "AND distance > 0"),
                {qlonglong(id)})
        .toLongLong();
}

QList<DistributorNode> SqlDistributorRepository::children(qint64 parentId) const
{
    // Team sizes and recruit counts from the closure table, for one level at a time.
    QSqlQuery query = m_database.exec(
        QStringLiteral(
            "SELECT d.id, d.code, d.name, d.phone, d.wechat, d.status, d.joined, d.notes, "
            "d.upline_id, d.depth, (SELECT count(*) - 1 FROM distributor_closure c WHERE "
            "c.ancestor_id = d.id), (SELECT count(*) FROM distributor_closure c WHERE "
            "c.ancestor_id = d.id AND c.distance = 1) FROM distributors d WHERE %1 "
            "ORDER BY d.code")
            .arg(parentId == 0 ? QStringLiteral("d.upline_id IS NULL")
                               : QStringLiteral("d.upline_id = ?")),
        parentId == 0 ? QVariantList() : QVariantList{qlonglong(parentId)});
    QList<DistributorNode> result;
    while (query.next())
        result.append(
            {distributorFromRow(query), query.value(10).toLongLong(), query.value(11).toInt()});
    return result;
}

QList<Distributor> SqlDistributorRepository::search(const QString &text, int limit) const
{
    const QString pattern = SqlListSource::containsPattern(text.trimmed());
    return listWhere(QStringLiteral("lower(code) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE "
                                    "'\\' OR lower(phone) LIKE ? ESCAPE '\\' OR lower(wechat) "
                                    "LIKE ? ESCAPE '\\' ORDER BY code LIMIT %1")
                         .arg(limit),
                     {pattern, pattern, pattern, pattern});
}

QList<Distributor> SqlDistributorRepository::withPhone(const QString &phone) const
{
    return listWhere(QStringLiteral("phone = ? ORDER BY code"), {phone});
}

QList<Distributor> SqlDistributorRepository::withName(const QString &name) const
{
    return listWhere(QStringLiteral("name = ? ORDER BY code"), {name});
}

DistributorFigures SqlDistributorRepository::figures(qint64 id, QDate from, QDate to,
                                                     QDate asOf) const
{
    DistributorFigures figures;
    // Direct and team sales by the one definition of a sale (SalesSql), as `report distributors`.
    QVariantList values{qlonglong(id), qlonglong(id)};
    const QString range = SalesSql::inRange(from, to, values);
    QSqlQuery sales = m_database.exec(
        QStringLiteral("SELECT COALESCE(sum(CASE WHEN o.distributor_id = ? THEN %1 END), 0), "
                       "COALESCE(sum(%1), 0) FROM orders o WHERE o.distributor_id IN (SELECT "
                       "descendant_id FROM distributor_closure WHERE ancestor_id = ?) AND %2%3")
            .arg(SalesSql::orderNet(), SalesSql::countedOrder(), range),
        values);
    if (sales.next()) {
        figures.directSales = toMoney(sales.value(0));
        figures.teamSales = toMoney(sales.value(1));
    }
    sales.finish();
    // The ledger's states as of asOf, as everywhere (CommissionStateSql).
    QSqlQuery ledger = m_database.exec(
        QStringLiteral("SELECT COALESCE(sum(CASE WHEN e.amount > 0 THEN e.amount END), 0), "
                       "COALESCE(-sum(CASE WHEN e.amount < 0 THEN e.amount END), 0), "
                       "COALESCE(sum(CASE WHEN %1 = 'settled' THEN e.amount END), 0), "
                       "COALESCE(sum(CASE WHEN %1 = 'available' THEN e.amount END), 0), "
                       "COALESCE(sum(e.amount), 0) FROM commission_entries e%2 WHERE "
                       "e.distributor_id = ? AND e.created_at < ?")
            .arg(CommissionStateSql::of(asOf), CommissionStateSql::payoutJoin()),
        {qlonglong(id), Dates::toText(asOf.addDays(1))});
    if (ledger.next()) {
        figures.earned = toMoney(ledger.value(0));
        figures.reversed = toMoney(ledger.value(1));
        figures.settled = toMoney(ledger.value(2));
        figures.available = toMoney(ledger.value(3));
        figures.pending = toMoney(ledger.value(4)) - figures.settled - figures.available;
    }
    return figures;
}

QList<StatementEntry> SqlDistributorRepository::statementEntries(qint64 id, QDate from, QDate to,
                                                                 QDate asOf) const
{
    QVariantList values{qlonglong(id)};
    const QString range = SalesSql::inRange(from, to, values, QStringLiteral("e.created_at"));
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT e.created_at, o.order_no, e.level, e.amount, %1 FROM "
                       "commission_entries e JOIN orders o ON o.id = e.order_id%2 WHERE "
                       "e.distributor_id = ?%3 ORDER BY e.created_at, e.id")
            .arg(CommissionStateSql::of(asOf), CommissionStateSql::payoutJoin(), range),
        values);
    QList<StatementEntry> entries;
    while (query.next()) {
        StatementEntry entry;
        entry.date = Dates::parseDate(query.value(0).toString().left(10)).value_or(QDate());
        entry.orderNo = query.value(1).toString();
        entry.level = query.value(2).toInt();
        entry.amount = toMoney(query.value(3));
        const QString state = query.value(4).toString();
        entry.state = state == u"settled"     ? StatementEntry::State::Settled
                      : state == u"available" ? StatementEntry::State::Available
                                              : StatementEntry::State::Pending;
        entries.append(entry);
    }
    return entries;
}

} // namespace MicroShop
