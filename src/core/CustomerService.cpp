#include "CustomerService.h"

#include "AuditTrail.h"

#include "CatalogService.h"

namespace MicroShop {

CustomerService::CustomerService(CustomerRepository &customers, DistributorDirectory &distributors,
                                 AuditLog &audit, Transactor &transactor)
    : m_customers(customers)
    , m_distributors(distributors)
    , m_audit(audit)
    , m_transactor(transactor)
{}

QList<FieldProblem> CustomerService::problems(const Customer &customer)
{
    QList<FieldProblem> found;
    if (const auto problem = CatalogService::codeProblem(customer.code, tr("customer code")))
        found.append({QStringLiteral("code"), *problem});
    if (customer.name.trimmed().isEmpty())
        found.append({QStringLiteral("name"), tr("The customer's name is missing.")});
    int defaults = 0;
    for (const Address &address : customer.addresses)
        defaults += address.isDefault ? 1 : 0;
    if (defaults > 1)
        found.append({QStringLiteral("address"),
                      tr("Only one address can be the default one; %1 are marked.").arg(defaults)});
    return found;
}

void CustomerService::normalizeAddresses(Customer &customer)
{
    customer.addresses.removeIf([](const Address &address) { return address.isEmpty(); });
    bool hasDefault = false;
    for (const Address &address : std::as_const(customer.addresses))
        hasDefault = hasDefault || address.isDefault;
    if (!hasDefault && !customer.addresses.isEmpty())
        customer.addresses.first().isDefault = true;
    for (QString *field :
         {&customer.name, &customer.phone, &customer.wechat, &customer.wechatRemark})
        *field = field->trimmed();
    QStringList tags;
    for (const QString &tag : std::as_const(customer.tags)) {
        if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed()))
            tags.append(tag.trimmed());
    }
    customer.tags = tags;
}

void CustomerService::checkDistributor(const Customer &customer) const
{
    if (customer.distributorId != 0 && m_distributors.codeOf(customer.distributorId).isEmpty())
        throw ValidationError({{QStringLiteral("distributor"),
                                tr("The distributor this customer is bound to does not exist.")}});
}

Customer CustomerService::create(Customer customer)
{
    normalizeAddresses(customer);
    if (const auto found = problems(customer); !found.isEmpty())
        throw ValidationError(found);
    checkDistributor(customer);
    m_transactor.inTransaction([&] {
        // One new customer at a time across desktops: a code found free is still free to use.
        m_transactor.takeTurn(QStringLiteral("customer codes"));
        if (m_customers.findByCode(customer.code))
            throw ValidationError(
                {{QStringLiteral("code"),
                  tr("The customer code %1 is already used.").arg(customer.code)}});
        customer.id = m_customers.insert(customer);
        if (customer.distributorId != 0)
            m_audit.append(
                {QStringLiteral("customer.bind"), QStringLiteral("customer"), customer.code,
                 QStringLiteral("-> %1").arg(m_distributors.codeOf(customer.distributorId))});
    });
    return *m_customers.findById(customer.id);
}

Customer CustomerService::update(const Customer &changed)
{
    Customer customer = changed;
    normalizeAddresses(customer);
    if (const auto found = problems(customer); !found.isEmpty())
        throw ValidationError(found);
    m_transactor.inTransaction([&] {
        const auto stored = m_customers.findById(customer.id);
        if (!stored)
            throw InputError(tr("The customer %1 no longer exists.").arg(customer.code));
        if (const auto other = m_customers.findByCode(customer.code);
            other && other->id != customer.id)
            throw ValidationError(
                {{QStringLiteral("code"), tr("The customer code %1 is already used by %2.")
                                              .arg(customer.code, other->name)}});
        customer.distributorId = stored->distributorId; // binding changes only by rebind()
        if (!m_customers.update(customer))
            throw StaleError(tr("Someone else saved the customer %1 (%2) after you opened it: "
                                "what they saved is shown now. Make your change again if it is "
                                "still needed; nothing was changed.")
                                 .arg(stored->code, stored->name));
        // One row per save, each field changed with its old and new value (csv.md's names).
        AuditTrail::Changes changes;
        changes.add(QStringLiteral("code"), stored->code, customer.code);
        changes.add(QStringLiteral("name"), stored->name, customer.name);
        changes.add(QStringLiteral("phone"), stored->phone, customer.phone);
        changes.add(QStringLiteral("wechat"), stored->wechat, customer.wechat);
        changes.add(QStringLiteral("wechat_remark"), stored->wechatRemark, customer.wechatRemark);
        changes.add(QStringLiteral("channel"), Channels::code(stored->channel),
                    Channels::code(customer.channel));
        changes.add(QStringLiteral("tags"), stored->tags.join(u','), customer.tags.join(u','));
        changes.add(QStringLiteral("notes"), stored->notes, customer.notes);
        changes.add(QStringLiteral("platform_account"), stored->platformAccount,
                    customer.platformAccount);
        const auto addresses = [](const Customer &whose) {
            QStringList lines;
            for (const Address &address : whose.addresses)
                lines.append(address.oneLine()
                             + (address.isDefault ? QStringLiteral(" *") : QString()));
            return lines.join(QStringLiteral(" | "));
        };
        changes.add(QStringLiteral("addresses"), addresses(*stored), addresses(customer));
        if (!changes.isEmpty())
            m_audit.append({QStringLiteral("customer.edit"), QStringLiteral("customer"),
                            customer.code, changes.text()});
    });
    return *m_customers.findById(customer.id);
}

Customer CustomerService::createOrUpdate(const Customer &customer)
{
    const auto stored = m_customers.findByCode(customer.code);
    if (!stored)
        return create(customer);
    Customer result;
    m_transactor.inTransaction([&] {
        Customer changed = customer;
        changed.id = stored->id;
        result = update(changed);
        if (stored->distributorId == 0 && customer.distributorId != 0) {
            checkDistributor(customer);
            m_customers.setDistributor(stored->id, customer.distributorId);
            m_audit.append(
                {QStringLiteral("customer.bind"), QStringLiteral("customer"), customer.code,
                 QStringLiteral("-> %1").arg(m_distributors.codeOf(customer.distributorId))});
            result.distributorId = customer.distributorId;
        }
    });
    return result;
}

void CustomerService::remove(const QString &code)
{
    m_transactor.inTransaction([&] {
        const Customer customer = customerByCode(code);
        if (m_customers.hasOrders(customer.id))
            throw InputError(tr("The customer %1 (%2) has orders and cannot be deleted.")
                                 .arg(code, customer.name));
        m_customers.remove(customer.id);
        m_audit.append(
            {QStringLiteral("customer.delete"), QStringLiteral("customer"), code, customer.name});
    });
}

Customer CustomerService::rebind(const QString &code, const QString &distributorCode)
{
    Customer customer;
    m_transactor.inTransaction([&] {
        customer = customerByCode(code);
        qint64 distributorId = 0;
        if (!distributorCode.isEmpty()) {
            const auto id = m_distributors.idOfCode(distributorCode);
            if (!id)
                throw InputError(
                    tr("There is no distributor with the code %1.").arg(distributorCode));
            distributorId = *id;
        }
        if (distributorId == customer.distributorId)
            return;
        const QString before = m_distributors.codeOf(customer.distributorId);
        m_customers.setDistributor(customer.id, distributorId);
        m_audit.append({QStringLiteral("customer.rebind"), QStringLiteral("customer"), code,
                        QStringLiteral("%1 -> %2").arg(before, distributorCode)});
        customer.distributorId = distributorId;
    });
    return customer;
}

std::optional<Customer> CustomerService::customerWithId(qint64 id) const
{
    return m_customers.findById(id);
}

Customer CustomerService::customerByCode(const QString &code) const
{
    const auto customer = m_customers.findByCode(code);
    if (!customer)
        throw InputError(tr("There is no customer with the code %1.").arg(code));
    return *customer;
}

QString CustomerService::nextCode() const
{
    return m_customers.nextCode();
}

} // namespace MicroShop
