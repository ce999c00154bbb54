#pragma once

#include "ListSource.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace MicroShop {

class Database;

// A ListSource over one SELECT: columns are SQL expressions, search is a case-insensitive
// substring match on the search expressions, filters add WHERE clauses. The key (first value of
// each row) is also the last sort key, so that rows with equal sort values keep a stable order.
class SqlListSource final : public ListSource
{
public:
    // What a search adds to the statements, with ? placeholders and their values.
    struct SearchCondition
    {
        QString condition; // over `from`
        QVariantList values;
        // Over countFrom, when the condition names the other tables (empty: the condition).
        QString countCondition;
        QVariantList countValues;
        // A statement whose rows are some of those that match ("SELECT 1 FROM ..."), cheaper
        // than the condition: when nothing is filtered and it has as many rows as a search is
        // counted up to, the count stops there (empty: none).
        QString someMatches;
        QVariantList someValues;
    };

    struct Definition
    {
        QString from; // "products p LEFT JOIN ..."
        // The first table alone ("orders o"), counted when nothing is searched or filtered (or
        // always, with conditionsOnFirstTable): the joins of `from` must then be ones that
        // neither add nor drop rows (to-one joins).
        QString countFrom;
        bool conditionsOnFirstTable = false; // every search and filter names the first table only
        QString key;                         // "p.id"
        QStringList columns;                 // one SQL expression per column
        QStringList searchExpressions;       // matched with the search text
        // Instead of searchExpressions: the condition for the text typed, for lists too long to
        // scan on every key.
        std::function<SearchCondition(const QString &text)> search;
        // Adds WHERE clauses (with ? placeholders) and their values for the query's filters.
        std::function<void(const ListQuery &, QStringList &where, QVariantList &values)> filter;
    };

    SqlListSource(Database &database, Definition definition);

    int columnCount() const override { return int(m_definition.columns.size()); }
    using ListSource::count;
    qint64 count(const ListQuery &query, qint64 searchLimit) const override;
    // Rows past the middle are read in the opposite order from the end, then turned round: the
    // database skips fewer rows (the last page of a million is as quick as the first).
    QList<QVariantList> fetch(const ListQuery &query, qint64 offset, int limit,
                              qint64 total) const override;
    void readKeys(const ListQuery &query, qint64 offset, qint64 limit,
                  const std::function<bool(qint64 key)> &key) const override;

    // A LIKE pattern that finds text anywhere, with the user's % and _ taken literally.
    static QString containsPattern(const QString &text);
    // "column starts with text", answered from the column's index: on SQLite (code point order)
    // the range [text, text's successor); on PostgreSQL, whose collation may skip punctuation in
    // a range, LIKE 'text%'.
    static QString startsWith(const QString &column, const QString &text, bool sqlite,
                              QVariantList &values);

private:
    enum class Use { List, Count };
    QString whereClause(const ListQuery &query, QVariantList &values, Use use) const;
    // The search's condition for text: built afresh by count() and kept for the fetches that
    // follow it (a search may look rows up first, once for the count and its pages).
    const SearchCondition &searchCondition(const QString &text, bool afresh) const;

    Database &m_database;
    Definition m_definition;
    mutable QString m_searched; // the text of m_search
    mutable std::optional<SearchCondition> m_search;
};

} // namespace MicroShop
