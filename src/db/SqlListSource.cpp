#include "SqlListSource.h"

#include "Database.h"

#include <algorithm>

namespace MicroShop {

namespace {

// The text with LIKE's wildcards (and the escape) taken literally.
QString escapedForLike(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return escaped;
}

} // namespace

SqlListSource::SqlListSource(Database &database, Definition definition)
    : m_database(database)
    , m_definition(std::move(definition))
{}

QString SqlListSource::containsPattern(const QString &text)
{
    return u'%' + escapedForLike(text).toLower() + u'%';
}

QString SqlListSource::startsWith(const QString &column, const QString &text, bool sqlite,
                                  QVariantList &values)
{
    if (!sqlite) {
        values.append(QString(escapedForLike(text) + u'%'));
        return QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(column);
    }
    QString after = text;
    after.back() = QChar(after.back().unicode() + 1); // the first text past every "text..."
    values.append(text);
    values.append(after);
    return QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
}

const SqlListSource::SearchCondition &SqlListSource::searchCondition(const QString &text,
                                                                     bool afresh) const
{
    if (afresh || !m_search || m_searched != text) {
        m_search = m_definition.search(text);
        m_searched = text;
    }
    return *m_search;
}

QString SqlListSource::whereClause(const ListQuery &query, QVariantList &values, Use use) const
{
    QStringList where;
    const QString search = query.search.trimmed();
    if (!search.isEmpty() && m_definition.search) {
        const SearchCondition &found = searchCondition(search, use == Use::Count);
        const bool own = use == Use::Count && !found.countCondition.isEmpty();
        where.append(u'(' + (own ? found.countCondition : found.condition) + u')');
        values.append(own ? found.countValues : found.values);
    } else if (!search.isEmpty() && !m_definition.searchExpressions.isEmpty()) {
        QStringList alternatives;
        const QString pattern = containsPattern(search);
        for (const QString &expression : m_definition.searchExpressions) {
            alternatives.append(QStringLiteral("lower(%1) LIKE ? ESCAPE '\\'").arg(expression));
            values.append(pattern);
        }
        where.append(u'(' + alternatives.join(QStringLiteral(" OR ")) + u')');
    }
    if (m_definition.filter)
        m_definition.filter(query, where, values);
    return where.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

qint64 SqlListSource::count(const ListQuery &query, qint64 searchLimit) const
{
    QVariantList values;
    const QString where = whereClause(query, values, Use::Count);
    const QString &from = (where.isEmpty() || m_definition.conditionsOnFirstTable)
                                  && !m_definition.countFrom.isEmpty()
                              ? m_definition.countFrom
                              : m_definition.from;
    const QString search = query.search.trimmed();
    if (search.isEmpty())
        return m_database.scalar(QStringLiteral("SELECT count(*) FROM ") + from + where, values)
            .toLongLong();
    if (m_definition.search && query.filters.isEmpty()) {
        const SearchCondition &found = searchCondition(search, false); // made just above
        if (!found.someMatches.isEmpty()
            && m_database
                       .scalar(QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2) AS part")
                                   .arg(found.someMatches)
                                   .arg(searchLimit),
                               found.someValues)
                       .toLongLong()
                   >= searchLimit)
            return searchLimit;
    }
    return m_database
        .scalar(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1%2 LIMIT %3) AS matches")
                    .arg(from, where)
                    .arg(searchLimit),
                values)
        .toLongLong();
}

QList<QVariantList> SqlListSource::fetch(const ListQuery &query, qint64 offset, int limit,
                                         qint64 total) const
{
    QVariantList values;
    const QString where = whereClause(query, values, Use::List);
    const int sortColumn = qBound(0, query.sortColumn, columnCount() - 1);
    // Both orders are total (the key breaks ties) and exact mirrors, NULLs included. A search
    // counted up to searchCountLimit has more rows past that: its end is not the list's end.
    const bool capped = !query.search.trimmed().isEmpty() && total >= searchCountLimit;
    const bool fromEnd = total > 0 && !capped && offset > total / 2 && offset < total;
    if (fromEnd) {
        const qint64 end = qMin(offset + limit, total);
        limit = int(end - offset);
        offset = total - end;
    }
    const QString direction = query.descending != fromEnd ? QStringLiteral(" DESC")
                                                          : QStringLiteral(" ASC");
    // A search that matches few rows: SQLite finds them through the search's indexes, then
    // sorts them ("+" keeps it from walking the sort column's index past a million rows that do
    // not match). Many matches: walking the sort index finds a page of them soonest.
    const bool fewMatches = m_database.isSqlite() && !query.search.trimmed().isEmpty() && total >= 0
                            && total <= 20000;
    const QString plus = fewMatches ? QStringLiteral("+") : QString();
    const QString sql = QStringLiteral(
                            "SELECT %1, %2 FROM %3%4 ORDER BY %5%6, %7%1%6 LIMIT %8 OFFSET %9")
                            .arg(m_definition.key, m_definition.columns.join(QStringLiteral(", ")),
                                 m_definition.from, where,
                                 plus + m_definition.columns.at(sortColumn), direction, plus)
                            .arg(limit)
                            .arg(offset);
    QSqlQuery rows = m_database.exec(sql, values);
    QList<QVariantList> result;
    result.reserve(limit);
    const int width = columnCount() + 1;
    while (rows.next()) {
        QVariantList row;
        row.reserve(width);
        for (int i = 0; i < width; ++i)
            row.append(rows.value(i));
        result.append(row);
    }
    if (fromEnd)
        std::reverse(result.begin(), result.end());
    return result;
}

void SqlListSource::readKeys(const ListQuery &query, qint64 offset, qint64 limit,
                             const std::function<bool(qint64 key)> &key) const
{
    QVariantList values;
    const QString where = whereClause(query, values, Use::List);
    const int sortColumn = qBound(0, query.sortColumn, columnCount() - 1);
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    // fetch()'s order exactly: the sort column, then the key.
    QString sql = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4%5, %1%5")
                      .arg(m_definition.key, m_definition.from, where,
                           m_definition.columns.at(sortColumn), direction);
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    else if (offset > 0)
        sql += m_database.isSqlite() ? QStringLiteral(" LIMIT -1") : QStringLiteral(" LIMIT ALL");
    if (offset > 0)
        sql += QStringLiteral(" OFFSET %1").arg(offset);
    QSqlQuery rows = m_database.exec(sql, values);
    while (rows.next()) {
        if (!key(rows.value(0).toLongLong()))
            return;
    }
}

} // namespace MicroShop
