#pragma once

#include "BackgroundTask.h"
#include "Error.h"
#include "ListPage.h"
#include "OrderWorkflow.h"
#include "ShopDocuments.h"

#include <QHash>
#include <QList>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace MicroShop {

class OrderListModel;
struct ShopContext;

// The Orders page: every order with search and status, date and distributor filters, the
// selected order's details and lines, the editor, and one button per workflow move, enabled
// only when the move is allowed from the order's status.
class OrderListPage final : public ListPage
{
    Q_OBJECT

public:
    explicit OrderListPage(ShopContext &shop, QWidget *parent = nullptr);

    void newOrder();
    // The orders of a status (empty: all) dated from..to (invalid dates: any date).
    void showOrders(const QString &status, QDate from, QDate to);
    // The selected order's packing slip or invoice, in print preview.
    void printDocument(bool invoice, ShopDocuments::Paper paper);
    void editOrder();
    void move(OrderWorkflow::Move move);
    QPushButton *moveButton(OrderWorkflow::Move move) const
    {
        return m_moveButtons.value(int(move));
    }

    // The batch: the selected orders (or all that match) as one action, off the UI thread.
    void completeSelected();
    void printSelected();     // labels or packing slips, to a printer or a PDF file
    void exportCourierFile(); // platforms.md's shipping file (CSV or .xlsx) of the paid ones
    // The same without their dialogs; false (after saying why) when nothing was written.
    bool writeSelectedPdf(ShopDocuments::OrderDocument kind, ShopDocuments::Paper paper,
                          const QString &file);
    bool exportCourierFileTo(const QString &file);

signals:
    void statusMessage(const QString &text);
    // Orders from Youzan, Weidian, Taobao or Pinduoduo's own export (PlatformImportDialog).
    void platformImportRequested();
    // A WeChat Pay bill reconciled with the orders, candidates confirmed (PaymentImportDialog).
    void paymentImportRequested();
    // Tracking numbers back from a courier's batch tool: the orders shipped (ShipmentImportDialog).
    void shipmentImportRequested();

protected:
    void showDetails(qint64 id) override;
    void updateActions() override;
    void retranslate() override;

private:
    void fillFilters();
    void createBatchMenu();
    // Runs work(ownShop, ids of the selection in list order, progress) behind a progress dialog
    // with Cancel; *message says why when it failed.
    BackgroundTask::Outcome runOnSelection(
        const QString &title,
        const std::function<void(ShopContext &, const QList<qint64> &, const ProgressCallback &)>
            &work,
        QString *message);
    QString selectionText() const; // "37 selected orders", "all 1,000,000 orders"...
    void applyDateFilter();
    std::optional<Order> selectedOrder() const;

    ShopContext &m_shop;
    OrderListModel *m_orders;
    QComboBox *m_statusFilter;
    QCheckBox *m_dateFilterCheck;
    QDateEdit *m_fromDate;
    QDateEdit *m_toDate;
    QLineEdit *m_distributorFilter;
    QLabel *m_details;
    QTableWidget *m_lines;
    QLabel *m_totals;
    QPushButton *m_editButton = nullptr;
    QHash<int, QPushButton *> m_moveButtons;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_batchButton = nullptr;
    QList<QAction *> m_selectionActions; // the batch's actions that need orders chosen
    QList<std::pair<QAction *, QString (*)()>> m_menuActions; // Print's and From outside's
};

} // namespace MicroShop
