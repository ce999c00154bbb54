#include "BackupService.h"

#include "Database.h"
#include "Migrations.h"
#include "SqlAuditLog.h"

#include "Dates.h"
#include "Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>

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

QStringList columnsOf(const QSqlRecord &record)
{
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    return columns;
}

// Copies every row of table from source into target, which must be in a transaction.
void copyRows(const QSqlDatabase &source, Database &target, const QString &table)
{
    QSqlQuery read(source);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT * FROM ") + table))
        throw DatabaseError(
            DatabaseError::Reason::Failed,
            BackupService::tr("Cannot read the table %1: %2").arg(table, read.lastError().text()));
    const QStringList columns = columnsOf(read.record());
    QStringList placeholders;
    for (qsizetype i = 0; i < columns.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    QSqlQuery write(target.connection());
    write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(table, columns.join(u','), placeholders.join(u',')));
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            write.bindValue(i, read.value(i));
        if (!write.exec())
            throw DatabaseError(DatabaseError::Reason::Failed,
                                BackupService::tr("Cannot copy a row of the table %1: %2")
                                    .arg(table, write.lastError().text()));
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
        database.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
        try {
            copy->inTransaction([&] {
                copy->exec(QStringLiteral("PRAGMA defer_foreign_keys = ON"));
                for (const QString &table : Migrations::tablesInDependencyOrder())
                    copyRows(database.connection(), *copy, table);
            });
        } catch (...) {
            database.exec(QStringLiteral("ROLLBACK"));
            throw;
        }
        database.exec(QStringLiteral("COMMIT"));
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
        database.exec(QStringLiteral("SET CONSTRAINTS ALL DEFERRED"));
        database.exec(QStringLiteral("TRUNCATE ") + tables.join(QStringLiteral(", ")));
        for (const QString &table : tables)
            copyRows(backup.connection(), database, table);
        for (const QString &table : tables) {
            if (table == u"settings" || table == u"distributor_closure"
                || table == u"commission_basis" || table == u"product_aliases") // no id column
                continue;
            database.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                         "COALESCE(max(id), 0) + 1, false) FROM %1")
                              .arg(table));
        }
        SqlAuditLog(database).append(audit);
    });
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
