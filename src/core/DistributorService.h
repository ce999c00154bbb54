#pragma once

#include "CommissionRepositories.h"
#include "Error.h"
#include "Repositories.h"

#include <QCoreApplication>

namespace MicroShop {

// The distributor forest: adding and editing distributors, their status, and moving one (with its
// team) under another upline, refusing cycles; moves and status changes are audited.
class DistributorService final
{
    Q_DECLARE_TR_FUNCTIONS(DistributorService)

public:
    DistributorService(DistributorRepository &distributors, AuditLog &audit,
                       Transactor &transactor);

    static QList<FieldProblem> problems(const Distributor &distributor);

    Distributor create(const Distributor &distributor);
    Distributor update(const Distributor &distributor); // not the upline: see move()
    // Puts the distributor under uplineCode (empty: makes it a root).
    Distributor move(const QString &code, const QString &uplineCode);
    Distributor setStatus(const QString &code, DistributorStatus status);

    Distributor distributorByCode(const QString &code) const;      // throws InputError when unknown
    std::optional<Distributor> distributorWithId(qint64 id) const; // as stored now, if there

private:
    DistributorRepository &m_distributors;
    AuditLog &m_audit;
    Transactor &m_transactor;
};

} // namespace MicroShop
