#pragma once

#include "ListPage.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace MicroShop {

class CommissionListModel;
class PayoutListModel;
struct ShopContext;

// The Commissions page: the rules in force, the ledger filtered by distributor and state, the
// payouts, and the settlement run (preview, then confirm).
class CommissionListPage final : public ListPage
{
    Q_OBJECT

public:
    explicit CommissionListPage(ShopContext &shop, QWidget *parent = nullptr);

    void settle();

protected:
    void showDetails(qint64 id) override;
    void retranslate() override;

private:
    void fillFilters();

    ShopContext &m_shop;
    CommissionListModel *m_ledger;
    PayoutListModel *m_payouts;
    QLineEdit *m_distributorFilter;
    QComboBox *m_stateFilter;
    QLabel *m_rules;
};

} // namespace MicroShop
