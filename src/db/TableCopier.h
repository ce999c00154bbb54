#pragma once

#include "Error.h"
#include "Repositories.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace MicroShop {

class Database;

// Copies the rows of every MicroShop table from one database into another of the same schema,
// SQLite or PostgreSQL either side: the one copier of backups, restores and `copy`. Values go
// across as the drivers read them (64-bit integers, text, NULLs, bytes), so nothing is rounded
// or reformatted on the way.
class TableCopier final
{
    Q_DECLARE_TR_FUNCTIONS(TableCopier)

public:
    // Runs work() in one read-only snapshot of source (PostgreSQL: REPEATABLE READ READ ONLY;
    // SQLite: one read transaction), so that what it reads is one consistent state of the shop
    // while others keep writing.
    static void inSnapshot(const QSqlDatabase &source, const std::function<void()> &work);

    // Copies every row of Migrations::tablesInDependencyOrder() from source into target, which
    // must be in a transaction (its foreign keys are deferred here until the commit), then moves
    // PostgreSQL's id sequences past the copied ids. progress(done, total) counts rows; false
    // stops the copy (Cancelled). Returns the rows copied per table, in the order copied.
    static QList<CopiedTable> copyAll(const QSqlDatabase &source, Database &target,
                                      const ProgressCallback &progress = {});

    // The rows of every MicroShop table of database, in the order of their foreign keys.
    static QList<CopiedTable> rowCounts(const QSqlDatabase &database);

    // PostgreSQL: every table's id sequence restarts past its largest id, so that the next row
    // inserted gets a new id after rows were inserted with ids of their own. SQLite needs none.
    static void advanceSequences(Database &database);
};

} // namespace MicroShop
