#pragma once

#include "Dates.h"
#include "Money.h"
#include "OrderWorkflow.h"

namespace MicroShop::Testing {

// Literal amounts and times for tests: yuan("12.30"), at("2026-03-01 10:00").
inline Money yuan(const char *text)
{
    return *Money::parse(QString::fromLatin1(text));
}

inline QDateTime at(const char *text)
{
    return *Dates::parseDateTime(QString::fromLatin1(text));
}

// An order as the tests write one: its number, its time, the customer, the seller (0: none), its
// lines and its shipping fee in yuan.
inline OrderDraft orderDraft(const char *orderNo, const char *date, qint64 customerId,
                             qint64 distributorId, const QList<OrderDraft::Line> &lines,
                             const char *shipping = "0")
{
    OrderDraft draft;
    draft.orderNo = QString::fromLatin1(orderNo);
    draft.date = at(date);
    draft.customerId = customerId;
    draft.distributorId = distributorId;
    draft.lines = lines;
    draft.shippingFee = yuan(shipping);
    return draft;
}

} // namespace MicroShop::Testing
