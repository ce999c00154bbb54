#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

#include <functional>

namespace MicroShop {

// What a list page asks for: the text typed in its search box, its filters, and its sort.
struct ListQuery
{
    QString search;
    QMap<QString, QVariant> filters; // names each ListSource documents
    int sortColumn = 0;
    bool descending = false;

    bool operator==(const ListQuery &) const = default;
};

// Rows of one list (products, customers, orders...) counted, filtered, sorted and paged by the
// database, so that a list of a million rows never loads more than the rows on screen.
// A row is its key (the record's id) followed by one value per column.
class ListSource
{
public:
    // A search counts its matches up to firstSearchCount, and ten times as many each time the
    // list is scrolled to the end of those, up to searchCountLimit: a key that matches most of
    // a million rows answers at once, and the page says "more than" (type on to narrow it).
    static constexpr qint64 firstSearchCount = 1000;
    static constexpr qint64 searchCountLimit = 100000;

    virtual ~ListSource() = default;
    virtual int columnCount() const = 0;
    // The rows that match; a search's up to searchLimit.
    virtual qint64 count(const ListQuery &query, qint64 searchLimit) const = 0;
    qint64 count(const ListQuery &query) const { return count(query, searchCountLimit); }
    // Rows offset .. offset + limit - 1; total: the count just taken when it is the whole count
    // (-1: unknown, or a search's count that stopped at its limit), which lets a source reach
    // rows near the end from the end.
    virtual QList<QVariantList> fetch(const ListQuery &query, qint64 offset, int limit,
                                      qint64 total) const = 0;
    // The keys of rows offset .. offset + limit - 1 (limit -1: to the end), in the list's order,
    // each to key(), which returns false to stop: a selection of a million rows is read in one
    // pass without its columns.
    virtual void readKeys(const ListQuery &query, qint64 offset, qint64 limit,
                          const std::function<bool(qint64 key)> &key) const = 0;
};

} // namespace MicroShop
