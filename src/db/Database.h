#pragma once

#include "DatabaseError.h"
#include "DatabaseLocation.h"
#include "Repositories.h"

#include <QCoreApplication>
#include <QHash>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

struct sqlite3_stmt;

namespace MicroShop {

struct Migration;

// One row of a result as Database::forEachRow() hands it on: read through Qt's driver, or on
// SQLite straight from the library (an import reads tens of thousands of rows, and Qt's copies
// of each value were a third of the time of reading them). A QSqlQuery on a row reads as one.
class SqlRow final
{
public:
    SqlRow(const QSqlQuery &query) // NOLINT(google-explicit-constructor): a query is a row
        : m_query(&query)
    {}
    explicit SqlRow(sqlite3_stmt *statement)
        : m_statement(statement)
    {}

    // The column's value as Qt's driver gives it: an integer, a real, text, bytes, or a null.
    QVariant value(int column) const;

private:
    const QSqlQuery *m_query = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

// One open connection to a MicroShop database of the current schema, on SQLite or PostgreSQL,
// and the transactions every service writes in.
class Database final : public Transactor
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode {
        CreateOrUpgrade, // the desktop app and `init`: create a new database, upgrade an old one
        ExistingCurrent, // other commands: the database must exist at this program's schema
    };

    // Opens and checks the database; throws DatabaseError and leaves it untouched when it is not
    // a MicroShop database, unreachable, or of a newer schema. An SQLite file is backed up into
    // backupFolder() before an upgrade.
    static std::unique_ptr<Database> open(const DatabaseLocation &location,
                                          OpenMode mode = OpenMode::ExistingCurrent);
    // As open(), with the migrations given (tests use this to inject failing steps).
    static std::unique_ptr<Database> open(const DatabaseLocation &location, OpenMode mode,
                                          const QList<Migration> &migrations);

    ~Database() override;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseLocation &location() const { return m_location; }
    bool isSqlite() const { return m_location.isSqlite(); }
    QSqlDatabase connection() const;
    int schemaVersion() const { return m_schemaVersion; }

    // Prepares, binds (positional ?) and runs one statement; throws DatabaseError on failure.
    QSqlQuery exec(const QString &sql, const QVariantList &values = {});
    // The first column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    // Runs a statement whose rows, if any, are not read (INSERT, UPDATE, DELETE).
    void run(const QString &sql, const QVariantList &values = {});
    // Runs an INSERT of one row (without RETURNING) into a table keyed by an integer id and
    // returns the row's id. SQLite: the id the library reports (RETURNING would make a
    // temporary table for each statement); PostgreSQL: RETURNING id.
    qint64 insertReturningId(const QString &sql, const QVariantList &values);
    // Calls row() for each row of the result, in order.
    void forEachRow(const QString &sql, const QVariantList &values,
                    const std::function<void(const SqlRow &row)> &row);

    // All or nothing; nests (only the outermost call commits). SQLite takes the write lock at
    // the start (BEGIN IMMEDIATE) so that two writers wait for each other instead of failing.
    void inTransaction(const std::function<void()> &work) override;
    bool inTransaction() const override { return m_transactionDepth > 0; }
    // PostgreSQL: a transaction-scoped advisory lock named by purpose; SQLite: nothing.
    void takeTurn(const QString &purpose) override;
    // A transaction in which insertRow() holds rows back and sends them as INSERTs of many rows
    // (before any statement that names their table, and before the end), and in which the
    // repositories may keep what they read (bulkGeneration()). Nested in a transaction, the
    // outer one commits. Transactions nested in it take no savepoint: held rows could not be
    // taken back with one. A step that fails inside it fails all of it, even when the failure
    // was caught (it is thrown again at the end, and nothing is written).
    void inBulkTransaction(const std::function<void()> &work) override;
    // Inserts one row into table's columns (a comma-separated list, as many as values), at once
    // outside inBulkTransaction(), else possibly later with others. A statement that names
    // the table (its name as a word in the SQL) sends the rows held for it first.
    void insertRow(const QString &table, const QString &columns, const QVariantList &values);
    // In a bulk transaction: change(row) on each row held for table (its values in the order of
    // the columns given to insertRow()), then sql run without sending them, for the rows of the
    // table already sent. Outside one, sql alone.
    void updateHeldAndSent(const QString &table, const std::function<void(QVariant *row)> &change,
                           const QString &sql, const QVariantList &values);
    // In a bulk transaction on SQLite: the id of the next row insertRow() is to hold for table
    // (one more than the largest, as SQLite gives ids; the row names it in an "id" column), so
    // that rows naming it can be held too. 0 elsewhere: the database gives the id as the row goes
    // in. Every row of that table in the transaction must take its id here. The rows of tables
    // with ids given here are sent before the rows of any other held table, in the order in which
    // their tables first asked; `after`, a table with ids given here whose rows these name, is
    // asked for first.
    qint64 heldId(const QString &table, const QString &after = {});
    // Adds amount to table's column in the row with that id: at once, or in a bulk transaction
    // on SQLite with the other amounts added to the same row, before any statement that names
    // the table and before the end (one UPDATE a row where an import made one a movement).
    void addToColumn(const QString &table, const QString &column, qint64 id, qint64 amount);
    // In a bulk transaction: each(row) on each row held for table and not sent yet (its values in
    // the order of the columns given to insertRow()). Outside one, nothing.
    void forEachHeldRow(const QString &table, const std::function<void(QVariant *row)> &each);
    // scalar() and forEachRow() over the rows sent: rows held stay held (forEachHeldRow() shows
    // them), amounts held stay held (heldAddition()).
    QVariant scalarOfSent(const QString &sql, const QVariantList &values = {});
    void forEachRowOfSent(const QString &sql, const QVariantList &values,
                          const std::function<void(const SqlRow &row)> &row);
    // What addToColumn() holds for that row and column, not added yet.
    qint64 heldAddition(const QString &table, const QString &column, qint64 id) const;
    // Non-zero inside inBulkTransaction(), another number in each one: what a repository keeps
    // from its reads is good while this stays the same.
    quint64 bulkGeneration() const { return m_bulkDepth > 0 ? m_bulkGeneration : 0; }

    // Who the audit log names for changes made through this connection.
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    // Whether this login may read the costs of products (and of order lines): on a team
    // server a clerk or packer may not (TeamRoles), and reads 0 in their place.
    bool seesCosts();
    // A lost server connection (PostgreSQL). goOffline() closes the connection and drops the
    // kept statements: until reconnect() succeeds every statement fails at once with a message
    // that says so (the server rolled back what was open: nothing is half-written).
    // reconnect() opens the connection again; false, with *why, while the server is away.
    void goOffline();
    bool reconnect(QString *why = nullptr);
    bool isOffline() const { return m_offline; }
    // One cheap round trip to the server: false when the connection is gone.
    bool ping();
    // Called when a statement fails because the connection to the server is gone (the caller
    // then gets a DatabaseError saying so); the desktop starts reconnecting from there.
    void setConnectionLostHandler(std::function<void()> handler)
    {
        m_connectionLost = std::move(handler);
    }
    // Called with each statement and its values as it is sent (the bench hands what the app ran
    // to psql); none unless set.
    using StatementObserver = std::function<void(const QString &sql, const QVariantList &values)>;
    void setStatementObserver(StatementObserver observer)
    {
        m_statementObserver = std::move(observer);
    }
    // Whether the error says the connection itself failed (not the statement).
    static bool isConnectionFailure(const QSqlError &error);

    // Where automatic and pre-upgrade backups of an SQLite file go: <dir>/<name>-backups.
    static QString backupFolder(const DatabaseLocation &location);

private:
    explicit Database(const DatabaseLocation &location);

    void connect();
    int detectSchemaVersion(); // 0: empty and ours to create; throws if not ours
    void configureSqlite();
    void migrate(const QList<Migration> &migrations, int target);
    void backupBeforeUpgrade(int from, int to);
    void throwIfOffline() const;
    void throwIfConnectionLost(const QSqlError &error); // returns when it is another failure
    [[noreturn]] void refuse(const QSqlError &error, const QString &sql) const;

    // scalar(), run() and forEachRow() keep their statements prepared for the next call with
    // the same text (parsing a statement costs more than running a small one) and reset them
    // before returning, so that none holds a read transaction open. A statement in use (a
    // forEachRow() calling itself) is not shared: the inner call prepares its own. Statements
    // without values are run as they are (PostgreSQL prepares no SHOW or SET). A statement the
    // database refused stays prepared.
    struct Kept
    {
        QSqlQuery query;
        bool inUse = false;
    };
    static constexpr std::size_t keptLimit = 200; // statements kept; then those idle go
    Kept &kept(const QString &sql);
    Kept *reusable(const QString &sql, const QVariantList &values); // nullptr: run it afresh
    QSqlQuery &execKept(Kept &kept, const QString &sql, const QVariantList &values);
    std::unordered_map<QString, std::unique_ptr<Kept>> m_kept; // stable addresses

    // Rows insertRow() holds back in a bulk transaction, one group a table and column list.
    struct HeldRows
    {
        QString table;
        QString columns;
        int columnCount = 0;
        QVariantList values; // the rows not sent yet, one after the other
    };
    static constexpr int heldRowsPerStatement = 64;
    static constexpr int bulkCacheKibibytes = 32 * 1024; // SQLite's page cache in bulk work
    // INSERT INTO table (columns) with room for that many rows of columnCount values.
    static QString insertStatement(const QString &table, const QString &columns, int columnCount,
                                   int rows);
    void sendHeldRows(HeldRows &held, bool all); // all: the rows short of a full statement too
    void sendHeldRowsNamedIn(const QString &sql);
    void sendAllHeldRows();
    std::vector<HeldRows> m_held;
    // addToColumn()'s amounts not added yet, by row id (in order: the same every run).
    struct HeldAdditions
    {
        QString table;
        QString column;
        std::map<qint64, qint64> amounts;
    };
    void sendHeldAdditions(HeldAdditions &held);
    static QString additionStatement(const QString &table, const QString &column);
    std::vector<HeldAdditions> m_heldAdditions;
    // heldId()'s last id given for table (the largest stored, before the first), the table
    // taking its place in m_idTables when first asked.
    qint64 &lastHeldId(const QString &table);
    QHash<QString, qint64> m_heldIds; // heldId(): the last id given, by table
    QStringList m_idTables;           // the tables heldId() gave ids for, in order of asking
    struct HeldTablesNamed
    {
        std::pair<quint64, std::size_t> heldFor; // the bulk generation and held groups
        QHash<QString, QStringList> bySql;       // the held tables each statement names
    };
    static constexpr qsizetype heldTablesNamedLimit = 1000; // texts; then found again
    HeldTablesNamed m_heldTablesNamed;
    int m_bulkDepth = 0;
    quint64 m_bulkGeneration = 0;
    bool m_sendingHeld = true; // false while a statement runs that must not send held rows
    // Until the guard it returns goes, statements send nothing held (then as before).
    [[nodiscard]] auto sendingNothingHeld()
    {
        const bool sending = std::exchange(m_sendingHeld, false);
        return qScopeGuard([this, sending] { m_sendingHeld = sending; });
    }
    std::exception_ptr m_bulkFailure; // the first step that failed inside the bulk transaction

    // SQLite: statements with values (run(), the held rows, scalar(), forEachRow()) go straight
    // to the library, prepared once, without QSqlQuery's copies of every value: most of an
    // import's time was spent there. False (nothing run) when a value is of a type not bound
    // here, or the statement's rows are being read (a forEachRow() inside its own): Qt runs it.
    bool runOnSqlite(const QString &sql, const QVariantList &values, QVariant *firstValue);
    bool forEachRowOnSqlite(const QString &sql, const QVariantList &values,
                            const std::function<void(const SqlRow &row)> &row);
    struct SqliteStatement;
    SqliteStatement *boundOnSqlite(const QString &sql, const QVariantList &values);
    [[noreturn]] void refuseOnSqlite(int result, const QString &sql) const;
    void finalizeSqliteStatements();
    struct Sqlite; // the library's handle and statements (sqlite3.h stays out of this header)
    std::unique_ptr<Sqlite> m_sqlite;

    DatabaseLocation m_location;
    QString m_connectionName;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
    QString m_actor;
    std::optional<bool> m_seesCosts;
    bool m_offline = false;
    std::function<void()> m_connectionLost;
    StatementObserver m_statementObserver;
};

} // namespace MicroShop
