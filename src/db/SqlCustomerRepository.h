#pragma once

#include "BulkReadCache.h"
#include "ShopRepositories.h"

namespace MicroShop {

class Database;

// Customers and their addresses as rows of customers and customer_addresses.
class SqlCustomerRepository final : public CustomerRepository
{
public:
    explicit SqlCustomerRepository(Database &database)
        : m_database(database)
        , m_read(database)
    {}

    std::optional<Customer> findById(qint64 id) const override;
    std::optional<Customer> findByCode(const QString &code) const override;
    std::optional<Customer> findByPhone(const QString &phone) const override;
    std::optional<Customer> findByPlatformAccount(Channel channel,
                                                  const QString &account) const override;
    qint64 insert(const Customer &customer) override;
    bool update(const Customer &customer) override;
    void remove(qint64 id) override;
    bool hasOrders(qint64 id) const override;
    void setDistributor(qint64 customerId, qint64 distributorId) override;
    void noteOrderDate(qint64 customerId, QDate date) override;
    QString nextCode() const override;

private:
    std::optional<Customer> findWhere(const QString &condition, const QVariant &value) const;
    std::optional<Customer> keptById(std::optional<Customer> found) const;
    void insertAddresses(const Customer &customer, qint64 customerId);

    Database &m_database;
    mutable BulkReadCache<Customer> m_read; // by id
};

} // namespace MicroShop
