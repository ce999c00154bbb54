#include "SqlDistributorRepository.h"

#include "Database.h"
#include "SqlValues.h"

namespace MicroShop {

using namespace SqlValues;

std::optional<Distributor> SqlDistributorRepository::findWhere(const QString &condition,
                                                               const QVariant &value) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT id, code, name, phone, wechat, status, joined, notes, upline_id, "
                       "depth FROM distributors WHERE %1")
            .arg(condition),
        {value});
    if (!query.next())
        return std::nullopt;
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
    return distributor;
}

std::optional<Distributor> SqlDistributorRepository::findById(qint64 id) const
{
    return findWhere(QStringLiteral("id = ?"), qlonglong(id));
}

std::optional<Distributor> SqlDistributorRepository::findByCode(const QString &code) const
{
    return findWhere(QStringLiteral("code = ?"), code);
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
    const qint64 id
        = m_database
              .scalar(
                  QStringLiteral("INSERT INTO distributors (code, name, phone, wechat, status, "
                                 "joined, notes, upline_id, depth) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?) RETURNING id"),
                  {distributor.code, text(distributor.name), text(distributor.phone),
                   text(distributor.wechat), DistributorStatuses::code(distributor.status),
                   Dates::toText(distributor.joined), text(distributor.notes),
                   idOrNull(distributor.uplineId), depth})
              .toLongLong();
    m_database.exec(QStringLiteral("INSERT INTO distributor_closure (ancestor_id, descendant_id, "
                                   "distance) VALUES (?, ?, 0)"),
                    {qlonglong(id), qlonglong(id)});
    if (distributor.uplineId != 0)
        m_database.exec(QStringLiteral("INSERT INTO distributor_closure (ancestor_id, "
                                       "descendant_id, distance) SELECT ancestor_id, ?, distance "
                                       "+ 1 FROM distributor_closure WHERE descendant_id = ?"),
                        {qlonglong(id), qlonglong(distributor.uplineId)});
    return id;
}

void SqlDistributorRepository::update(const Distributor &distributor)
{
    m_database.exec(QStringLiteral("UPDATE distributors SET code = ?, name = ?, phone = ?, "
                                   "wechat = ?, status = ?, joined = ?, notes = ? WHERE id = ?"),
                    {distributor.code, text(distributor.name), text(distributor.phone),
                     text(distributor.wechat), DistributorStatuses::code(distributor.status),
                     Dates::toText(distributor.joined), text(distributor.notes),
                     qlonglong(distributor.id)});
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
    const QVariant subtree = qlonglong(id);
    // Cut the subtree off its old ancestors (pairs inside the subtree stay)...
    m_database.exec(
        QStringLiteral("DELETE FROM distributor_closure WHERE descendant_id IN (SELECT "
                       "descendant_id FROM distributor_closure WHERE ancestor_id = ?) AND "
                       "ancestor_id NOT IN (SELECT descendant_id FROM distributor_closure WHERE "
                       "ancestor_id = ?)"),
        {subtree, subtree});
    // ...and hang it under every ancestor of the new upline, the upline included.
    int uplineDepth = 0;
    if (newUplineId != 0) {
        m_database.exec(
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
    m_database.exec(QStringLiteral("UPDATE distributors SET upline_id = ? WHERE id = ?"),
                    {idOrNull(newUplineId), subtree});
    m_database.exec(QStringLiteral("UPDATE distributors SET depth = ? + (SELECT c.distance FROM "
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

} // namespace MicroShop
