#pragma once

#include "Customer.h"
#include "Order.h"
#include "Product.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace MicroShop {

// The storage of products, customers and orders that the services write through; src/db
// implements them over SQL. Reads return nullopt for "no such row".

class ProductRepository
{
public:
    virtual ~ProductRepository() = default;
    virtual std::optional<Product> findById(qint64 id) const = 0;
    virtual std::optional<Product> findBySku(const QString &sku) const = 0;
    virtual std::optional<Product> findByBarcode(const QString &barcode) const = 0;
    virtual qint64 insert(const Product &product) = 0; // stock starts at 0: movements add to it
    // Every field but stock; false (nothing written) when a version newer than product.version
    // is stored.
    virtual bool update(const Product &product) = 0;
    // Inserts the movement and adds its quantity to the product's stock, in one statement pair.
    virtual void applyStockMovement(const StockMovement &movement) = 0;
    virtual QList<StockMovement> movements(qint64 productId) const = 0; // oldest first
    // The product an alias names: by code when alias.code is not empty, else by name and spec.
    virtual std::optional<qint64> aliasedProduct(const ProductAlias &alias) const = 0;
    virtual void saveAlias(const ProductAlias &alias, qint64 productId) = 0; // replaces
    // Within a transaction: holds the products' stock for it, so that no other desktop moves it
    // until the end (always in the order of their ids, so that two desktops cannot wait on each
    // other). False when nothing could have changed since it was read (SQLite's one writer).
    virtual bool lockStock(QList<qint64> productIds) = 0;
};

class CustomerRepository
{
public:
    virtual ~CustomerRepository() = default;
    virtual std::optional<Customer> findById(qint64 id) const = 0;
    virtual std::optional<Customer> findByCode(const QString &code) const = 0;
    virtual std::optional<Customer> findByPhone(const QString &phone) const = 0; // the oldest
    virtual std::optional<Customer> findByPlatformAccount(Channel channel,
                                                          const QString &account) const = 0;
    virtual qint64 insert(const Customer &customer) = 0;
    // Addresses replaced as given; false (nothing written) when a version newer than
    // customer.version is stored.
    virtual bool update(const Customer &customer) = 0;
    virtual void remove(qint64 id) = 0;
    virtual bool hasOrders(qint64 id) const = 0;
    virtual void setDistributor(qint64 customerId, qint64 distributorId) = 0;
    virtual void noteOrderDate(qint64 customerId, QDate date) = 0; // keeps the latest
    virtual QString nextCode() const = 0; // C000123: one more than the highest
};

// One refund as stored: the amounts are computed by OrderWorkflow.
struct RefundRecord
{
    struct Line
    {
        qint64 lineId = 0;
        qint64 quantity = 0;
        Money amount;
    };
    QDateTime at;
    QList<Line> lines;
    Money goodsAmount;
    Money shippingAmount;
    bool restock = false;
    QString reason;
    QString actor;
};

class OrderRepository
{
public:
    virtual ~OrderRepository() = default;
    virtual std::optional<Order> findByNumber(const QString &orderNo) const = 0;
    virtual std::optional<Order> findById(qint64 id) const = 0;
    virtual std::optional<Order> findByPlatformNumber(Platform platform,
                                                      const QString &platformNo) const = 0;
    virtual bool hasPlatformOrders() const = 0;
    // Whether an order has the number (the platform's number): a lookup that reads nothing else.
    virtual bool hasNumber(const QString &orderNo) const = 0;
    virtual bool hasPlatformNumber(Platform platform, const QString &platformNo) const = 0;
    virtual void insert(Order &order) = 0; // with its lines; sets the order's and lines' ids
    virtual void replaceLines(const Order &order) = 0; // a pending order's lines and totals
    // What a pending order's edit changes: its date, customer, distributor, totals and notes.
    virtual void saveEdit(const Order &order) = 0;
    // What the moves change: the status, the steps' times and the refunded total (nothing else,
    // so the indexes of the order's date, customer and distributor are not written again).
    virtual void saveState(const Order &order) = 0;
    virtual void addPayment(qint64 orderId, const Payment &payment) = 0;
    virtual void addShipment(qint64 orderId, const Shipment &shipment) = 0;
    virtual void addRefund(qint64 orderId, const RefundRecord &refund) = 0; // and the lines' sums
    virtual QString nextOrderNumber(QDate date) const = 0;              // SO20261125-0001, unused
    virtual QList<Order> ordersOfCustomer(qint64 customerId) const = 0; // newest first, no lines
    // Within a transaction: holds the order for it, so that no other desktop moves it until the
    // end. False when nothing could have changed since it was read (SQLite's one writer).
    virtual bool lock(qint64 orderId) = 0;
};

// What the orders need of the distributor tree: its codes (DistributorRepository has the rest).
class DistributorDirectory
{
public:
    virtual ~DistributorDirectory() = default;
    virtual std::optional<qint64> idOfCode(const QString &code) const = 0;
    virtual QString codeOf(qint64 id) const = 0;
};

// The one place where the order workflow tells the commission ledger what happened; the
// ledger (CommissionLedger) earns, reverses and releases commissions from these calls.
class CommissionHook
{
public:
    virtual ~CommissionHook() = default;
    virtual void orderPaid(const Order &order) = 0;
    virtual void orderCancelled(const Order &before, const Order &after) = 0;
    virtual void orderRefunded(const Order &before, const Order &after, const QDateTime &at) = 0;
    virtual void orderCompleted(const Order &order) = 0;
};

} // namespace MicroShop
