#include "SqlCustomerRepository.h"

#include "Database.h"
#include "SqlValues.h"

namespace MicroShop {

using namespace SqlValues;

namespace {

const QString tagSeparator = QStringLiteral(";");

} // namespace

std::optional<Customer> SqlCustomerRepository::findWhere(const QString &condition,
                                                         const QVariant &value) const
{
    std::optional<Customer> found;
    m_database.forEachRow(
        QStringLiteral("SELECT id, code, name, phone, wechat, wechat_remark, channel, "
                       "distributor_id, tags, notes, platform_account, row_version FROM customers "
                       "WHERE %1")
            .arg(condition),
        {value}, [&found](const SqlRow &row) {
            Customer customer;
            customer.id = row.value(0).toLongLong();
            customer.code = row.value(1).toString();
            customer.name = row.value(2).toString();
            customer.phone = row.value(3).toString();
            customer.wechat = row.value(4).toString();
            customer.wechatRemark = row.value(5).toString();
            customer.channel = Channels::fromCode(row.value(6).toString()).value_or(Channel::Other);
            customer.distributorId = row.value(7).toLongLong();
            customer.tags = row.value(8).toString().split(tagSeparator, Qt::SkipEmptyParts);
            customer.notes = row.value(9).toString();
            customer.platformAccount = row.value(10).toString();
            customer.version = row.value(11).toLongLong();
            found = customer;
        });
    if (!found)
        return std::nullopt;
    m_database.forEachRow(
        QStringLiteral("SELECT id, receiver, phone, province, city, district, detail, is_default "
                       "FROM customer_addresses WHERE customer_id = ? ORDER BY id"),
        {qlonglong(found->id)}, [&found](const SqlRow &row) {
            Address address;
            address.id = row.value(0).toLongLong();
            address.receiver = row.value(1).toString();
            address.phone = row.value(2).toString();
            address.province = row.value(3).toString();
            address.city = row.value(4).toString();
            address.district = row.value(5).toString();
            address.detail = row.value(6).toString();
            address.isDefault = row.value(7).toInt() != 0;
            found->addresses.append(address);
        });
    return found;
}

std::optional<Customer> SqlCustomerRepository::findById(qint64 id) const
{
    return m_read.get(id, [this](qint64 wanted) {
        return findWhere(QStringLiteral("id = ?"), qlonglong(wanted));
    });
}

// An import reads its customers by code, phone or account, then its orders read them by id.
std::optional<Customer> SqlCustomerRepository::keptById(std::optional<Customer> found) const
{
    if (found)
        m_read.keep(found->id, *found);
    return found;
}

std::optional<Customer> SqlCustomerRepository::findByCode(const QString &code) const
{
    return keptById(findWhere(QStringLiteral("code = ?"), code));
}

std::optional<Customer> SqlCustomerRepository::findByPhone(const QString &phone) const
{
    return keptById(
        findWhere(QStringLiteral("id = (SELECT min(id) FROM customers WHERE phone = ?)"), phone));
}

std::optional<Customer> SqlCustomerRepository::findByPlatformAccount(Channel channel,
                                                                     const QString &account) const
{
    // The channel's code is one of ours, never the user's text.
    return keptById(findWhere(
        QStringLiteral("channel = '%1' AND platform_account = ?").arg(Channels::code(channel)),
        account));
}

void SqlCustomerRepository::insertAddresses(const Customer &customer, qint64 customerId)
{
    for (const Address &address : customer.addresses) {
        m_database.run(QStringLiteral("INSERT INTO customer_addresses (customer_id, receiver, "
                                      "phone, province, city, district, detail, is_default) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                       {qlonglong(customerId), text(address.receiver), text(address.phone),
                        text(address.province), text(address.city), text(address.district),
                        text(address.detail), address.isDefault ? 1 : 0});
    }
}

qint64 SqlCustomerRepository::insert(const Customer &customer)
{
    const qint64 id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO customers (code, name, phone, wechat, "
                       "wechat_remark, channel, distributor_id, tags, notes, "
                       "platform_account, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {customer.code, text(customer.name), text(customer.phone), text(customer.wechat),
         text(customer.wechatRemark), Channels::code(customer.channel),
         idOrNull(customer.distributorId), text(customer.tags.join(tagSeparator)),
         text(customer.notes), text(customer.platformAccount), dateTime(Dates::now())});
    insertAddresses(customer, id);
    m_read.forget(id);
    return id;
}

bool SqlCustomerRepository::update(const Customer &customer)
{
    m_read.forget(customer.id);
    QVariantList values{customer.code,
                        text(customer.name),
                        text(customer.phone),
                        text(customer.wechat),
                        text(customer.wechatRemark),
                        Channels::code(customer.channel),
                        text(customer.tags.join(tagSeparator)),
                        text(customer.notes),
                        text(customer.platformAccount),
                        qlonglong(customer.id)};
    const QString sql = QStringLiteral("UPDATE customers SET code = ?, name = ?, phone = ?, "
                                       "wechat = ?, wechat_remark = ?, channel = ?, tags = ?, "
                                       "notes = ?, platform_account = ?, "
                                       "row_version = row_version + 1 WHERE id = ?")
                        + overVersion(customer.version, values);
    if (m_database.exec(sql, values).numRowsAffected() != 1)
        return false;
    m_database.run(QStringLiteral("DELETE FROM customer_addresses WHERE customer_id = ?"),
                   {qlonglong(customer.id)});
    insertAddresses(customer, customer.id);
    return true;
}

void SqlCustomerRepository::remove(qint64 id)
{
    m_read.forget(id);
    m_database.run(QStringLiteral("DELETE FROM customers WHERE id = ?"), {qlonglong(id)});
}

bool SqlCustomerRepository::hasOrders(qint64 id) const
{
    return m_database
        .scalar(QStringLiteral("SELECT 1 FROM orders WHERE customer_id = ? LIMIT 1"),
                {qlonglong(id)})
        .isValid();
}

void SqlCustomerRepository::setDistributor(qint64 customerId, qint64 distributorId)
{
    m_database.run(QStringLiteral("UPDATE customers SET distributor_id = ? WHERE id = ?"),
                   {idOrNull(distributorId), qlonglong(customerId)});
    if (Customer *kept = m_read.find(customerId))
        kept->distributorId = distributorId;
}

void SqlCustomerRepository::noteOrderDate(qint64 customerId, QDate date)
{
    const QString day = Dates::toText(date);
    m_database.run(QStringLiteral("UPDATE customers SET last_order_date = ? WHERE id = ? AND "
                                  "(last_order_date IS NULL OR last_order_date < ?)"),
                   {day, qlonglong(customerId), day});
}

QString SqlCustomerRepository::nextCode() const
{
    // max(id), not count(*): one index lookup, where counting 200,000 customers for each of
    // the customers an import creates made it quadratic.
    qint64 number = m_database.scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM customers"))
                        .toLongLong();
    QString code;
    do {
        code = QStringLiteral("C%1").arg(++number, 6, 10, QLatin1Char('0'));
    } while (findByCode(code));
    return code;
}

} // namespace MicroShop
