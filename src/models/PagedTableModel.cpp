#include "PagedTableModel.h"

#include "Error.h"
#include "Money.h"

#include <limits>

namespace MicroShop {

PagedTableModel::PagedTableModel(std::unique_ptr<ListSource> source, QObject *parent)
    : QAbstractTableModel(parent)
    , m_source(std::move(source))
{
    recount();
}

PagedTableModel::~PagedTableModel() = default;

void PagedTableModel::setQuery(const ListQuery &query)
{
    // Another order of the same rows: the count stands.
    const bool otherRows = query.search != m_query.search || query.filters != m_query.filters;
    if (otherRows) {
        m_searchLimit = ListSource::firstSearchCount;
        m_listed = firstListed;
    }
    reload(query, otherRows);
}

void PagedTableModel::reload(const ListQuery &query, bool recount)
{
    beginResetModel();
    m_query = query;
    m_pages.clear();
    m_recentPages.clear();
    if (recount)
        this->recount();
    endResetModel();
}

void PagedTableModel::recount()
{
    try {
        m_count = m_source->count(m_query, m_searchLimit);
    } catch (const Error &) {
        m_count = 0; // the database cannot be read now (a lost server): an empty list
    }
}

bool PagedTableModel::isCapped() const
{
    return !m_query.search.trimmed().isEmpty() && m_count >= m_searchLimit;
}

bool PagedTableModel::isListedWhole() const
{
    return rowCount() >= qMin<qint64>(m_count, std::numeric_limits<int>::max());
}

void PagedTableModel::listWhole()
{
    listTo(m_count);
}

void PagedTableModel::listTo(qint64 rows)
{
    const int shown = rowCount();
    const int last = int(qMin<qint64>(rows, std::numeric_limits<int>::max()) - 1);
    if (last < shown)
        return;
    beginInsertRows({}, shown, last);
    m_listed = rows;
    endInsertRows();
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid())
        return false;
    return !isListedWhole() || (isCapped() && m_searchLimit < ListSource::searchCountLimit);
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!isListedWhole()) { // counted already: listed further
        listTo(qMin(m_listed * 10, m_count));
        return;
    }
    m_searchLimit = qMin(m_searchLimit * 10, ListSource::searchCountLimit);
    const qint64 listed = m_count;
    qint64 counted = listed;
    try {
        counted = m_source->count(m_query, m_searchLimit);
    } catch (const Error &) {
        return; // the rows listed stay; scrolling asks again
    }
    if (counted <= listed) { // fewer than before: rows went meanwhile
        reload(m_query, true);
        return;
    }
    // The pages fetched stand: the rows past them come after, in the same order, all listed.
    beginInsertRows({}, int(listed),
                    int(qMin<qint64>(counted, std::numeric_limits<int>::max()) - 1));
    m_count = counted;
    m_listed = qMax(m_listed, counted);
    endInsertRows();
}

void PagedTableModel::setSearch(const QString &text)
{
    if (m_query.search == text)
        return;
    ListQuery changed = m_query;
    changed.search = text;
    setQuery(changed);
}

void PagedTableModel::setFilter(const QString &name, const QVariant &value)
{
    ListQuery changed = m_query;
    if (value.isValid() && !value.toString().isEmpty())
        changed.filters.insert(name, value);
    else
        changed.filters.remove(name);
    if (changed == m_query)
        return;
    setQuery(changed);
}

void PagedTableModel::refresh()
{
    reload(m_query, true); // rows may have come or gone
}

void PagedTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

const QVariantList *PagedTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const qint64 page = row / pageSize;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        QList<QVariantList> rows;
        try {
            rows = m_source->fetch(m_query, page * pageSize, pageSize, isCapped() ? -1 : m_count);
        } catch (const Error &) {
            // Asked while painting: an exception must not reach the event loop. Empty cells
            // now; the page is asked for again next time (the window reloads once reconnected).
            return nullptr;
        }
        found = m_pages.insert(page, rows);
        if (m_recentPages.size() >= pagesKept)
            m_pages.remove(m_recentPages.takeFirst());
    } else {
        m_recentPages.removeOne(page);
    }
    m_recentPages.append(page);
    const qsizetype offset = row % pageSize;
    if (offset >= found->size())
        return nullptr; // the data changed under us; refresh() will fix the count
    return &found->at(offset);
}

qint64 PagedTableModel::idAt(int row) const
{
    const QVariantList *values = rowAt(row);
    return values ? values->value(0).toLongLong() : 0;
}

int PagedTableModel::rowOfId(qint64 id) const
{
    for (auto page = m_pages.cbegin(); page != m_pages.cend(); ++page) {
        for (qsizetype i = 0; i < page->size(); ++i) {
            if (page->at(i).value(0).toLongLong() == id)
                return int(page.key() * pageSize + i);
        }
    }
    return -1;
}

QVariant PagedTableModel::rawValue(int row, int column) const
{
    const QVariantList *values = rowAt(row);
    return values ? cell(*values, column) : QVariant();
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(qMin<qint64>(qMin(m_count, m_listed), std::numeric_limits<int>::max()));
}

int PagedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source->columnCount();
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList *values = rowAt(index.row());
    if (!values)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*values, index.column());
    case RawValueRole:
        return cell(*values, index.column());
    case IdRole:
        return values->value(0);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isNumeric(index.column()) ? Qt::AlignRight | Qt::AlignVCenter
                                                             : Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return roleValue(*values, index.column(), role);
    }
}

QVariant PagedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < columnCount())
        return columnTitle(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    ListQuery changed = m_query;
    changed.sortColumn = column;
    changed.descending = order == Qt::DescendingOrder;
    if (changed == m_query)
        return;
    // Sorting reorders rows: views keep their selection through layoutChanged only when rows
    // are moved, so a reset is the honest signal here.
    setQuery(changed);
}

QVariant PagedTableModel::displayValue(const QVariantList &row, int column) const
{
    return cell(row, column).toString();
}

QVariant PagedTableModel::roleValue(const QVariantList &, int, int) const
{
    return {};
}

bool PagedTableModel::isNumeric(int) const
{
    return false;
}

QString PagedTableModel::money(const QVariant &minorUnits)
{
    if (minorUnits.isNull())
        return QString();
    return Money::fromMinorUnits(minorUnits.toLongLong()).toString();
}

} // namespace MicroShop
