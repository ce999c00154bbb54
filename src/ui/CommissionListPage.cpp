#include "CommissionListPage.h"

#include "SettlementDialog.h"

#include "CommissionListModel.h"

#include "ExportSource.h"
#include "ShopContext.h"
#include "ShopSettings.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace MicroShop {

CommissionListPage::CommissionListPage(ShopContext &shop, QWidget *parent)
    : ListPage(new CommissionListModel(shop.lists(ListKind::Commissions)), parent)
    , m_shop(shop)
    , m_ledger(static_cast<CommissionListModel *>(model()))
    , m_payouts(new PayoutListModel(shop.lists(ListKind::Payouts), this))
    , m_distributorFilter(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_rules(new QLabel(this))
{
    setObjectName(QStringLiteral("commissionListPage"));
    setTitle([] { return tr("Commissions"); });
    setSearchPlaceholder([] { return tr("Search order number or distributor"); });
    view()->sortByColumn(CommissionListModel::Date, Qt::DescendingOrder);
    view()->setColumnWidth(CommissionListModel::OrderNo, 150);
    view()->setColumnWidth(CommissionListModel::Level, 50);
    m_distributorFilter->setObjectName(QStringLiteral("distributorFilter"));
    m_distributorFilter->setMaximumWidth(130);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    addFilter(m_distributorFilter);
    addFilter(m_stateFilter);
    fillFilters();
    connect(m_distributorFilter, &QLineEdit::textChanged, this, [this](const QString &code) {
        m_ledger->setFilter(QStringLiteral("distributor"), code.trimmed());
        m_payouts->setFilter(QStringLiteral("distributor"), code.trimmed());
    });
    connect(m_stateFilter, &QComboBox::activated, this,
            [this] { m_ledger->setFilter(QStringLiteral("state"), m_stateFilter->currentData()); });

    m_rules->setObjectName(QStringLiteral("rulesLabel"));
    m_rules->setWordWrap(true);
    m_rules->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *payouts = new QTableView(this);
    payouts->setObjectName(QStringLiteral("payoutsView"));
    payouts->setModel(m_payouts);
    payouts->verticalHeader()->hide();
    payouts->setSortingEnabled(true);
    payouts->sortByColumn(PayoutListModel::Id, Qt::DescendingOrder);
    payouts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    payouts->horizontalHeader()->setStretchLastSection(true);
    detailsLayout()->addWidget(m_rules);
    detailsLayout()->addWidget(payouts, 1);

    addActionButton(
        QStringLiteral("settleButton"), [] { return tr("&Settle…"); },
        QKeySequence(Qt::CTRL | Qt::Key_S), [this] { settle(); }, false);
    addActionButton(
        QStringLiteral("exportButton"), [] { return tr("Export ledger…"); }, QKeySequence(),
        [this] { emit exportRequested(); }, false);
    addActionButton(
        QStringLiteral("exportPayoutsButton"), [] { return tr("Export payouts…"); }, QKeySequence(),
        [this] { emit exportKindRequested(int(ExportKind::Payouts)); }, false);
    showDetails(0);
}

void CommissionListPage::fillFilters()
{
    const QVariant state = m_stateFilter->currentData();
    m_stateFilter->clear();
    m_stateFilter->addItem(tr("All states"), QVariant());
    for (const char *code : {"pending", "available", "settled"})
        m_stateFilter->addItem(CommissionListModel::stateName(QString::fromLatin1(code)),
                               QString::fromLatin1(code));
    m_stateFilter->setCurrentIndex(qMax(0, m_stateFilter->findData(state)));
    m_distributorFilter->setPlaceholderText(tr("Distributor code"));
}

void CommissionListPage::showDetails(qint64)
{
    const ShopSettings &settings = m_shop.settings;
    QStringList rates;
    for (int level = 1; level <= settings.commissionLevels(); ++level)
        rates.append(
            tr("level %1: %2 %").arg(level).arg(settings.commissionRate(level).toString()));
    m_rules->setText(
        tr("<h3>Rules</h3><p>%1 level(s) paid — %2.<br>Available %3 day(s) after an order "
           "is completed. A product may override a level's rate (its editor shows it); "
           "a rate of 0 pays nothing.</p><p>Only real sales earn: no joining fees, no "
           "rewards for recruiting. Change the rules in Settings.</p><h3>Payouts</h3>")
            .arg(settings.commissionLevels())
            .arg(rates.join(QStringLiteral(", ")))
            .arg(settings.holdDays()));
}

void CommissionListPage::retranslate()
{
    fillFilters();
    m_payouts->retranslate();
    ListPage::retranslate();
}

void CommissionListPage::settle()
{
    SettlementDialog dialog(m_shop, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    refresh();
    m_payouts->refresh();
}

} // namespace MicroShop
