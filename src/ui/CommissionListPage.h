#pragma once

#include "ListPage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace MicroShop {

class CommissionListModel;
class PayoutListModel;
class ProductListModel;
struct ShopContext;

// The Commissions page: the rules in force, the ledger filtered by distributor and state, the
// payouts, and the settlement run (preview, then confirm).
class CommissionListPage final : public ListPage
{
    Q_OBJECT

public:
    explicit CommissionListPage(ShopContext &shop, QWidget *parent = nullptr);

    void settle();
    void showState(const QString &state); // the ledger entries in that state, all distributors
    void followChanges() override;        // the payouts too

protected:
    void showDetails(qint64 id) override;
    void retranslate() override;

private:
    void fillFilters();
    void applyDateFilter();

    ShopContext &m_shop;
    CommissionListModel *m_ledger;
    PayoutListModel *m_payouts;
    ProductListModel *m_overrides;
    QLineEdit *m_distributorFilter;
    QComboBox *m_stateFilter;
    QCheckBox *m_dateFilterCheck;
    QDateEdit *m_fromDate;
    QDateEdit *m_toDate;
    QLabel *m_rules;
    QLabel *m_payoutsTitle;
};

} // namespace MicroShop
