#include "SqlPaymentBillRepository.h"

#include "Database.h"
#include "SqlValues.h"

namespace MicroShop {

using namespace SqlValues;

namespace {

const QString keyCondition = QStringLiteral(
    "source = ? AND bill_no = ? AND kind = ? AND refund_no = ?");

QVariantList keyOf(const BillLine &line)
{
    return {BillCodes::code(line.source), line.billNo, BillCodes::code(line.kind),
            text(line.refundNo)};
}

std::optional<BillOutcome> outcomeOf(const QString &code)
{
    for (const BillOutcome outcome :
         {BillOutcome::Matched, BillOutcome::Mismatch, BillOutcome::Unknown, BillOutcome::Refund,
          BillOutcome::Income}) {
        if (BillCodes::code(outcome) == code)
            return outcome;
    }
    return std::nullopt;
}

} // namespace

std::optional<BillLine> SqlPaymentBillRepository::find(const BillLine &key) const
{
    std::optional<BillLine> found;
    m_database.forEachRow(
        QStringLiteral("SELECT merchant_order_no, at, amount, status, counterparty, order_id, "
                       "outcome FROM payment_bill_lines WHERE %1")
            .arg(keyCondition),
        keyOf(key), [&](const SqlRow &row) {
            BillLine line = key;
            line.merchantOrderNo = row.value(0).toString();
            line.at = toDateTime(row.value(1)).value_or(QDateTime());
            line.amount = toMoney(row.value(2));
            line.status = row.value(3).toString();
            line.counterparty = row.value(4).toString();
            line.orderId = row.value(5).toLongLong();
            line.outcome = outcomeOf(row.value(6).toString()).value_or(BillOutcome::Unknown);
            found = line;
        });
    return found;
}

void SqlPaymentBillRepository::insert(const BillLine &line)
{
    m_database.run(
        QStringLiteral("INSERT INTO payment_bill_lines (source, bill_no, kind, refund_no, "
                       "merchant_order_no, at, amount, status, counterparty, order_id, outcome, "
                       "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        keyOf(line)
            + QVariantList{text(line.merchantOrderNo), dateTime(line.at), money(line.amount),
                           text(line.status), text(line.counterparty), idOrNull(line.orderId),
                           BillCodes::code(line.outcome), dateTime(Dates::now())});
}

void SqlPaymentBillRepository::updateOutcome(const BillLine &line)
{
    m_database.run(
        QStringLiteral("UPDATE payment_bill_lines SET order_id = ?, outcome = ? WHERE %1")
            .arg(keyCondition),
        QVariantList{idOrNull(line.orderId), BillCodes::code(line.outcome)} + keyOf(line));
}

} // namespace MicroShop
