#include "CommissionListPage.h"

#include "SettlementDialog.h"

#include "CommissionListModel.h"
#include "ProductListModel.h"

#include "Dates.h"
#include "ExportSource.h"
#include "ShopContext.h"
#include "ShopSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
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
    , m_overrides(new ProductListModel(shop.lists(ListKind::Products), this))
    , m_distributorFilter(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_dateFilterCheck(new QCheckBox(this))
    , m_fromDate(new QDateEdit(Dates::today().addDays(-30), this))
    , m_toDate(new QDateEdit(Dates::today(), this))
    , m_rules(new QLabel(this))
    , m_payoutsTitle(new QLabel(this))
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
    m_dateFilterCheck->setObjectName(QStringLiteral("dateFilterCheck"));
    for (QDateEdit *date : {m_fromDate, m_toDate}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
        connect(date, &QDateEdit::dateChanged, this, &CommissionListPage::applyDateFilter);
    }
    connect(m_dateFilterCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDate->setEnabled(on);
        m_toDate->setEnabled(on);
        applyDateFilter();
    });
    addFilter(m_distributorFilter);
    addFilter(m_stateFilter);
    addFilter(m_dateFilterCheck);
    addFilter(m_fromDate);
    addFilter(m_toDate);
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
    // The products whose own rates replace the shop's at some level.
    m_overrides->setFilter(QStringLiteral("overrides"), true);
    auto *overrides = new QTableView(this);
    overrides->setObjectName(QStringLiteral("overridesView"));
    overrides->setModel(m_overrides);
    overrides->verticalHeader()->hide();
    overrides->setEditTriggers(QAbstractItemView::NoEditTriggers);
    overrides->setMaximumHeight(150);
    for (int column = 0; column < m_overrides->columnCount(); ++column) {
        const bool shown = column == ProductListModel::Sku || column == ProductListModel::Name
                           || column >= ProductListModel::Rate1;
        overrides->setColumnHidden(column, !shown);
    }
    overrides->horizontalHeader()->setStretchLastSection(true);
    m_payoutsTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    detailsLayout()->addWidget(m_rules);
    detailsLayout()->addWidget(overrides);
    detailsLayout()->addWidget(m_payoutsTitle);
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
    m_dateFilterCheck->setText(tr("Dates:"));
    m_payoutsTitle->setText(tr("Payouts"));
}

void CommissionListPage::applyDateFilter()
{
    const bool on = m_dateFilterCheck->isChecked();
    m_ledger->setFilter(QStringLiteral("from"),
                        on ? QVariant(Dates::toText(m_fromDate->date())) : QVariant());
    m_ledger->setFilter(QStringLiteral("to"),
                        on ? QVariant(Dates::toText(m_toDate->date())) : QVariant());
}

void CommissionListPage::showDetails(qint64)
{
    m_overrides->refresh(); // products may have changed on their page
    const ShopSettings &settings = m_shop.settings;
    QStringList rates;
    for (int level = 1; level <= settings.commissionLevels(); ++level)
        rates.append(
            tr("level %1: %2 %").arg(level).arg(settings.commissionRate(level).toString()));
    m_rules->setText(
        tr("<h3>Rules</h3><p>%1 level(s) paid — %2.<br>Available %3 day(s) after an order "
           "is completed.</p><p>Only real sales earn: no joining fees, no rewards for "
           "recruiting. Change the rules in Settings.</p><p>Products with rates of their own "
           "(empty: the shop's rate; 0 pays nothing):</p>")
            .arg(settings.commissionLevels())
            .arg(rates.join(QStringLiteral(", ")))
            .arg(settings.holdDays()));
}

void CommissionListPage::retranslate()
{
    fillFilters();
    m_payouts->retranslate();
    m_overrides->retranslate();
    ListPage::retranslate();
}

void CommissionListPage::showState(const QString &state)
{
    clearSearch();
    m_distributorFilter->clear();
    m_dateFilterCheck->setChecked(false);
    m_stateFilter->setCurrentIndex(qMax(0, m_stateFilter->findData(state)));
    m_ledger->setFilter(QStringLiteral("state"), m_stateFilter->currentData());
}

void CommissionListPage::followChanges()
{
    ListPage::followChanges();
    m_payouts->refresh();
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
