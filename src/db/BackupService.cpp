#include "BackupService.h"

#include "Database.h"
#include "DatabaseCheck.h"
#include "Migrations.h"
#include "SqlAuditLog.h"
#include "TableCopier.h"

#include "Dates.h"
#include "Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <climits>

namespace MicroShop {

namespace {

const QString dailyPrefix = QStringLiteral("microshop-");
const QString dailySuffix = QStringLiteral(".db");

// A read-only connection to an SQLite file that changes nothing in it, for checking backups.
class ReadOnlySqlite final
{
public:
    explicit ReadOnlySqlite(const QString &file)
        : m_name(QStringLiteral("microshop-readonly-") + QUuid::createUuid().toString())
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        connection.setDatabaseName(file);
        connection.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_open = connection.open();
    }
    ~ReadOnlySqlite()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    ReadOnlySqlite(const ReadOnlySqlite &) = delete;
    ReadOnlySqlite &operator=(const ReadOnlySqlite &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

void replaceFile(const QString &temporary, const QString &file)
{
    QFile::remove(file);
    if (!QFile::rename(temporary, file)) {
        QFile::remove(temporary);
        throw InputError(BackupService::tr("Cannot write the backup to %1. Check that the folder "
                                           "exists and that you may write there.")
                             .arg(QDir::toNativeSeparators(file)));
    }
}

QString sqlStringLiteral(QString text)
{
    return u'\'' + text.replace(u'\'', QStringLiteral("''")) + u'\'';
}

} // namespace

void BackupService::copySqliteTo(Database &database, const QString &file)
{
    const QFileInfo target(file);
    if (!QDir().mkpath(target.absolutePath()))
        throw InputError(tr("Cannot create the folder %1 for the backup.")
                             .arg(QDir::toNativeSeparators(target.absolutePath())));
    const QString temporary = target.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(temporary);
    // VACUUM INTO reads one snapshot, so the copy is consistent while others keep writing.
    database.exec(QStringLiteral("VACUUM INTO ?"), {temporary});
    replaceFile(temporary, target.absoluteFilePath());
}

void BackupService::backup(Database &database, const QString &file)
{
    if (database.isSqlite()) {
        copySqliteTo(database, file);
        return;
    }

    // PostgreSQL: the same rows, read in one repeatable-read snapshot, into a new SQLite file.
    const QFileInfo target(file);
    if (!QDir().mkpath(target.absolutePath()))
        throw InputError(tr("Cannot create the folder %1 for the backup.")
                             .arg(QDir::toNativeSeparators(target.absolutePath())));
    const QString temporary = target.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(temporary);
    try {
        auto copy = Database::open(DatabaseLocation::sqliteFile(temporary),
                                   Database::OpenMode::CreateOrUpgrade);
        if (copy->schemaVersion() != database.schemaVersion())
            throw DatabaseError(DatabaseError::Reason::Failed,
                                tr("The backup would have schema version %1, the database has %2.")
                                    .arg(copy->schemaVersion())
                                    .arg(database.schemaVersion()));
        TableCopier::inSnapshot(database.connection(), [&] {
            copy->inTransaction([&] { TableCopier::copyAll(database.connection(), *copy); });
        });
        copy->exec(QStringLiteral("PRAGMA journal_mode = DELETE")); // one self-contained file
    } catch (...) {
        QFile::remove(temporary);
        QFile::remove(temporary + QStringLiteral("-wal"));
        QFile::remove(temporary + QStringLiteral("-shm"));
        throw;
    }
    replaceFile(temporary, target.absoluteFilePath());
}

int BackupService::verify(const QString &file)
{
    const QString shown = QDir::toNativeSeparators(file);
    auto refuse = [&](const QString &why) -> int {
        throw InputError(tr("%1 is not a MicroShop backup that can be restored: %2 The current "
                            "database was not touched.")
                             .arg(shown, why));
    };
    const QFileInfo info(file);
    if (!info.exists())
        return refuse(tr("there is no such file."));
    if (!info.isFile())
        return refuse(tr("it is not a file."));

    ReadOnlySqlite backup(file);
    QSqlQuery query(backup.connection());
    if (!backup.isOpen() || !query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return refuse(
            tr("it is not an SQLite database (%1).").arg(query.lastError().databaseText()));
    if (query.value(0).toInt() != Migrations::sqliteApplicationId)
        return refuse(tr("it is not a MicroShop database."));

    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return refuse(tr("it cannot be read (%1).").arg(query.lastError().databaseText()));
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok")
            problems.append(line);
    }
    if (!problems.isEmpty())
        return refuse(tr("it is damaged (%1).").arg(problems.mid(0, 3).join(QStringLiteral("; "))));

    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return refuse(tr("it cannot be read (%1).").arg(query.lastError().databaseText()));
    if (query.next())
        return refuse(tr("its rows do not agree with each other (table %1 refers to a missing "
                         "row).")
                          .arg(query.value(0).toString()));

    if (!query.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !query.next())
        return refuse(tr("it has no schema version."));
    const int version = query.value(0).toInt();
    if (version < 1)
        return refuse(tr("it has no schema version."));
    if (version > Migrations::latestVersion())
        return refuse(tr("it was made by a newer MicroShop (schema version %1; this program knows "
                         "up to %2).")
                          .arg(version)
                          .arg(Migrations::latestVersion()));
    return version;
}

void BackupService::restore(Database &database, const QString &file)
{
    const int version = verify(file);

    // An older backup is upgraded in a scratch copy first; the backup file itself stays as it is.
    QTemporaryDir scratch;
    QString source = QFileInfo(file).absoluteFilePath();
    if (version < Migrations::latestVersion()) {
        if (!scratch.isValid())
            throw InputError(tr("Cannot make a temporary folder to upgrade the backup."));
        const QString upgraded = scratch.filePath(QStringLiteral("upgraded.db"));
        if (!QFile::copy(source, upgraded))
            throw InputError(tr("Cannot copy the backup to a temporary folder."));
        Database::open(DatabaseLocation::sqliteFile(upgraded), Database::OpenMode::CreateOrUpgrade);
        source = upgraded;
    }
    const QStringList tables = Migrations::tablesInDependencyOrder();
    const AuditEntry audit{QStringLiteral("database.restore"), QStringLiteral("database"),
                           QString(), tr("restored from %1").arg(QDir::toNativeSeparators(file))};

    if (database.isSqlite()) {
        if (database.inTransaction())
            throw InputError(tr("A restore cannot run inside another change."));
        // ATTACH is not allowed inside a transaction; the copy itself is one transaction.
        database.exec(QStringLiteral("ATTACH DATABASE ? AS backup"), {source});
        try {
            database.inTransaction([&] {
                database.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON"));
                for (auto table = tables.crbegin(); table != tables.crend(); ++table)
                    database.exec(QStringLiteral("DELETE FROM main.") + *table);
                for (const QString &table : tables) {
                    QSqlQuery columns = database.exec(
                        QStringLiteral("SELECT name FROM pragma_table_info(%1, 'backup')")
                            .arg(sqlStringLiteral(table)));
                    QStringList names;
                    while (columns.next())
                        names.append(columns.value(0).toString());
                    const QString list = names.join(u',');
                    database.exec(
                        QStringLiteral("INSERT INTO main.%1 (%2) SELECT %2 FROM backup.%1")
                            .arg(table, list));
                }
                SqlAuditLog(database).append(audit);
            });
        } catch (...) {
            QSqlQuery(database.connection()).exec(QStringLiteral("DETACH DATABASE backup"));
            throw;
        }
        database.exec(QStringLiteral("DETACH DATABASE backup"));
        return;
    }

    ReadOnlySqlite backup(source);
    if (!backup.isOpen())
        throw InputError(tr("Cannot open the backup %1.").arg(QDir::toNativeSeparators(file)));
    database.inTransaction([&] {
        database.exec(QStringLiteral("TRUNCATE ") + tables.join(QStringLiteral(", ")));
        TableCopier::copyAll(backup.connection(), database);
        SqlAuditLog(database).append(audit);
    });
}

namespace {

// What a failed copy undoes so that the target is as it was: an SQLite file made for the copy is
// removed (a file that was empty is left empty), tables made in an empty PostgreSQL database are
// dropped, an empty shop that was there is emptied again.
struct CopyTarget
{
    DatabaseLocation location;
    bool sqliteFileExisted = false;
    bool wasEmptyDatabase = false; // no schema yet: ours to remove again

    void undo(std::unique_ptr<Database> &database) const
    {
        if (!wasEmptyDatabase && database) {
            try {
                const QStringList tables = Migrations::tablesInDependencyOrder();
                database->inTransaction([&] {
                    for (auto table = tables.crbegin(); table != tables.crend(); ++table)
                        database->exec(QStringLiteral("DELETE FROM ") + *table);
                });
            } catch (const Error &) {
                // The server is gone; had the rows been committed, the check would have run.
            }
        }
        if (!location.isSqlite() && wasEmptyDatabase && database) {
            try {
                QStringList tables;
                database->forEachRow(
                    QStringLiteral("SELECT tablename FROM pg_tables "
                                   "WHERE schemaname = current_schema()"),
                    {}, [&](const SqlRow &row) { tables.append(row.value(0).toString()); });
                if (!tables.isEmpty())
                    database->exec(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE")
                                       .arg(tables.join(QStringLiteral(", "))));
                // The migrations' functions (microshop_...) too.
                QStringList functions;
                database->forEachRow(
                    QStringLiteral("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN "
                                   "pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = "
                                   "current_schema() AND p.proname LIKE 'microshop\\_%'"),
                    {}, [&](const SqlRow &row) { functions.append(row.value(0).toString()); });
                if (!functions.isEmpty())
                    database->exec(QStringLiteral("DROP FUNCTION IF EXISTS %1 CASCADE")
                                       .arg(functions.join(QStringLiteral(", "))));
            } catch (const Error &) {
                // The server is gone: the empty schema left there is accepted by another copy.
            }
        }
        database.reset();
        if (location.isSqlite() && wasEmptyDatabase) {
            QFile::remove(location.path() + QStringLiteral("-wal"));
            QFile::remove(location.path() + QStringLiteral("-shm"));
            if (sqliteFileExisted) {
                QFile file(location.path());
                if (file.open(QIODevice::ReadWrite))
                    file.resize(0);
            } else {
                QFile::remove(location.path());
            }
        }
    }
};

} // namespace

QList<CopiedTable> BackupService::copyTo(Database &source, const DatabaseLocation &target,
                                         const ProgressCallback &progress)
{
    const QString where = target.displayName();
    auto refuse = [&](const QString &why) {
        throw InputError(tr("Cannot copy the shop to %1: %2 Copy it into an empty database (a "
                            "new file, or a database just made with createdb). Nothing was "
                            "changed.")
                             .arg(where, why));
    };
    if (source.inTransaction())
        throw InputError(tr("A copy cannot run inside another change."));

    // Is the target empty? Found out without changing anything there.
    CopyTarget undo{target};
    if (target.isSqlite()) {
        const QFileInfo file(target.path());
        if (file.isDir())
            refuse(tr("it is a folder."));
        undo.sqliteFileExisted = file.exists();
    }
    if (!target.isSqlite() || undo.sqliteFileExisted) {
        try {
            auto existing = Database::open(target, Database::OpenMode::ExistingCurrent);
            for (const CopiedTable &table : TableCopier::rowCounts(existing->connection())) {
                if (table.rows > 0)
                    refuse(tr("it is not empty (its table %1 has %n row(s)).", nullptr,
                              int(qMin<qint64>(table.rows, INT_MAX)))
                               .arg(table.table));
            }
        } catch (const DatabaseError &error) {
            switch (error.reason()) {
            case DatabaseError::Reason::Missing: // an empty file or database
                undo.wasEmptyDatabase = true;
                break;
            case DatabaseError::Reason::NotMicroShop:
            case DatabaseError::Reason::Corrupt:
            case DatabaseError::Reason::NewerSchema:
            case DatabaseError::Reason::OlderSchema:
                refuse(tr("it is not empty (%1)").arg(error.message()));
                break;
            default:
                throw; // unreachable: the CLI's exit 3
            }
        }
    } else {
        undo.wasEmptyDatabase = true;
    }

    std::unique_ptr<Database> copy;
    QList<CopiedTable> copied;
    try {
        // Created as the app creates a shop: PostgreSQL's own steps (roles, grants) follow.
        copy = Database::open(target, Database::OpenMode::CreateOrUpgrade);
        if (copy->schemaVersion() != source.schemaVersion())
            throw DatabaseError(DatabaseError::Reason::Failed,
                                tr("The copy would have schema version %1, the shop has %2.")
                                    .arg(copy->schemaVersion())
                                    .arg(source.schemaVersion()));
        TableCopier::inSnapshot(source.connection(), [&] {
            copy->inTransaction(
                [&] { copied = TableCopier::copyAll(source.connection(), *copy, progress); });
        });

        // The copy checked as `microshop-cli check` checks a shop.
        QStringList problems;
        const QList<CopiedTable> counted = TableCopier::rowCounts(copy->connection());
        for (qsizetype i = 0; i < counted.size() && i < copied.size(); ++i) {
            if (counted.at(i).rows != copied.at(i).rows)
                problems.append(tr("the table %1 has %2 rows, %3 were copied")
                                    .arg(counted.at(i).table)
                                    .arg(counted.at(i).rows)
                                    .arg(copied.at(i).rows));
        }
        problems += DatabaseCheck::findings(*copy);
        if (!problems.isEmpty())
            throw InputError(tr("The copy in %1 did not pass the check, so it was removed: %2. "
                                "Run `microshop-cli check` on the shop itself and put it right "
                                "first.")
                                 .arg(where, problems.mid(0, 3).join(QStringLiteral("; "))));
    } catch (...) {
        undo.undo(copy);
        throw;
    }
    return copied;
}

QString BackupService::makeDailyBackup(Database &database, QDate today)
{
    if (!database.isSqlite())
        return QString(); // a team server is backed up by whoever runs it
    const QDir folder(Database::backupFolder(database.location()));
    QString file = folder.filePath(dailyPrefix + Dates::toText(today) + dailySuffix);
    if (QFileInfo::exists(file))
        return QString();
    copySqliteTo(database, file);
    const QStringList backups = dailyBackups(database.location());
    for (qsizetype i = automaticBackupsKept; i < backups.size(); ++i)
        QFile::remove(backups.at(i));
    return file;
}

QStringList BackupService::dailyBackups(const DatabaseLocation &location)
{
    if (!location.isSqlite())
        return {};
    const QDir folder(Database::backupFolder(location));
    QStringList files;
    const QStringList names = folder.entryList({dailyPrefix + QStringLiteral("*") + dailySuffix},
                                               QDir::Files, QDir::Name | QDir::Reversed);
    for (const QString &name : names) {
        const QString date = name.mid(dailyPrefix.size(), 10);
        if (Dates::parseDate(date) && name.size() == dailyPrefix.size() + 10 + dailySuffix.size())
            files.append(folder.filePath(name));
    }
    return files;
}

} // namespace MicroShop
