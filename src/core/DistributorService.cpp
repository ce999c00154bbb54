#include "DistributorService.h"

#include "AuditTrail.h"

#include "CatalogService.h"
#include "Dates.h"

namespace MicroShop {

DistributorService::DistributorService(DistributorRepository &distributors, AuditLog &audit,
                                       Transactor &transactor)
    : m_distributors(distributors)
    , m_audit(audit)
    , m_transactor(transactor)
{}

QList<FieldProblem> DistributorService::problems(const Distributor &distributor)
{
    QList<FieldProblem> found;
    if (const auto problem = CatalogService::codeProblem(distributor.code, tr("distributor code")))
        found.append({QStringLiteral("code"), *problem});
    if (distributor.name.trimmed().isEmpty())
        found.append({QStringLiteral("name"), tr("The distributor's name is missing.")});
    return found;
}

std::optional<Distributor> DistributorService::distributorWithId(qint64 id) const
{
    return m_distributors.findById(id);
}

Distributor DistributorService::distributorByCode(const QString &code) const
{
    const auto distributor = m_distributors.findByCode(code);
    if (!distributor)
        throw InputError(tr("There is no distributor with the code %1.").arg(code));
    return *distributor;
}

Distributor DistributorService::create(const Distributor &distributor)
{
    if (const auto found = problems(distributor); !found.isEmpty())
        throw ValidationError(found);
    Distributor created = distributor;
    if (!created.joined.isValid())
        created.joined = Dates::today();
    m_transactor.inTransaction([&] {
        // One new distributor at a time across desktops: a code found free is still free to use.
        m_transactor.takeTurn(QStringLiteral("distributor codes"));
        if (m_distributors.findByCode(created.code))
            throw ValidationError(
                {{QStringLiteral("code"),
                  tr("The distributor code %1 is already used.").arg(created.code)}});
        if (created.uplineId != 0 && !m_distributors.findById(created.uplineId))
            throw ValidationError({{QStringLiteral("upline"), tr("The upline does not exist.")}});
        created.id = m_distributors.insert(created);
    });
    return *m_distributors.findById(created.id);
}

Distributor DistributorService::update(const Distributor &distributor)
{
    if (const auto found = problems(distributor); !found.isEmpty())
        throw ValidationError(found);
    m_transactor.inTransaction([&] {
        const auto stored = m_distributors.findById(distributor.id);
        if (!stored)
            throw InputError(tr("The distributor %1 no longer exists.").arg(distributor.code));
        if (const auto other = m_distributors.findByCode(distributor.code);
            other && other->id != distributor.id)
            throw ValidationError(
                {{QStringLiteral("code"),
                  tr("The distributor code %1 is already used.").arg(distributor.code)}});
        Distributor changed = distributor;
        changed.uplineId = stored->uplineId;
        if (!m_distributors.update(changed))
            throw StaleError(tr("Someone else saved the distributor %1 (%2) after you opened "
                                "it: what they saved is shown now. Make your change again if it "
                                "is still needed; nothing was changed.")
                                 .arg(stored->code, stored->name));
        // The status keeps its own action (distributor.status); the other fields, one row per
        // save, each changed field with its old and new value (csv.md's names).
        AuditTrail::Changes changes;
        changes.add(QStringLiteral("code"), stored->code, changed.code);
        changes.add(QStringLiteral("name"), stored->name, changed.name);
        changes.add(QStringLiteral("phone"), stored->phone, changed.phone);
        changes.add(QStringLiteral("wechat"), stored->wechat, changed.wechat);
        changes.add(QStringLiteral("joined"), Dates::toText(stored->joined),
                    Dates::toText(changed.joined));
        changes.add(QStringLiteral("notes"), stored->notes, changed.notes);
        if (!changes.isEmpty())
            m_audit.append({QStringLiteral("distributor.edit"), QStringLiteral("distributor"),
                            changed.code, changes.text()});
        if (stored->status != changed.status)
            m_audit.append({QStringLiteral("distributor.status"), QStringLiteral("distributor"),
                            changed.code,
                            QStringLiteral("%1 -> %2")
                                .arg(DistributorStatuses::code(stored->status),
                                     DistributorStatuses::code(changed.status))});
    });
    return *m_distributors.findById(distributor.id);
}

Distributor DistributorService::move(const QString &code, const QString &uplineCode)
{
    Distributor moved;
    m_transactor.inTransaction([&] {
        moved = distributorByCode(code);
        qint64 uplineId = 0;
        if (!uplineCode.isEmpty()) {
            const Distributor upline = distributorByCode(uplineCode);
            if (m_distributors.isInTeamOf(moved.id, upline.id))
                throw InputError(upline.id == moved.id
                                     ? tr("%1 cannot be its own upline.").arg(code)
                                     : tr("Moving %1 under %2 would make a cycle: %2 is in %1's "
                                          "team. Nothing was changed.")
                                           .arg(code, uplineCode));
            uplineId = upline.id;
        }
        if (uplineId == moved.uplineId)
            return;
        const QString before = moved.uplineId == 0 ? QStringLiteral("(root)")
                                                   : m_distributors.findById(moved.uplineId)->code;
        m_distributors.move(moved.id, uplineId);
        // domain.md: who, when, old and new upline.
        m_audit.append(
            {QStringLiteral("distributor.move"), QStringLiteral("distributor"), code,
             QStringLiteral("%1 -> %2")
                 .arg(before, uplineCode.isEmpty() ? QStringLiteral("(root)") : uplineCode)});
        moved = *m_distributors.findById(moved.id);
    });
    return moved;
}

Distributor DistributorService::setStatus(const QString &code, DistributorStatus status)
{
    Distributor changed = distributorByCode(code);
    changed.status = status;
    return update(changed);
}

} // namespace MicroShop
