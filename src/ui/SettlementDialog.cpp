#include "SettlementDialog.h"

#include "BackgroundTask.h"

#include "CommissionLedger.h"
#include "Dates.h"
#include "ShopContext.h"

#include <QDateEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

SettlementDialog::SettlementDialog(ShopContext &shop, QWidget *parent)
    : ActionDialog(parent)
    , m_shop(shop)
    , m_until(new QDateEdit(Dates::today(), this))
    , m_table(new QTableWidget(0, 4, this))
    , m_total(new QLabel(this))
{
    setObjectName(QStringLiteral("settlementDialog"));
    setWindowTitle(tr("Settle commissions"));
    resize(560, 440);
    m_until->setObjectName(QStringLiteral("untilEdit"));
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_until->setCalendarPopup(true);
    m_until->setMaximumDate(Dates::today()); // never a day still to come (CommissionLedger)
    connect(m_until, &QDateEdit::dateChanged, this, &SettlementDialog::preview);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Distributor"), tr("Name"), tr("Amount"), tr("Entries")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_total->setObjectName(QStringLiteral("totalLabel"));
    auto *form = new QFormLayout;
    form->addRow(tr("Settle what is available up to:"), m_until);
    auto *content = new QVBoxLayout;
    content->addLayout(form);
    content->addWidget(m_table, 1);
    content->addWidget(m_total);
    setContent(content);
    connect(&m_watcher, &QFutureWatcher<BackgroundTask::Answer<QList<PayoutPreview>>>::finished,
            this, &SettlementDialog::showPreview);
    preview();
}

SettlementDialog::~SettlementDialog()
{
    m_watcher.waitForFinished(); // it reads the shop, which may go next
}

void SettlementDialog::preview()
{
    m_previewing = true;
    okButton()->setEnabled(false);
    if (m_watcher.isRunning()) {
        m_previewAgain = true;
        return;
    }
    m_total->setText(tr("Working out the payouts…"));
    const QDate until = m_until->date();
    m_watcher.setFuture(BackgroundTask::compute<QList<PayoutPreview>>(
        m_shop, [until](ShopContext &own) { return own.ledger.previewSettlement(until); }));
}

void SettlementDialog::showPreview()
{
    if (m_previewAgain) {
        m_previewAgain = false;
        preview(); // for the date now shown
        return;
    }
    const auto previewed = m_watcher.result();
    const QList<PayoutPreview> &payouts = previewed.result;
    m_table->setRowCount(0);
    m_table->setRowCount(int(payouts.size()));
    Money total;
    for (int row = 0; row < payouts.size(); ++row) {
        const PayoutPreview &payout = payouts.at(row);
        const QStringList cells = {payout.code, payout.name, payout.amount.toString(),
                                   QString::number(payout.entries)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
        total += payout.amount;
    }
    if (!previewed.problem.isEmpty())
        m_total->setText(previewed.problem);
    else
        m_total->setText(
            payouts.isEmpty()
                ? tr("Nothing to pay: no distributor has a positive available balance by then.")
                : tr("%n payout(s), <b>%1</b> in all. OK makes them; the entries become settled.",
                     nullptr, int(payouts.size()))
                      .arg(total.toString()));
    okButton()->setEnabled(previewed.problem.isEmpty());
    m_previewing = false;
}

bool SettlementDialog::apply()
{
    // Off the UI thread, on a connection of its own: thousands of payouts take a while.
    const QDate until = m_until->date();
    int payouts = 0;
    QString message;
    const auto outcome = BackgroundTask::run(
        this, m_shop, tr("Settling up to %1…").arg(Dates::toText(until)),
        [&payouts, until](ShopContext &shop, const ProgressCallback &progress) {
            payouts = int(shop.ledger.settle(until, 0, progress).size());
        },
        &message);
    if (outcome == BackgroundTask::Outcome::Done) {
        m_payouts = payouts;
        return true;
    }
    showError(outcome == BackgroundTask::Outcome::Cancelled
                  ? tr("Settlement cancelled: no payout was made.")
                  : message);
    return false;
}

} // namespace MicroShop
