#pragma once

#include "BulkReadCache.h"
#include "CommissionRepositories.h"

namespace MicroShop {

class Database;

// Distributors and their closure table (every ancestor-descendant pair with its distance).
class SqlDistributorRepository final : public DistributorRepository
{
public:
    explicit SqlDistributorRepository(Database &database)
        : m_database(database)
        , m_read(database)
    {}

    std::optional<Distributor> findById(qint64 id) const override;
    std::optional<Distributor> findByCode(const QString &code) const override;
    qint64 insert(const Distributor &distributor) override;
    bool update(const Distributor &distributor) override;
    bool isInTeamOf(qint64 ancestorId, qint64 candidateId) const override;
    void move(qint64 id, qint64 newUplineId) override;
    QList<Distributor> chain(qint64 id, int count) const override;
    qint64 teamSize(qint64 id) const override;
    QList<DistributorNode> children(qint64 parentId) const override;
    QList<Distributor> search(const QString &text, int limit) const override;
    QList<Distributor> withPhone(const QString &phone) const override;
    QList<Distributor> withName(const QString &name) const override;
    DistributorFigures figures(qint64 id, QDate from, QDate to, QDate asOf) const override;
    QList<StatementEntry> statementEntries(qint64 id, QDate from, QDate to,
                                           QDate asOf) const override;

private:
    std::optional<Distributor> findWhere(const QString &condition, const QVariant &value) const;
    QList<Distributor> listWhere(const QString &condition, const QVariantList &values) const;

    Database &m_database;
    mutable BulkReadCache<Distributor> m_read; // by id: the chains of the orders' sellers
};

} // namespace MicroShop
