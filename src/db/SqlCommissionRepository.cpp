#include "SqlCommissionRepository.h"

#include "Database.h"
#include "SqlValues.h"

namespace MicroShop {

using namespace SqlValues;

namespace {

// An entry's columns as addEntry() writes them, and where setAvailableOn() finds two of them in
// a row held back by a bulk transaction.
const QString entryColumns = QStringLiteral(
    "order_id, distributor_id, level, kind, amount, created_at, available_on");
constexpr int entryOrderColumn = 0;
constexpr int entryAvailableOnColumn = 6;

} // namespace

void SqlCommissionRepository::addBasis(const CommissionBasis &basis)
{
    m_database.insertRow(
        QStringLiteral("commission_basis"),
        QStringLiteral("order_line_id, level, distributor_id, rate"),
        {qlonglong(basis.lineId), basis.level, qlonglong(basis.distributorId), basis.rate});
}

QList<CommissionBasis> SqlCommissionRepository::basisOfOrder(qint64 orderId) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT b.order_line_id, b.level, b.distributor_id, b.rate FROM "
                       "commission_basis b JOIN order_lines l ON l.id = b.order_line_id WHERE "
                       "l.order_id = ? ORDER BY b.order_line_id, b.level"),
        {qlonglong(orderId)});
    QList<CommissionBasis> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toInt(),
                       query.value(2).toLongLong(), query.value(3).toInt()});
    return result;
}

void SqlCommissionRepository::addEntry(const CommissionEntry &entry)
{
    m_database.insertRow(
        QStringLiteral("commission_entries"), entryColumns,
        {qlonglong(entry.orderId), qlonglong(entry.distributorId), entry.level,
         entry.amount.isNegative() ? QStringLiteral("reversal") : QStringLiteral("commission"),
         money(entry.amount), dateTime(entry.createdAt),
         entry.availableOn ? QVariant(Dates::toText(*entry.availableOn))
                           : QVariant(QMetaType::fromType<QString>())});
}

QList<CommissionBalance> SqlCommissionRepository::balances(qint64 orderId) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT distributor_id, level, sum(amount) FROM commission_entries WHERE "
                       "order_id = ? GROUP BY distributor_id, level ORDER BY level"),
        {qlonglong(orderId)});
    QList<CommissionBalance> result;
    while (query.next())
        result.append(
            {query.value(0).toLongLong(), query.value(1).toInt(), toMoney(query.value(2))});
    return result;
}

std::optional<QDate> SqlCommissionRepository::availableOn(qint64 orderId) const
{
    const QVariant value = m_database.scalar(
        QStringLiteral("SELECT max(available_on) FROM commission_entries WHERE order_id = ?"),
        {qlonglong(orderId)});
    if (value.isNull() || !value.isValid())
        return std::nullopt;
    return Dates::parseDate(value.toString());
}

void SqlCommissionRepository::setAvailableOn(qint64 orderId, QDate date)
{
    // An import pays and completes an order at once: its entries may still be held, unsent.
    const QVariant order = qlonglong(orderId);
    const QString day = Dates::toText(date);
    m_database.updateHeldAndSent(
        QStringLiteral("commission_entries"),
        [&](QVariant *entry) {
            if (entry[entryOrderColumn] == order)
                entry[entryAvailableOnColumn] = day;
        },
        QStringLiteral("UPDATE commission_entries SET available_on = ? WHERE order_id = ?"),
        {day, order});
}

QList<PayoutPreview> SqlCommissionRepository::settlementPreview(QDate until,
                                                                qint64 distributorId) const
{
    QVariantList values{Dates::toText(until)};
    QString filter;
    if (distributorId != 0) {
        filter = QStringLiteral(" AND e.distributor_id = ?");
        values.append(qlonglong(distributorId));
    }
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT e.distributor_id, d.code, d.name, sum(e.amount), count(*) FROM "
                       "commission_entries e JOIN distributors d ON d.id = e.distributor_id "
                       "WHERE e.payout_id IS NULL AND e.available_on IS NOT NULL AND "
                       "e.available_on <= ?%1 GROUP BY e.distributor_id, d.code, d.name "
                       "HAVING sum(e.amount) > 0 ORDER BY d.code")
            .arg(filter),
        values);
    QList<PayoutPreview> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(),
                       query.value(2).toString(), toMoney(query.value(3)), query.value(4).toInt()});
    return result;
}

Payout SqlCommissionRepository::settle(const PayoutPreview &preview, QDate until,
                                       const QDateTime &at)
{
    const qint64 id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO payouts (distributor_id, period_end, "
                       "created_at, amount, entries, actor) VALUES (?, "
                       "?, ?, ?, ?, ?)"),
        {qlonglong(preview.distributorId), Dates::toText(until), dateTime(at),
         money(preview.amount), preview.entries, text(m_database.actor())});
    // Exactly the entries the preview summed: same conditions, inside the same transaction.
    m_database.run(QStringLiteral("UPDATE commission_entries SET payout_id = ? WHERE "
                                  "distributor_id = ? AND payout_id IS NULL AND available_on IS "
                                  "NOT NULL AND available_on <= ?"),
                   {qlonglong(id), qlonglong(preview.distributorId), Dates::toText(until)});
    return {id, preview.distributorId, preview.code, until, preview.amount, preview.entries};
}

} // namespace MicroShop
