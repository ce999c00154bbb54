#include "DistributorTreePage.h"

#include "DistributorEditor.h"
#include "PrintPreview.h"

#include "CommissionListModel.h"
#include "CustomerListModel.h"
#include "DistributorTreeModel.h"

#include "CommissionRepositories.h"
#include "Dates.h"
#include "DistributorService.h"
#include "Error.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QAction>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

QTableView *smallTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSortingEnabled(true);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

DistributorTreePage::DistributorTreePage(ShopContext &shop, QWidget *parent)
    : QWidget(parent)
    , m_shop(shop)
    , m_model(new DistributorTreeModel(shop.distributorRepository, this))
    , m_customers(new CustomerListModel(shop.lists(ListKind::Customers), this))
    , m_ledger(new CommissionListModel(shop.lists(ListKind::Commissions), this))
    , m_payouts(new PayoutListModel(shop.lists(ListKind::Payouts), this))
    , m_title(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_found(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_from(new QDateEdit(QDate(Dates::today().year(), Dates::today().month(), 1), this))
    , m_to(new QDateEdit(Dates::today(), this))
    , m_figures(new QLabel(this))
{
    setObjectName(QStringLiteral("distributorTreePage"));
    m_title->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: bold;"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(280);
    m_found->setObjectName(QStringLiteral("foundLabel"));
    m_found->setMinimumWidth(140);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &DistributorTreePage::search);
    connect(m_search, &QLineEdit::returnPressed, this, &DistributorTreePage::search);

    m_model->setMoveHandler([this](qint64 id, qint64 uplineId) { return move(id, uplineId); });
    m_tree->setObjectName(QStringLiteral("distributorTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // a fixed height keeps 100,000 rows cheap to lay out
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    // Twelve levels deep must still leave room for the names.
    m_tree->setIndentation(14);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(DistributorTreeModel::CodeAndName, QHeaderView::Stretch);
    m_tree->header()->resizeSection(DistributorTreeModel::Status, 70);
    m_tree->header()->resizeSection(DistributorTreeModel::TeamSize, 80);
    m_tree->header()->resizeSection(DistributorTreeModel::Phone, 110);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DistributorTreePage::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DistributorTreePage::showDetails);

    m_name->setObjectName(QStringLiteral("nameLabel"));
    m_name->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: bold;"));
    m_name->setWordWrap(true);
    m_name->setTextFormat(Qt::PlainText);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(false); // short lines: all of them keep their height
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setObjectName(QStringLiteral("figuresLabel"));
    m_figures->setWordWrap(true);
    for (QDateEdit *date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(date, &QDateEdit::dateChanged, this, &DistributorTreePage::showDetails);
    }
    auto *period = new QHBoxLayout;
    period->addWidget(m_from);
    period->addWidget(new QLabel(QStringLiteral("–"), this));
    period->addWidget(m_to);
    period->addStretch();
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("detailTabs"));
    tabs->addTab(smallTable(m_customers, this), QString());
    tabs->addTab(smallTable(m_ledger, this), QString());
    tabs->addTab(smallTable(m_payouts, this), QString());
    auto *panel = new QWidget(this);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(m_name);
    panelLayout->addWidget(m_details);
    panelLayout->addLayout(period);
    panelLayout->addWidget(m_figures);
    panelLayout->addWidget(tabs, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(panel);
    splitter->setSizes({560, 440});

    auto *top = new QHBoxLayout;
    top->addWidget(m_search);
    top->addWidget(m_found);
    top->addStretch();
    auto *actions = new QHBoxLayout;
    const auto addButton = [&](const char *name, QString (*text)(), const QKeySequence &shortcut,
                               void (DistributorTreePage::*slot)(), bool needsSelection) {
        auto *button = new QPushButton(text(), this);
        button->setObjectName(QString::fromLatin1(name));
        connect(button, &QPushButton::clicked, this, slot);
        if (!shortcut.isEmpty()) {
            auto *action = new QAction(this);
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            // Not a button hidden from the signed-in role (MainWindow).
            connect(action, &QAction::triggered, button, [button] {
                if (button->isEnabled() && !button->isHidden())
                    button->click();
            });
            addAction(action);
        }
        actions->addWidget(button);
        m_buttons.append({button, text});
        if (needsSelection)
            m_needSelection.append(button);
    };
    addButton(
        "newButton", [] { return tr("&New distributor"); }, QKeySequence::New,
        &DistributorTreePage::newDistributor, false);
    addButton(
        "editButton", [] { return tr("&Edit…"); }, QKeySequence(Qt::CTRL | Qt::Key_E),
        &DistributorTreePage::editDistributor, true);
    addButton(
        "moveButton", [] { return tr("&Move…"); }, QKeySequence(Qt::CTRL | Qt::Key_M),
        &DistributorTreePage::moveDistributor, true);
    addButton(
        "statusButton", [] { return tr("S&tatus…"); }, QKeySequence(Qt::CTRL | Qt::Key_T),
        &DistributorTreePage::changeStatus, true);
    addButton(
        "statementButton", [] { return tr("&Print statement…"); },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &DistributorTreePage::printStatement, true);
    auto *importButton = new QPushButton(this);
    importButton->setObjectName(QStringLiteral("importButton"));
    connect(importButton, &QPushButton::clicked, this, &DistributorTreePage::importRequested);
    auto *exportButton = new QPushButton(this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    connect(exportButton, &QPushButton::clicked, this, &DistributorTreePage::exportRequested);
    actions->addWidget(importButton);
    actions->addWidget(exportButton);
    m_buttons.append({importButton, [] { return tr("Import CSV…"); }});
    m_buttons.append({exportButton, [] { return tr("Export…"); }});
    actions->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);
    retranslate();
}

void DistributorTreePage::printStatement()
{
    const qint64 id = currentId();
    if (!id || !m_shop.documents)
        return;
    try {
        const std::unique_ptr<QTextDocument> statement = m_shop.documents->statement(
            id, m_from->date(), m_to->date());
        const QString code = m_shop.distributors.codeOf(id);
        PrintPreview::show(
            this, *statement, ShopDocuments::Paper::A4, tr("Statement of %1").arg(code),
            tr("statement-%1-%2-%3")
                .arg(code, Dates::toText(m_from->date()), Dates::toText(m_to->date())));
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Print statement"), error.message());
    }
}

qint64 DistributorTreePage::currentId() const
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->idOf(rows.constFirst());
}

void DistributorTreePage::select(qint64 id)
{
    const QModelIndex index = m_model->reveal(id);
    if (!index.isValid())
        return;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        m_tree->expand(up);
    m_tree->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                | QItemSelectionModel::Rows);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

bool DistributorTreePage::move(qint64 id, qint64 uplineId)
{
    const auto distributor = m_shop.distributorRepository.findById(id);
    if (!distributor)
        return false;
    try {
        m_shop.distributorService.move(distributor->code, m_shop.distributors.codeOf(uplineId));
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Move distributor"), error.message());
        return false;
    }
    // The tree changed shape: read it again and show the distributor where it now is, once the
    // drop (or the dialog) that asked for the move is over.
    QTimer::singleShot(0, this, [this, id] {
        m_model->reload();
        select(id);
    });
    return true;
}

void DistributorTreePage::refresh()
{
    const qint64 selected = currentId();
    m_model->reload();
    if (selected)
        select(selected);
}

void DistributorTreePage::search()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_matches = -1;
        m_found->clear();
        return;
    }
    const QList<Distributor> matches = m_shop.distributorRepository.search(text, 50);
    m_matches = int(matches.size());
    showMatchCount();
    if (matches.isEmpty())
        return;
    // Enter again: the next match.
    int next = 0;
    for (int i = 0; i < matches.size(); ++i) {
        if (matches.at(i).id == currentId())
            next = (i + 1) % int(matches.size());
    }
    select(matches.at(next).id);
}

void DistributorTreePage::showMatchCount()
{
    if (m_matches < 0)
        m_found->clear();
    else if (m_matches == 0)
        m_found->setText(tr("No distributor matches."));
    else
        m_found->setText(tr("%n found", nullptr, m_matches));
}

void DistributorTreePage::showDetails()
{
    const qint64 id = currentId();
    for (QPushButton *button : std::as_const(m_needSelection))
        button->setEnabled(id != 0);
    const auto distributor = id ? m_shop.distributorRepository.findById(id) : std::nullopt;
    if (!distributor) {
        m_name->clear();
        m_details->clear();
        m_figures->setText(tr("Select a distributor to see their team, sales and commissions. Drag "
                              "a distributor onto another to change their upline."));
        m_customers->setFilter(QStringLiteral("distributor"), QStringLiteral("\u0001"));
        m_ledger->setFilter(QStringLiteral("distributor"), QStringLiteral("\u0001"));
        m_payouts->setFilter(QStringLiteral("distributor"), QStringLiteral("\u0001"));
        return;
    }
    const QString upline = m_shop.distributors.codeOf(distributor->uplineId);
    m_name->setText(QStringLiteral("%1 · %2").arg(distributor->code, distributor->name));
    // Rich text: its height follows the fonts really drawn (Chinese falls back to a taller one).
    const QString lines = tr("%1 · depth %2 · team of %3\nUpline: %4\nPhone %5 · WeChat %6\n"
                             "Joined %7")
                              .arg(DistributorStatuses::displayName(distributor->status))
                              .arg(distributor->depth)
                              .arg(m_shop.distributorRepository.teamSize(id))
                              .arg(upline.isEmpty() ? tr("none (a root)") : upline,
                                   distributor->phone.isEmpty() ? tr("none") : distributor->phone,
                                   distributor->wechat.isEmpty() ? tr("none") : distributor->wechat,
                                   Dates::toText(distributor->joined));
    m_details->setText(lines.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    const DistributorFigures figures = m_shop.distributorRepository.figures(
        id, m_from->date(), m_to->date(), Dates::today());
    m_figures->setText(
        tr("Sales in the period: own %1, team %2<br>Commissions: earned %3, reversed %4, "
           "settled %5, pending %6, <b>available %7</b>")
            .arg(figures.directSales.toString(), figures.teamSales.toString(),
                 figures.earned.toString(), figures.reversed.toString(), figures.settled.toString(),
                 figures.pending.toString(), figures.available.toString()));
    m_customers->setFilter(QStringLiteral("distributor"), distributor->code);
    m_ledger->setFilter(QStringLiteral("distributor"), distributor->code);
    m_payouts->setFilter(QStringLiteral("distributor"), distributor->code);
}

void DistributorTreePage::newDistributor()
{
    Distributor draft;
    draft.uplineId = currentId(); // under the selected one, by default
    DistributorEditor editor(m_shop, draft, this);
    if (editor.exec() != QDialog::Accepted)
        return;
    m_model->reload();
    select(editor.distributor().id);
}

void DistributorTreePage::editDistributor()
{
    const auto distributor = m_shop.distributorRepository.findById(currentId());
    if (!distributor)
        return;
    DistributorEditor editor(m_shop, *distributor, this);
    if (editor.exec() == QDialog::Accepted)
        refresh();
}

void DistributorTreePage::moveDistributor()
{
    const auto distributor = m_shop.distributorRepository.findById(currentId());
    if (!distributor)
        return;
    bool ok = false;
    const QString upline = QInputDialog::getText(
        this, tr("Move distributor"),
        tr("New upline's code for %1 (empty: %1 starts a tree of their own). Orders paid from now "
           "on earn along the new tree; the move is recorded in the audit log.")
            .arg(distributor->code),
        QLineEdit::Normal, m_shop.distributors.codeOf(distributor->uplineId), &ok);
    if (!ok)
        return;
    qint64 uplineId = 0;
    if (!upline.trimmed().isEmpty()) {
        const auto found = m_shop.distributors.idOfCode(upline.trimmed());
        if (!found) {
            QMessageBox::warning(
                this, tr("Move distributor"),
                tr("There is no distributor with the code %1.").arg(upline.trimmed()));
            return;
        }
        uplineId = *found;
    }
    move(distributor->id, uplineId);
}

void DistributorTreePage::changeStatus()
{
    const auto distributor = m_shop.distributorRepository.findById(currentId());
    if (!distributor)
        return;
    QStringList names;
    for (const DistributorStatus status : DistributorStatuses::all())
        names.append(DistributorStatuses::displayName(status));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Distributor status"),
        tr("Status of %1 (only active distributors earn commissions):").arg(distributor->code),
        names, int(DistributorStatuses::all().indexOf(distributor->status)), false, &ok);
    if (!ok)
        return;
    try {
        m_shop.distributorService.setStatus(distributor->code,
                                            DistributorStatuses::all().at(names.indexOf(chosen)));
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Distributor status"), error.message());
    }
    refresh();
}

void DistributorTreePage::retranslate()
{
    m_title->setText(tr("Distributors"));
    m_search->setPlaceholderText(
        tr("Search code, name, phone or WeChat ID; Enter for the next match"));
    for (const auto &[button, text] : std::as_const(m_buttons))
        button->setText(text());
    if (auto *tabs = findChild<QTabWidget *>(QStringLiteral("detailTabs"))) {
        tabs->setTabText(0, tr("Customers"));
        tabs->setTabText(1, tr("Ledger"));
        tabs->setTabText(2, tr("Payouts"));
    }
    showMatchCount();
    m_model->retranslate();
    m_customers->retranslate();
    m_ledger->retranslate();
    m_payouts->retranslate();
    showDetails();
}

void DistributorTreePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace MicroShop
