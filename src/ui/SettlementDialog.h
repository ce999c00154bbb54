#pragma once

#include "ActionDialog.h"
#include "BackgroundTask.h"

#include "CommissionRepositories.h"

#include <QFutureWatcher>

class QDateEdit;
class QLabel;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// Settles commissions up to a date: shows first what each distributor would be paid (available,
// unsettled entries whose sum is positive), then makes those payouts on OK. The preview is worked
// out off the UI thread (a second or two at spec/product.md's scale); OK waits for it.
class SettlementDialog final : public ActionDialog
{
    Q_OBJECT

public:
    explicit SettlementDialog(ShopContext &shop, QWidget *parent = nullptr);
    ~SettlementDialog() override;
    bool apply() override;
    int payoutsMade() const { return m_payouts; }
    bool isPreviewing() const { return m_previewing; } // the preview shown is not the date's yet

private:
    void preview();
    void showPreview();

    ShopContext &m_shop;
    QDateEdit *m_until;
    QTableWidget *m_table;
    QLabel *m_total;
    int m_payouts = 0;
    QFutureWatcher<BackgroundTask::Answer<QList<PayoutPreview>>> m_watcher;
    bool m_previewing = false;
    bool m_previewAgain = false; // the date changed while the preview was worked out
};

} // namespace MicroShop
