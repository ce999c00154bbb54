#pragma once

#include "ShopRepositories.h"

#include <functional>

namespace MicroShop {

class Database;

// Orders with their lines, payments, shipments and refunds as rows of their tables.
class SqlOrderRepository final : public OrderRepository
{
public:
    explicit SqlOrderRepository(Database &database)
        : m_database(database)
    {}

    std::optional<Order> findByNumber(const QString &orderNo) const override;
    std::optional<Order> findById(qint64 id) const override;
    std::optional<Order> findByPlatformNumber(Platform platform,
                                              const QString &platformNo) const override;
    bool hasNumber(const QString &orderNo) const override;
    bool hasPlatformNumber(Platform platform, const QString &platformNo) const override;
    bool hasPlatformOrders() const override;
    void insert(Order &order) override;
    void replaceLines(const Order &order) override;
    void saveEdit(const Order &order) override;
    void saveState(const Order &order) override;
    void addPayment(qint64 orderId, const Payment &payment) override;
    void addShipment(qint64 orderId, const Shipment &shipment) override;
    void addRefund(qint64 orderId, const RefundRecord &refund) override;
    QString nextOrderNumber(QDate date) const override;
    QList<Order> ordersOfCustomer(qint64 customerId) const override;
    bool lock(qint64 orderId) override;

private:
    std::optional<Order> findWhere(const QString &condition, const QVariant &value) const;
    QList<qint64> insertLines(const Order &order, qint64 orderId); // the lines' ids
    // Whether an order row held in a bulk transaction isIt (its values in insert()'s order), else
    // whether sql finds one among the rows sent.
    bool heldOrSent(const std::function<bool(const QVariant *row)> &isIt, const QString &sql,
                    const QVariantList &values) const;

    Database &m_database;
};

} // namespace MicroShop
