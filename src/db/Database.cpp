#include "Database.h"

#include "BackupService.h"
#include "Migrations.h"
#include "SqlDialect.h"
#include "TeamRoles.h"

#include "Dates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

#include <sqlite3.h>

namespace MicroShop {

struct Database::SqliteStatement
{
    sqlite3_stmt *handle = nullptr;
    bool inUse = false; // its rows are being read
};

struct Database::Sqlite
{
    sqlite3 *handle = nullptr; // Qt's connection's
    std::unordered_map<QString, SqliteStatement> statements;
};

} // namespace MicroShop

namespace MicroShop {

namespace {

// The statements a database refused, for developers: QT_LOGGING_RULES="microshop.sql.info=true".
Q_LOGGING_CATEGORY(refusedSql, "microshop.sql", QtWarningMsg)

constexpr int busyTimeoutMilliseconds = 5000;
constexpr int postgresConnectTimeoutSeconds = 5;
// Serialises schema upgrades when several desktops open one team database at once.
constexpr qint64 postgresMigrationLockKey = 0x4D5348502D4D4947; // "MSHP-MIG"

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("microshop-%1").arg(++counter);
}

QString systemUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

} // namespace

std::unique_ptr<Database> Database::open(const DatabaseLocation &location, OpenMode mode)
{
    return open(location, mode, Migrations::all());
}

std::unique_ptr<Database> Database::open(const DatabaseLocation &location, OpenMode mode,
                                         const QList<Migration> &migrations)
{
    const QString where = location.displayName();
    bool createdFile = false;
    if (location.isSqlite()) {
        const QFileInfo file(location.path());
        if (file.isDir())
            throw DatabaseError(DatabaseError::Reason::NotMicroShop,
                                tr("%1 is a folder, not a MicroShop database file.").arg(where));
        if (!file.exists()) {
            if (mode == OpenMode::ExistingCurrent)
                throw DatabaseError(DatabaseError::Reason::Missing,
                                    tr("There is no MicroShop database at %1. Check the path, or "
                                       "create the database with `microshop-cli init`.")
                                        .arg(where));
            if (!QDir().mkpath(file.absolutePath()))
                throw DatabaseError(DatabaseError::Reason::Unreachable,
                                    tr("Cannot create the folder %1 for the database. Check that "
                                       "you may write there.")
                                        .arg(QDir::toNativeSeparators(file.absolutePath())));
            createdFile = true;
        }
    }

    std::unique_ptr<Database> database(new Database(location));
    try {
        database->connect();
        const int version = database->detectSchemaVersion();
        const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
        if (version > latest)
            throw DatabaseError(DatabaseError::Reason::NewerSchema,
                                tr("%1 was written by a newer MicroShop (schema version %2; this "
                                   "program knows versions up to %3). Install the newer MicroShop "
                                   "to open it. Nothing was changed.")
                                    .arg(where)
                                    .arg(version)
                                    .arg(latest));
        if (version < latest && mode == OpenMode::ExistingCurrent) {
            if (version == 0)
                throw DatabaseError(DatabaseError::Reason::Missing,
                                    tr("%1 holds no MicroShop data yet. Create the database with "
                                       "`microshop-cli init`.")
                                        .arg(where));
            throw DatabaseError(DatabaseError::Reason::OlderSchema,
                                tr("%1 has schema version %2 and this program needs %3. Upgrade it "
                                   "with `microshop-cli init` (an SQLite file is backed up first).")
                                    .arg(where)
                                    .arg(version)
                                    .arg(latest));
        }
        if (database->isSqlite())
            database->configureSqlite();
        database->m_schemaVersion = version;
        if (version < latest) {
            if (version > 0 && database->isSqlite())
                database->backupBeforeUpgrade(version, latest);
            database->migrate(migrations, latest);
        }
    } catch (...) {
        database.reset();
        if (createdFile) {
            // We made the file only to create a database in it; leave nothing behind.
            QFile::remove(location.path());
            QFile::remove(location.path() + QStringLiteral("-wal"));
            QFile::remove(location.path() + QStringLiteral("-shm"));
        }
        throw;
    }
    return database;
}

Database::Database(const DatabaseLocation &location)
    : m_location(location)
    , m_connectionName(newConnectionName())
    , m_actor(systemUserName())
{}

Database::~Database()
{
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        if (connection.isOpen() && m_transactionDepth > 0) {
            QSqlQuery(connection).exec(QStringLiteral("ROLLBACK"));
        }
        m_kept.clear(); // after the rollback (PostgreSQL deallocates nothing in a failed one)
        finalizeSqliteStatements();
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::backupFolder(const DatabaseLocation &location)
{
    const QFileInfo file(location.path());
    return file.dir().filePath(file.completeBaseName() + QStringLiteral("-backups"));
}

void Database::connect()
{
    const QString where = m_location.displayName();
    if (m_location.isSqlite()) {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                            m_connectionName);
        connection.setDatabaseName(m_location.path());
        connection.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMilliseconds));
        if (!connection.open())
            throw DatabaseError(DatabaseError::Reason::Unreachable,
                                tr("Cannot open %1: %2").arg(where, connection.lastError().text()));
        const QVariant handle = connection.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_sqlite = std::make_unique<Sqlite>(
                Sqlite{*static_cast<sqlite3 *const *>(handle.constData()), {}});
        return;
    }

    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        throw DatabaseError(DatabaseError::Reason::Unreachable,
                            tr("This installation has no PostgreSQL driver (Qt's QPSQL plugin). "
                               "Install it (on Debian: libqt6sql6-psql) to use a team server."));
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    connection.setHostName(m_location.host());
    connection.setPort(m_location.port());
    connection.setUserName(m_location.user());
    connection.setPassword(m_location.password());
    connection.setDatabaseName(m_location.databaseName());
    // Keepalives and a TCP user timeout so that a network gone quiet fails a statement within
    // about ten seconds instead of the system's many minutes (the window then reconnects).
    connection.setConnectOptions(
        QStringLiteral("connect_timeout=%1;application_name=MicroShop;keepalives=1;"
                       "keepalives_idle=10;keepalives_interval=3;keepalives_count=3;"
                       "tcp_user_timeout=10000")
            .arg(postgresConnectTimeoutSeconds));
    if (!connection.open())
        throw DatabaseError(DatabaseError::Reason::Unreachable,
                            tr("Cannot connect to the PostgreSQL database %1: %2 Check the "
                               "address, the user name and password, and that the server runs.")
                                .arg(where, connection.lastError().databaseText().trimmed()));
    // On a server the audit log names the login, as the server itself does (team.md).
    QSqlQuery who(connection);
    if (who.exec(QStringLiteral("SELECT session_user")) && who.next())
        m_actor = who.value(0).toString();
}

int Database::detectSchemaVersion()
{
    const QString where = m_location.displayName();
    QSqlQuery query(connection());
    auto fail = [&](DatabaseError::Reason reason, const QString &why) -> int {
        throw DatabaseError(reason, why);
    };

    if (isSqlite()) {
        if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next()) {
            const QString text = query.lastError().databaseText();
            const bool corrupt = text.contains(QStringLiteral("malformed"));
            return fail(corrupt ? DatabaseError::Reason::Corrupt
                                : DatabaseError::Reason::NotMicroShop,
                        tr("%1 is not a MicroShop database (SQLite says: %2). Check the path. "
                           "Nothing was changed.")
                            .arg(where, text));
        }
        const int applicationId = query.value(0).toInt();
        if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
            return fail(DatabaseError::Reason::Corrupt,
                        tr("%1 cannot be read (SQLite says: %2). It may be damaged: restore a "
                           "backup.")
                            .arg(where, query.lastError().databaseText()));
        const int objects = query.value(0).toInt();
        if (objects == 0
            && (applicationId == 0 || applicationId == Migrations::sqliteApplicationId))
            return 0;
        if (applicationId != Migrations::sqliteApplicationId)
            return fail(DatabaseError::Reason::NotMicroShop,
                        tr("%1 is an SQLite database of another program, not a MicroShop "
                           "database. Choose a MicroShop file, or a new path to create one. "
                           "Nothing was changed.")
                            .arg(where));
    } else {
        if (!query.exec(QStringLiteral(
                "SELECT count(*), count(*) FILTER (WHERE table_name = 'schema_version') "
                "FROM information_schema.tables WHERE table_schema = current_schema()"))
            || !query.next())
            return fail(DatabaseError::Reason::Unreachable,
                        tr("Cannot read %1: %2").arg(where, query.lastError().databaseText()));
        const int tables = query.value(0).toInt();
        const bool hasVersionTable = query.value(1).toInt() > 0;
        if (tables == 0)
            return 0;
        if (!hasVersionTable)
            return fail(DatabaseError::Reason::NotMicroShop,
                        tr("The PostgreSQL database %1 holds tables of another program, not "
                           "MicroShop's. Give MicroShop an empty database of its own. Nothing was "
                           "changed.")
                            .arg(where));
    }

    if (!query.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !query.next())
        return fail(DatabaseError::Reason::Corrupt,
                    tr("%1 has no readable schema version (%2). It may be damaged: restore a "
                       "backup.")
                        .arg(where, query.lastError().databaseText()));
    return query.value(0).toInt();
}

void Database::configureSqlite()
{
    // foreign_keys is off by default and per connection; synchronous FULL so that a committed
    // sale survives a power cut; WAL so that readers (lists, backups) never block the writer.
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(QStringLiteral("PRAGMA synchronous = FULL"));
    exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMilliseconds));
    if (scalar(QStringLiteral("PRAGMA foreign_keys")).toInt() != 1)
        throw DatabaseError(DatabaseError::Reason::Failed,
                            tr("This SQLite library cannot enforce foreign keys; MicroShop needs "
                               "it to keep the data consistent."));
}

void Database::migrate(const QList<Migration> &migrations, int target)
{
    const SqlDialect dialect(m_location.backend());
    for (const Migration &migration : migrations) {
        if (migration.version <= m_schemaVersion || migration.version > target)
            continue;
        inTransaction([&] {
            if (!isSqlite()) {
                exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {postgresMigrationLockKey});
                // Another desktop may have upgraded while we waited for the lock.
                const bool hasTable = scalar(QStringLiteral(
                                                 "SELECT count(*) FROM information_schema.tables "
                                                 "WHERE table_schema = current_schema() "
                                                 "AND table_name = 'schema_version'"))
                                          .toInt()
                                      > 0;
                if (hasTable
                    && scalar(
                           QStringLiteral("SELECT count(*) FROM schema_version WHERE version = ?"),
                           {migration.version})
                               .toInt()
                           > 0)
                    return;
            }
            if (m_schemaVersion == 0 && migration.version == migrations.constFirst().version) {
                exec(QStringLiteral("CREATE TABLE schema_version ("
                                    "version INTEGER PRIMARY KEY, "
                                    "description TEXT NOT NULL, "
                                    "applied_at TEXT NOT NULL)"));
                if (isSqlite())
                    exec(QStringLiteral("PRAGMA application_id = %1")
                             .arg(Migrations::sqliteApplicationId));
            }
            for (const QString &statement : migration.statements) {
                const QString translated = dialect.translate(statement);
                if (!translated.isEmpty()) // a statement of the other backend's
                    exec(translated);
            }
            // Once a shop has its team roles, every step ends with their grants made again, so
            // that a table or column a step adds is given to the roles too (decisions.md).
            if (!isSqlite()
                && scalar(QStringLiteral("SELECT count(*) FROM pg_roles "
                                         "WHERE rolname = current_database() || '_owner'"))
                           .toInt()
                       > 0)
                exec(TeamRoles::grantStatement());
            exec(QStringLiteral("INSERT INTO schema_version (version, description, applied_at) "
                                "VALUES (?, ?, ?)"),
                 {migration.version, migration.description, Dates::toText(Dates::now())});
        });
        m_schemaVersion = migration.version;
    }
}

void Database::backupBeforeUpgrade(int from, int to)
{
    const QString folder = backupFolder(m_location);
    const QString file = QDir(folder).filePath(
        QStringLiteral("before-upgrade-v%1-to-v%2-%3.db")
            .arg(from)
            .arg(to)
            .arg(Dates::now().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    BackupService::copySqliteTo(*this, file);
}

QSqlQuery Database::exec(const QString &sql, const QVariantList &values)
{
    throwIfOffline();
    sendHeldRowsNamedIn(sql);
    if (m_statementObserver)
        m_statementObserver(sql, values);
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant &value : values)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok) {
        throwIfConnectionLost(query.lastError());
        refuse(query.lastError(), sql);
    }
    return query;
}

bool Database::isConnectionFailure(const QSqlError &error)
{
    // SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down or not
    // accepting); libpq's own failures (the server gone mid-statement) carry no SQLSTATE.
    const QString code = error.nativeErrorCode();
    if (code.startsWith(QStringLiteral("08")) || code == u"57P01" || code == u"57P02"
        || code == u"57P03")
        return true;
    if (error.type() == QSqlError::ConnectionError)
        return true;
    const QString text = error.databaseText() + error.driverText();
    return code.isEmpty()
           && (text.contains(QStringLiteral("server closed the connection"))
               || text.contains(QStringLiteral("no connection to the server"))
               || text.contains(QStringLiteral("connection to server"))
               || text.contains(QStringLiteral("could not send data"))
               || text.contains(QStringLiteral("could not receive data")));
}

void Database::throwIfOffline() const
{
    if (m_offline)
        throw DatabaseError(DatabaseError::Reason::Unreachable,
                            tr("The server of %1 cannot be reached; MicroShop is reconnecting. "
                               "Nothing was saved: try again once it is back.")
                                .arg(m_location.displayName()));
}

void Database::throwIfConnectionLost(const QSqlError &error)
{
    // The driver closes itself when the server ends the session (an error without text).
    if (isSqlite() || (!isConnectionFailure(error) && connection().isOpen()))
        return;
    qCInfo(refusedSql) << "connection lost:" << error.text();
    if (m_connectionLost)
        m_connectionLost();
    throw DatabaseError(DatabaseError::Reason::Unreachable,
                        tr("The connection to the server of %1 was lost; MicroShop is "
                           "reconnecting. Nothing was saved: try again once it is back.")
                            .arg(m_location.displayName()));
}

bool Database::ping()
{
    if (m_offline)
        return false;
    QSqlQuery query(connection());
    return query.exec(QStringLiteral("SELECT 1")) && query.next();
}

void Database::goOffline()
{
    m_held.clear(); // the server rolled back what they belonged to
    m_heldAdditions.clear();
    m_heldIds.clear();
    m_idTables.clear();
    m_heldTablesNamed.bySql.clear();
    finalizeSqliteStatements();
    m_kept.clear(); // their server-side statements went with the session
    m_transactionDepth = 0;
    connection().close();
    m_offline = true;
}

bool Database::reconnect(QString *why)
{
    if (!m_offline)
        goOffline();
    QSqlDatabase database = connection();
    if (!database.open()) {
        if (why)
            *why = database.lastError().databaseText().trimmed();
        return false;
    }
    m_offline = false;
    if (isSqlite())
        configureSqlite();
    return true;
}

void Database::refuse(const QSqlError &error, const QString &sql) const
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    qCInfo(refusedSql) << "refused:" << text << "in:" << sql.simplified();
    // A person reads a sentence, not SQL: what happened and what to do, with the database's own
    // words in brackets. The code says which: SQLite's result code (13 full, 10 I/O error, 8
    // read-only) or PostgreSQL's SQLSTATE (class 53: out of disk, memory or connections).
    const QString code = error.nativeErrorCode();
    // PostgreSQL could not put this transaction after another one that touched the same rows.
    if (code == u"40001" || code == u"40P01")
        throw ConflictError(tr("Someone else changed the same records at the same moment (%1). "
                               "Nothing was changed; try again.")
                                .arg(text));
    if (code == u"42501")
        throw PermissionError(tr("The server refused this to %1 (%2): the role of this sign-in "
                                 "may not do it. Ask the shop's owner; nothing was changed.")
                                  .arg(m_location.isSqlite() ? m_actor : m_location.user(), text));
    if (text.contains(QStringLiteral("locked")) || text.contains(QStringLiteral("busy")))
        throw DatabaseError(DatabaseError::Reason::Unreachable,
                            tr("The database %1 stayed busy (another program is writing to it). "
                               "Try again in a moment. (%2)")
                                .arg(m_location.displayName(), text));
    const bool full = code == u"13" || code == u"10" || code.startsWith(QStringLiteral("53"))
                      || text.contains(QStringLiteral("disk is full"))
                      || text.contains(QStringLiteral("disk I/O error"))
                      || text.contains(QStringLiteral("No space left"));
    if (full)
        throw DatabaseError(DatabaseError::Reason::Failed,
                            tr("The database %1 could not be written: its disk is full or "
                               "failing (%2). Free some space on it and try again; nothing was "
                               "changed.")
                                .arg(m_location.displayName(), text));
    if (code == u"8" || text.contains(QStringLiteral("readonly")))
        throw DatabaseError(DatabaseError::Reason::Failed,
                            tr("The database %1 may not be written from here (%2). Check that "
                               "you may write to it; nothing was changed.")
                                .arg(m_location.displayName(), text));
    throw DatabaseError(DatabaseError::Reason::Failed,
                        tr("The database %1 refused a change (%2); nothing was changed. If it "
                           "happens again, run `microshop-cli check`.")
                            .arg(m_location.displayName(), text));
}

bool Database::seesCosts()
{
    if (isSqlite())
        return true;
    if (!m_seesCosts)
        m_seesCosts = scalar(QStringLiteral(
                                 "SELECT has_column_privilege('products', 'cost', 'SELECT')"))
                          .toBool();
    return *m_seesCosts;
}

Database::Kept &Database::kept(const QString &sql)
{
    auto found = m_kept.find(sql);
    if (found != m_kept.end())
        return *found->second;
    throwIfOffline();
    if (m_kept.size() >= keptLimit)
        std::erase_if(m_kept, [](const auto &entry) { return !entry.second->inUse; });
    auto statement = std::make_unique<Kept>(Kept{QSqlQuery(connection()), false});
    // PostgreSQL hands a forward-only result over row by row, and a statement sent meanwhile (a
    // forEachRow() inside another) drops the rows not read yet: there, results come whole.
    statement->query.setForwardOnly(isSqlite());
    if (!statement->query.prepare(sql)) {
        throwIfConnectionLost(statement->query.lastError());
        refuse(statement->query.lastError(), sql);
    }
    return *m_kept.emplace(sql, std::move(statement)).first->second;
}

Database::Kept *Database::reusable(const QString &sql, const QVariantList &values)
{
    if (values.isEmpty())
        return nullptr;
    Kept &statement = kept(sql);
    return statement.inUse ? nullptr : &statement;
}

QSqlQuery &Database::execKept(Kept &kept, const QString &sql, const QVariantList &values)
{
    if (m_statementObserver)
        m_statementObserver(sql, values);
    for (int i = 0; i < int(values.size()); ++i)
        kept.query.bindValue(i, values.at(i));
    if (!kept.query.exec()) {
        const QSqlError error = kept.query.lastError();
        kept.query.finish(); // still prepared, for the next call
        throwIfConnectionLost(error);
        refuse(error, sql);
    }
    return kept.query;
}

QVariant Database::scalar(const QString &sql, const QVariantList &values)
{
    sendHeldRowsNamedIn(sql);
    if (QVariant first; runOnSqlite(sql, values, &first))
        return first;
    Kept *statement = reusable(sql, values);
    if (!statement) {
        QSqlQuery query = exec(sql, values);
        return query.next() ? query.value(0) : QVariant();
    }
    QSqlQuery &query = execKept(*statement, sql, values);
    QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

void Database::run(const QString &sql, const QVariantList &values)
{
    sendHeldRowsNamedIn(sql);
    if (runOnSqlite(sql, values, nullptr))
        return;
    if (Kept *statement = reusable(sql, values))
        execKept(*statement, sql, values).finish();
    else
        exec(sql, values);
}

qint64 Database::insertReturningId(const QString &sql, const QVariantList &values)
{
    if (m_sqlite) {
        sendHeldRowsNamedIn(sql);
        if (runOnSqlite(sql, values, nullptr))
            return sqlite3_last_insert_rowid(m_sqlite->handle);
    }
    return scalar(sql + QStringLiteral(" RETURNING id"), values).toLongLong();
}

void Database::forEachRow(const QString &sql, const QVariantList &values,
                          const std::function<void(const SqlRow &)> &row)
{
    sendHeldRowsNamedIn(sql);
    if (forEachRowOnSqlite(sql, values, row))
        return;
    Kept *statement = reusable(sql, values);
    if (!statement) {
        QSqlQuery query = exec(sql, values);
        while (query.next())
            row(query);
        if (query.lastError().isValid())
            refuse(query.lastError(), sql);
        return;
    }
    QSqlQuery &query = execKept(*statement, sql, values);
    statement->inUse = true;
    const auto release = qScopeGuard([statement] {
        statement->query.finish();
        statement->inUse = false;
    });
    while (query.next())
        row(query);
    if (query.lastError().isValid()) // rows lost on the way
        refuse(query.lastError(), sql);
}

void Database::inBulkTransaction(const std::function<void()> &work)
{
    if (m_bulkDepth > 0) { // one bulk transaction: the outer one
        inTransaction(work);
        return;
    }
    // Its own transaction, or a savepoint in the caller's.
    inTransaction([&] {
        // SQLite: a larger page cache for the length of the work, so that the pages of its
        // tables and indexes are written once at the commit, not spilled again and again.
        QVariant cacheBefore;
        if (isSqlite()) {
            cacheBefore = scalar(QStringLiteral("PRAGMA cache_size"));
            exec(QStringLiteral("PRAGMA cache_size = %1").arg(-bulkCacheKibibytes));
        }
        m_bulkDepth = 1;
        ++m_bulkGeneration;
        m_bulkFailure = nullptr;
        const auto end = qScopeGuard([this, cacheBefore] {
            m_bulkDepth = 0;
            m_held.clear(); // sent by now, or rolled back
            m_heldAdditions.clear();
            m_heldIds.clear();
            m_idTables.clear();
            m_bulkFailure = nullptr;
            if (cacheBefore.isValid())
                QSqlQuery(connection())
                    .exec(QStringLiteral("PRAGMA cache_size = %1").arg(cacheBefore.toLongLong()));
        });
        work();
        if (m_bulkFailure) // a step failed, and was caught: nothing of the work is kept
            std::rethrow_exception(m_bulkFailure);
        sendAllHeldRows();
    });
}

QString Database::insertStatement(const QString &table, const QString &columns, int columnCount,
                                  int rows)
{
    const QStringList marks(columnCount, QStringLiteral("?"));
    const QString row = u'(' + marks.join(QStringLiteral(", ")) + u')';
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
        .arg(table, columns, QStringList(rows, row).join(QStringLiteral(", ")));
}

void Database::insertRow(const QString &table, const QString &columns, const QVariantList &values)
{
    if (m_bulkDepth == 0) {
        run(insertStatement(table, columns, int(values.size()), 1), values);
        return;
    }
    auto held = std::find_if(m_held.begin(), m_held.end(), [&](const HeldRows &each) {
        return each.table == table && each.columns == columns;
    });
    if (held == m_held.end()) {
        m_held.push_back({table, columns, int(values.size()), {}});
        held = std::prev(m_held.end());
    }
    Q_ASSERT(values.size() == held->columnCount);
    held->values.append(values);
    if (held->values.size() >= qsizetype(heldRowsPerStatement) * held->columnCount)
        sendHeldRows(*held, false);
}

void Database::sendHeldRows(HeldRows &held, bool all)
{
    // Rows may name rows held with ids from heldId(): those go in first, all of them.
    const qsizetype rank = m_idTables.indexOf(held.table);
    for (HeldRows &named : m_held) {
        const qsizetype namedRank = m_idTables.indexOf(named.table);
        if (&named != &held && !named.values.isEmpty() && namedRank >= 0
            && (rank < 0 || namedRank < rank))
            sendHeldRows(named, true);
    }
    const auto statement = [&held](int rows) {
        return insertStatement(held.table, held.columns, held.columnCount, rows);
    };
    const qsizetype perStatement = qsizetype(heldRowsPerStatement) * held.columnCount;
    qsizetype sent = 0;
    // The values move out first: the statements below name the table, and must not send them
    // again.
    const QVariantList values = std::exchange(held.values, {});
    while (values.size() - sent >= perStatement) {
        run(statement(heldRowsPerStatement), values.mid(sent, perStatement));
        sent += perStatement;
    }
    // The rest in statements of 32, 16, ... 1 rows: a few texts, each prepared once.
    for (int rows = heldRowsPerStatement / 2; all && rows >= 1; rows /= 2) {
        const qsizetype length = qsizetype(rows) * held.columnCount;
        if (values.size() - sent >= length) {
            run(statement(rows), values.mid(sent, length));
            sent += length;
        }
    }
    held.values = values.mid(sent);
}

void Database::addToColumn(const QString &table, const QString &column, qint64 id, qint64 amount)
{
    if (m_bulkDepth == 0 || !isSqlite()) {
        run(additionStatement(table, column), {qlonglong(amount), qlonglong(id)});
        return;
    }
    auto held = std::find_if(
        m_heldAdditions.begin(), m_heldAdditions.end(),
        [&](const HeldAdditions &each) { return each.table == table && each.column == column; });
    if (held == m_heldAdditions.end()) {
        m_heldAdditions.push_back({table, column, {}});
        held = std::prev(m_heldAdditions.end());
    }
    held->amounts[id] += amount;
}

qint64 Database::heldAddition(const QString &table, const QString &column, qint64 id) const
{
    for (const HeldAdditions &held : m_heldAdditions) {
        if (held.table == table && held.column == column) {
            const auto amount = held.amounts.find(id);
            return amount == held.amounts.end() ? 0 : amount->second;
        }
    }
    return 0;
}

void Database::sendHeldAdditions(HeldAdditions &held)
{
    // Moved out first: the statements name the table.
    const std::map<qint64, qint64> amounts = std::exchange(held.amounts, {});
    const QString sql = additionStatement(held.table, held.column);
    for (const auto &[id, amount] : amounts) {
        if (amount != 0)
            run(sql, {qlonglong(amount), qlonglong(id)});
    }
}

QString Database::additionStatement(const QString &table, const QString &column)
{
    return QStringLiteral("UPDATE %1 SET %2 = %2 + ? WHERE id = ?").arg(table, column);
}

qint64 &Database::lastHeldId(const QString &table)
{
    auto last = m_heldIds.find(table);
    if (last == m_heldIds.end()) {
        // The write lock is held (BEGIN IMMEDIATE): no other connection adds rows meanwhile.
        last = m_heldIds.insert(
            table,
            scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM %1").arg(table)).toLongLong());
        m_idTables.append(table);
    }
    return *last;
}

qint64 Database::heldId(const QString &table, const QString &after)
{
    if (m_bulkDepth == 0 || !isSqlite())
        return 0;
    if (!after.isEmpty())
        lastHeldId(after); // its place first
    return ++lastHeldId(table);
}

void Database::forEachHeldRow(const QString &table, const std::function<void(QVariant *row)> &each)
{
    for (HeldRows &held : m_held) {
        if (held.table != table)
            continue;
        for (qsizetype at = 0; at < held.values.size(); at += held.columnCount)
            each(held.values.data() + at);
    }
}

QVariant Database::scalarOfSent(const QString &sql, const QVariantList &values)
{
    const auto sendAgain = sendingNothingHeld();
    return scalar(sql, values);
}

void Database::forEachRowOfSent(const QString &sql, const QVariantList &values,
                                const std::function<void(const SqlRow &row)> &row)
{
    const auto sendAgain = sendingNothingHeld();
    forEachRow(sql, values, row);
}

void Database::sendHeldRowsNamedIn(const QString &sql)
{
    if ((m_held.empty() && m_heldAdditions.empty()) || !m_sendingHeld)
        return;
    // The tables a text names are found once for the tables held so far: an import runs the
    // same few dozen statements hundreds of thousands of times, and finding each held table's
    // name in each was 3% of its time.
    const std::pair<quint64, std::size_t> heldNow{m_bulkGeneration,
                                                  m_held.size() + m_heldAdditions.size()};
    if (m_heldTablesNamed.heldFor != heldNow
        || m_heldTablesNamed.bySql.size() >= heldTablesNamedLimit) {
        m_heldTablesNamed.bySql.clear();
        m_heldTablesNamed.heldFor = heldNow;
    }
    auto named = m_heldTablesNamed.bySql.constFind(sql);
    if (named == m_heldTablesNamed.bySql.cend()) {
        const auto isNameCharacter = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
        QStringList tables;
        const auto find = [&](const QString &table) {
            for (qsizetype at = sql.indexOf(table); at >= 0; at = sql.indexOf(table, at + 1)) {
                const qsizetype after = at + table.size();
                if ((at == 0 || !isNameCharacter(sql.at(at - 1)))
                    && (after == sql.size() || !isNameCharacter(sql.at(after)))) {
                    tables.append(table);
                    return;
                }
            }
        };
        for (const HeldRows &held : m_held)
            find(held.table);
        for (const HeldAdditions &held : m_heldAdditions)
            find(held.table);
        named = m_heldTablesNamed.bySql.insert(sql, tables);
    }
    // A copy: the statements that send them add texts to bySql.
    const QStringList tables = *named;
    for (HeldRows &held : m_held) {
        if (!held.values.isEmpty() && tables.contains(held.table))
            sendHeldRows(held, true);
    }
    for (HeldAdditions &held : m_heldAdditions) {
        if (!held.amounts.empty() && tables.contains(held.table))
            sendHeldAdditions(held);
    }
}

void Database::updateHeldAndSent(const QString &table,
                                 const std::function<void(QVariant *row)> &change,
                                 const QString &sql, const QVariantList &values)
{
    forEachHeldRow(table, change);
    const auto sendAgain = sendingNothingHeld();
    run(sql, values);
}

namespace {

QVariant sqliteColumn(sqlite3_stmt *statement, int column)
{
    // As Qt's driver reads a column: an integer, a real, text, bytes, or a null text.
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return qlonglong(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                          sqlite3_column_bytes(statement, column));
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>());
    default:
        return QString::fromUtf16(
            static_cast<const char16_t *>(sqlite3_column_text16(statement, column)),
            sqlite3_column_bytes16(statement, column) / qsizetype(sizeof(char16_t)));
    }
}

} // namespace

QVariant SqlRow::value(int column) const
{
    return m_statement ? sqliteColumn(m_statement, column) : m_query->value(column);
}

Database::SqliteStatement *Database::boundOnSqlite(const QString &sql, const QVariantList &values)
{
    if (!m_sqlite || values.isEmpty())
        return nullptr;
    for (const QVariant &value : values) {
        switch (value.isNull() ? QMetaType::Nullptr : value.typeId()) {
        case QMetaType::Nullptr:
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Double:
        case QMetaType::QString:
        case QMetaType::QByteArray:
            break;
        default:
            return nullptr; // QSqlQuery knows how Qt writes it
        }
    }
    throwIfOffline();
    if (m_sqlite->statements.size() >= keptLimit)
        finalizeSqliteStatements();
    SqliteStatement &statement = m_sqlite->statements[sql];
    if (statement.inUse) // a forEachRow() calling itself: the inner one goes through Qt
        return nullptr;
    if (!statement.handle
        && sqlite3_prepare16_v3(m_sqlite->handle, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                SQLITE_PREPARE_PERSISTENT, &statement.handle, nullptr)
               != SQLITE_OK) {
        const QSqlError error(
            QString(),
            QString::fromUtf16(static_cast<const char16_t *>(sqlite3_errmsg16(m_sqlite->handle))),
            QSqlError::StatementError, QString::number(sqlite3_errcode(m_sqlite->handle)));
        m_sqlite->statements.erase(sql);
        refuse(error, sql);
    }
    if (m_statementObserver)
        m_statementObserver(sql, values);
    sqlite3_stmt *const handle = statement.handle;
    for (int i = 0; i < int(values.size()); ++i) {
        const QVariant &value = values.at(i);
        if (value.isNull()) {
            sqlite3_bind_null(handle, i + 1);
        } else if (value.typeId() == QMetaType::QString) {
            const QString &text = *static_cast<const QString *>(value.constData());
            sqlite3_bind_text16(handle, i + 1, text.utf16(), int(text.size() * sizeof(char16_t)),
                                SQLITE_TRANSIENT);
        } else if (value.typeId() == QMetaType::QByteArray) {
            const QByteArray &bytes = *static_cast<const QByteArray *>(value.constData());
            sqlite3_bind_blob(handle, i + 1, bytes.constData(), int(bytes.size()),
                              SQLITE_TRANSIENT);
        } else if (value.typeId() == QMetaType::Double) {
            sqlite3_bind_double(handle, i + 1, value.toDouble());
        } else {
            sqlite3_bind_int64(handle, i + 1, value.toLongLong());
        }
    }
    return &statement;
}

bool Database::runOnSqlite(const QString &sql, const QVariantList &values, QVariant *firstValue)
{
    SqliteStatement *statement = boundOnSqlite(sql, values);
    if (!statement)
        return false;
    const auto reset = qScopeGuard([statement] {
        sqlite3_reset(statement->handle); // holds no read transaction open
    });
    const int result = sqlite3_step(statement->handle);
    if (result == SQLITE_ROW && firstValue)
        *firstValue = sqliteColumn(statement->handle, 0);
    if (result != SQLITE_ROW && result != SQLITE_DONE)
        refuseOnSqlite(result, sql);
    return true;
}

bool Database::forEachRowOnSqlite(const QString &sql, const QVariantList &values,
                                  const std::function<void(const SqlRow &row)> &row)
{
    SqliteStatement *statement = boundOnSqlite(sql, values);
    if (!statement)
        return false;
    statement->inUse = true;
    const auto reset = qScopeGuard([statement] {
        sqlite3_reset(statement->handle);
        statement->inUse = false;
    });
    const SqlRow current(statement->handle);
    int result = SQLITE_ROW;
    while ((result = sqlite3_step(statement->handle)) == SQLITE_ROW)
        row(current);
    if (result != SQLITE_DONE)
        refuseOnSqlite(result, sql);
    return true;
}

void Database::refuseOnSqlite(int result, const QString &sql) const
{
    refuse(QSqlError(QString(),
                     QString::fromUtf16(
                         static_cast<const char16_t *>(sqlite3_errmsg16(m_sqlite->handle))),
                     QSqlError::StatementError, QString::number(result & 0xff)),
           sql);
}

void Database::finalizeSqliteStatements()
{
    if (!m_sqlite)
        return;
    // Those in use (a forEachRow() on its way) stay.
    std::erase_if(m_sqlite->statements, [](auto &entry) {
        if (entry.second.inUse)
            return false;
        sqlite3_finalize(entry.second.handle);
        return true;
    });
}

void Database::sendAllHeldRows()
{
    for (HeldRows &held : m_held)
        sendHeldRows(held, true);
    for (HeldAdditions &held : m_heldAdditions)
        sendHeldAdditions(held);
}

void Database::takeTurn(const QString &purpose)
{
    if (isSqlite())
        return;
    // FNV-1a of the purpose: the same 64-bit key in every process, unlike qHash.
    quint64 key = 14695981039346656037ULL;
    for (const char byte : purpose.toUtf8()) {
        key ^= static_cast<unsigned char>(byte);
        key *= 1099511628211ULL;
    }
    run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {static_cast<qint64>(key)});
}

void Database::inTransaction(const std::function<void()> &work)
{
    if (m_transactionDepth > 0 && m_bulkDepth > 0) {
        // Inside a bulk transaction, no savepoint (held rows cannot be taken back): a step that
        // fails fails the whole bulk transaction at its end, even if the failure was caught.
        ++m_transactionDepth;
        try {
            work();
        } catch (...) {
            --m_transactionDepth;
            if (!m_bulkFailure)
                m_bulkFailure = std::current_exception();
            throw;
        }
        --m_transactionDepth;
        return;
    }
    if (m_transactionDepth > 0) {
        // Nested: a savepoint, so that a failing inner step undoes only itself if caught.
        const QString savepoint = QStringLiteral("microshop_%1").arg(m_transactionDepth);
        exec(QStringLiteral("SAVEPOINT ") + savepoint);
        ++m_transactionDepth;
        try {
            work();
        } catch (...) {
            --m_transactionDepth;
            QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint);
            throw;
        }
        --m_transactionDepth;
        exec(QStringLiteral("RELEASE SAVEPOINT ") + savepoint);
        return;
    }

    exec(isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    m_transactionDepth = 1;
    try {
        work(); // a bulk transaction inside has sent its held rows, or thrown
    } catch (...) {
        m_transactionDepth = 0;
        QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    m_transactionDepth = 0;
    QSqlQuery commit(connection());
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const QString why = commit.lastError().text();
        QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
        throw DatabaseError(DatabaseError::Reason::Failed,
                            tr("The change could not be saved: %1. Nothing was changed.").arg(why));
    }
}

} // namespace MicroShop
