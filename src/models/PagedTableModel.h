#pragma once

#include "ListSource.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>

namespace MicroShop {

// A table model over a ListSource: knows the row count, fetches rows a page at a time when a
// view shows them (keeping a few pages), and sorts and filters by asking the source again, so
// the database does the work. Subclasses name the columns and format the values.
// It lists the first firstListed rows of a longer list, and ten times as many each time the view
// is scrolled to their end (canFetchMore(), as Qt's own SQL models grow): a view sets up each row
// it lists, which at a million rows is most of the app's start.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int pageSize = 200;
    static constexpr int pagesKept = 16;
    static constexpr qint64 firstListed = 10000;
    // The raw value of a cell (money as minor units, dates as text), for delegates and tests.
    static constexpr int RawValueRole = Qt::UserRole + 1;
    static constexpr int IdRole = Qt::UserRole + 2;

    explicit PagedTableModel(std::unique_ptr<ListSource> source, QObject *parent = nullptr);
    ~PagedTableModel() override;

    const ListQuery &query() const { return m_query; }
    void setQuery(const ListQuery &query);
    void setSearch(const QString &text);
    void setFilter(const QString &name, const QVariant &value); // an invalid value removes it
    void refresh(); // the same query again, after a change

    // A search's rows counted up to a limit that they reached: more match than are listed
    // (canFetchMore() counts further, to ListSource::searchCountLimit).
    bool isCapped() const;
    // The rows that match (a capped search's up to its limit); rowCount() is those listed so far.
    qint64 count() const { return m_count; }
    bool isListedWhole() const; // every row counted is listed
    void listWhole();           // lists every row counted (no further count)

    qint64 idAt(int row) const;
    int rowOfId(qint64 id) const; // among the rows fetched so far; -1 if not there
    QVariant rawValue(int row, int column) const;

    // Headers and translated values follow a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

protected:
    virtual QString columnTitle(int column) const = 0;
    // What a cell shows; the default is the raw value as text.
    virtual QVariant displayValue(const QVariantList &row, int column) const;
    // Other roles (colours, tooltips); alignment comes from isNumeric().
    virtual QVariant roleValue(const QVariantList &row, int column, int role) const;
    virtual bool isNumeric(int column) const;

    static QVariant cell(const QVariantList &row, int column) { return row.value(column + 1); }
    static QString money(const QVariant &minorUnits);

private:
    void reload(const ListQuery &query, bool recount); // the pages dropped, counted if asked
    void listTo(qint64 rows); // the rows listed up to `rows` (of those counted)
    void recount();
    const QVariantList *rowAt(int row) const;

    std::unique_ptr<ListSource> m_source;
    ListQuery m_query;
    qint64 m_count = 0;
    qint64 m_searchLimit = ListSource::firstSearchCount; // what a search is counted up to
    qint64 m_listed = firstListed;                       // the rows listed at most (rowCount())
    mutable QHash<qint64, QList<QVariantList>> m_pages;
    mutable QList<qint64> m_recentPages; // most recent last
};

} // namespace MicroShop
