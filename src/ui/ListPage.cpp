#include "ListPage.h"

#include "PagedTableModel.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <QSet>

#include <algorithm>

namespace MicroShop {

namespace {

// A list's table: Select All (Ctrl+A) chooses every row the list counts, so the rows not listed
// yet are listed first (a long list lists its first rows and more as it is scrolled).
class ListView final : public QTableView
{
public:
    using QTableView::QTableView;

    void selectAll() override
    {
        if (auto *paged = qobject_cast<PagedTableModel *>(model()))
            paged->listWhole();
        QTableView::selectAll();
    }
};

} // namespace

ListPage::ListPage(PagedTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_filters(new QHBoxLayout)
    , m_count(new QLabel(this))
    , m_view(new ListView(this))
    , m_detailsLayout(new QVBoxLayout)
    , m_actions(new QHBoxLayout)
{
    model->setParent(this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    m_title->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: bold;"));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_count->setObjectName(QStringLiteral("countLabel"));

    // Search as you type: a short pause after the last key, then one query.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this,
            [this] { m_model->setSearch(m_search->text()); });

    m_view->setObjectName(QStringLiteral("listView"));
    // The headers set before the model comes: a section size set over a million rows is a
    // million sectionResized signals.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(26);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setDefaultSectionSize(92);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateCount();
        showDetails(currentId());
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ListPage::updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateCount();
        showDetails(currentId());
        updateActions();
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_search);
    top->addLayout(m_filters);
    top->addStretch();
    top->addWidget(m_count);

    auto *details = new QWidget(this);
    details->setObjectName(QStringLiteral("detailsPanel"));
    details->setLayout(m_detailsLayout);
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setMinimumWidth(300);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({780, 320});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(m_actions);
    m_actions->addStretch();
    updateCount();
}

void ListPage::setTitle(std::function<QString()> title)
{
    m_titleText = std::move(title);
    m_title->setText(m_titleText());
}

void ListPage::setSearchPlaceholder(std::function<QString()> text)
{
    m_placeholderText = std::move(text);
    m_search->setPlaceholderText(m_placeholderText());
}

void ListPage::addFilter(QWidget *widget)
{
    m_filters->addWidget(widget);
}

QPushButton *ListPage::addActionButton(const QString &objectName, std::function<QString()> text,
                                       const QKeySequence &shortcut, std::function<void()> slot,
                                       bool needsSelection)
{
    auto *button = new QPushButton(text(), this);
    button->setObjectName(objectName);
    m_actions->insertWidget(m_actions->count() - 1, button);
    connect(button, &QPushButton::clicked, this, std::move(slot));
    if (!shortcut.isEmpty()) {
        auto *action = new QAction(this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, button, [button] {
            if (button->isEnabled() && button->isVisible())
                button->click();
        });
        QWidget::addAction(action);
        button->setToolTip(shortcut.toString(QKeySequence::NativeText));
    }
    m_actionButtons.append({button, std::move(text), needsSelection});
    updateActions();
    return button;
}

void ListPage::addImportExportActions()
{
    addActionButton(
        QStringLiteral("importButton"), [] { return tr("Import CSV…"); },
        QKeySequence(Qt::CTRL | Qt::Key_I), [this] { emit importRequested(); }, false);
    addActionButton(
        QStringLiteral("exportButton"), [] { return tr("Export…"); },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { emit exportRequested(); }, false);
}

qint64 ListPage::currentId() const
{
    const QItemSelectionModel *selected = m_view->selectionModel();
    if (!selected->hasSelection())
        return 0;
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && selected->isRowSelected(current.row()))
        return m_model->idAt(current.row());
    const ListSelection chosen = selection();
    return chosen.rows.isEmpty() ? 0 : m_model->idAt(int(chosen.rows.constFirst().first));
}

ListSelection ListPage::selection() const
{
    ListSelection chosen;
    chosen.query = m_model->query();
    QList<std::pair<qint64, qint64>> ranges;
    for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
        ranges.append({range.top(), range.bottom()});
    std::sort(ranges.begin(), ranges.end());
    for (const auto &range : std::as_const(ranges)) {
        if (!chosen.rows.isEmpty() && range.first <= chosen.rows.last().second + 1)
            chosen.rows.last().second = qMax(chosen.rows.last().second, range.second);
        else
            chosen.rows.append(range);
    }
    // Every row listed, when every row counted is listed: Select All lists them all first;
    // a Shift-click to the last row listed of a longer list chooses the rows listed.
    const qint64 rows = m_model->rowCount();
    chosen.allMatching = rows > 0 && m_model->isListedWhole() && chosen.rows.size() == 1
                         && chosen.rows.constFirst().first == 0
                         && chosen.rows.constFirst().second == rows - 1;
    return chosen;
}

qint64 ListPage::selectedCount() const
{
    return selection().rowCount();
}

void ListPage::setMultiSelection(bool on)
{
    m_view->setSelectionMode(on ? QAbstractItemView::ExtendedSelection
                                : QAbstractItemView::SingleSelection);
}

void ListPage::selectId(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

void ListPage::clearSearch()
{
    m_search->clear();
    m_searchDelay->stop();
    m_model->setSearch(QString());
}

void ListPage::refresh()
{
    const qint64 selected = currentId();
    m_model->refresh();
    // The rows near the top are fetched; a record further down is looked for there only.
    for (int row = 0; row < qMin(m_model->rowCount(), PagedTableModel::pageSize); ++row)
        m_model->idAt(row);
    if (selected != 0)
        selectId(selected);
    showDetails(currentId());
    updateActions();
}

void ListPage::followChanges()
{
    const int scrolled = m_view->verticalScrollBar()->value();
    const qint64 current = currentId();
    const ListSelection chosen = selection();
    const bool everyRow = chosen.allMatching && chosen.rowCount() > 1;
    QList<qint64> ids;
    QSet<qint64> pages; // where the chosen rows were: they are looked for there and next to it
    if (!everyRow && chosen.rowCount() <= keptSelection) {
        for (const auto &[first, last] : chosen.rows) {
            for (qint64 row = first; row <= last; ++row) {
                ids.append(m_model->idAt(int(row)));
                pages.insert(row / PagedTableModel::pageSize);
            }
        }
    }

    m_model->refresh();
    QItemSelectionModel *selected = m_view->selectionModel();
    const QSignalBlocker quiet(selected); // one update at the end, not one per row
    if (everyRow) {
        m_view->selectAll();
    } else if (!ids.isEmpty()) {
        const qint64 lastPage = m_model->rowCount() / PagedTableModel::pageSize;
        for (const qint64 page : std::as_const(pages)) {
            for (qint64 near = qMax<qint64>(0, page - 1); near <= qMin(lastPage, page + 1); ++near)
                m_model->idAt(int(near * PagedTableModel::pageSize));
        }
        QItemSelection rows;
        for (const qint64 id : std::as_const(ids)) {
            const int row = m_model->rowOfId(id);
            if (row >= 0)
                rows.select(m_model->index(row, 0),
                            m_model->index(row, m_model->columnCount() - 1));
        }
        selected->select(rows, QItemSelectionModel::ClearAndSelect);
        const int currentRow = current != 0 ? m_model->rowOfId(current) : -1;
        if (currentRow >= 0)
            selected->setCurrentIndex(m_model->index(currentRow, 0), QItemSelectionModel::NoUpdate);
    }
    m_view->viewport()->update();
    m_view->verticalScrollBar()->setValue(scrolled);
    updateCount();
    showDetails(currentId());
    updateActions();
}

void ListPage::updateActions()
{
    // A record's own actions act on one record: with several selected, a page offers its batch.
    const bool selected = selectedCount() == 1 && currentId() != 0;
    for (const Action &action : std::as_const(m_actionButtons)) {
        if (action.needsSelection)
            action.button->setEnabled(selected);
    }
}

void ListPage::updateCount()
{
    const qint64 rows = m_model->count(); // also those past the rows listed so far
    if (m_model->isCapped())
        m_count->setText(tr("More than %L1 found: type more to narrow them").arg(rows));
    else
        m_count->setText(tr("%Ln shown", nullptr, int(rows)));
    const qint64 selected = selectedCount();
    if (selected > 1)
        m_count->setText(
            m_count->text() + QStringLiteral(" · ")
            + (selection().allMatching ? tr("all selected") : tr("%L1 selected").arg(selected)));
}

void ListPage::retranslate()
{
    if (m_titleText)
        m_title->setText(m_titleText());
    if (m_placeholderText)
        m_search->setPlaceholderText(m_placeholderText());
    for (const Action &action : std::as_const(m_actionButtons))
        action.button->setText(action.text());
    m_model->retranslate();
    updateCount();
    showDetails(currentId());
    updateActions();
}

void ListPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace MicroShop
