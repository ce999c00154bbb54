#pragma once

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QTreeView;

namespace MicroShop {

class CommissionListModel;
class CustomerListModel;
class DistributorTreeModel;
class PayoutListModel;
struct ShopContext;

// The Distributors page: the forest as a tree loaded as it is expanded, search that reveals the
// match, drag and drop (or Move…) onto a new upline refusing cycles, status changes, and a panel
// with the selected distributor's depth, team, sales, commissions, customers, ledger and payouts.
class DistributorTreePage final : public QWidget
{
    Q_OBJECT

public:
    explicit DistributorTreePage(ShopContext &shop, QWidget *parent = nullptr);

    DistributorTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_tree; }
    qint64 currentId() const;
    void select(qint64 id);                // reveals it in the tree
    bool move(qint64 id, qint64 uplineId); // what a drop does; false (with a message) if refused
    void refresh();

    void newDistributor();
    void editDistributor();
    void moveDistributor();
    void changeStatus();
    void printStatement(); // the selected distributor's, for the period of the panel

signals:
    void importRequested();
    void exportRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void search();
    void showDetails();
    void retranslate();
    void showMatchCount();

    ShopContext &m_shop;
    DistributorTreeModel *m_model;
    CustomerListModel *m_customers;
    CommissionListModel *m_ledger;
    PayoutListModel *m_payouts;
    QLabel *m_title;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QLabel *m_found;
    QTreeView *m_tree;
    QLabel *m_name;
    QLabel *m_details;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_figures;
    QList<QPushButton *> m_needSelection;
    int m_matches = -1; // of the last search; -1: none
    QList<std::pair<QPushButton *, QString (*)()>> m_buttons;
};

} // namespace MicroShop
