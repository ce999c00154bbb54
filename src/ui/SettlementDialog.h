#pragma once

#include "ActionDialog.h"

class QDateEdit;
class QLabel;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// Settles commissions up to a date: shows first what each distributor would be paid (available,
// unsettled entries whose sum is positive), then makes those payouts on OK.
class SettlementDialog final : public ActionDialog
{
    Q_OBJECT

public:
    explicit SettlementDialog(ShopContext &shop, QWidget *parent = nullptr);
    bool apply() override;
    int payoutsMade() const { return m_payouts; }

private:
    void preview();

    ShopContext &m_shop;
    QDateEdit *m_until;
    QTableWidget *m_table;
    QLabel *m_total;
    int m_payouts = 0;
};

} // namespace MicroShop
