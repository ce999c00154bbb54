#pragma once

#include "PaymentBill.h"

namespace MicroShop {

class Database;

// Imported bill lines as rows of payment_bill_lines.
class SqlPaymentBillRepository final : public PaymentBillRepository
{
public:
    explicit SqlPaymentBillRepository(Database &database)
        : m_database(database)
    {}

    std::optional<BillLine> find(const BillLine &key) const override;
    void insert(const BillLine &line) override;
    void updateOutcome(const BillLine &line) override;

private:
    Database &m_database;
};

} // namespace MicroShop
