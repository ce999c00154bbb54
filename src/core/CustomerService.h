#pragma once

#include "Customer.h"
#include "Error.h"
#include "Repositories.h"
#include "ShopRepositories.h"

#include <QCoreApplication>

namespace MicroShop {

// Customers: creating, editing and deleting them, and their binding to a distributor, which
// changes only by an explicit, audited rebinding once it is set.
class CustomerService final
{
    Q_DECLARE_TR_FUNCTIONS(CustomerService)

public:
    CustomerService(CustomerRepository &customers, DistributorDirectory &distributors,
                    AuditLog &audit, Transactor &transactor);

    static QList<FieldProblem> problems(const Customer &customer);

    Customer create(Customer customer);
    // Every field but the binding (see rebind); addresses are replaced as given.
    Customer update(const Customer &customer);
    // Import: creates, or updates; binds an unbound customer, never rebinds a bound one.
    Customer createOrUpdate(const Customer &customer);
    void remove(const QString &code); // refused when the customer has orders
    // Binds the customer to distributorCode (empty: unbinds), audited.
    Customer rebind(const QString &code, const QString &distributorCode);

    Customer customerByCode(const QString &code) const;      // throws InputError when unknown
    std::optional<Customer> customerWithId(qint64 id) const; // as stored now, if still there
    QString nextCode() const;

private:
    static void normalizeAddresses(Customer &customer);
    void checkDistributor(const Customer &customer) const;

    CustomerRepository &m_customers;
    DistributorDirectory &m_distributors;
    AuditLog &m_audit;
    Transactor &m_transactor;
};

} // namespace MicroShop
