#pragma once

#include "Customer.h"
#include "Distributor.h"
#include "Order.h"
#include "OrderWorkflow.h"
#include "Product.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace MicroShop {

struct CsvRecord;

// The records an import reads from a file, checked and ready to apply. Each keeps the row it came
// from, so that a service refusing it while it is applied blames the right line.

struct ProductRow
{
    Product product; // the stored product with the file's values over it
    bool isNew = false;
    const CsvRecord *record = nullptr;
};

struct CustomerRow
{
    Customer customer;
    bool isNew = false;
    const CsvRecord *record = nullptr;
};

struct DistributorRow
{
    Distributor distributor;
    QString upline; // a code, possibly of a distributor later in the file; empty: none
    bool isNew = false;
    const CsvRecord *record = nullptr;
};

// One order with all its lines (the rows of one order are one record).
struct OrderRow
{
    OrderDraft draft;
    OrderStatus status = OrderStatus::Pending;
    std::optional<QDateTime> paidAt, shippedAt, completedAt;
    QString courier, tracking;
    const CsvRecord *record = nullptr; // its first row
};

} // namespace MicroShop
