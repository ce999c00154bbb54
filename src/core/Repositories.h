#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace MicroShop {

// The storage the services write through. src/db implements these over SQL; services depend only
// on these interfaces, so every rule lives once, above any database.

// Runs work as one unit: all of it is stored, or none of it.
class Transactor
{
public:
    virtual ~Transactor() = default;
    virtual void inTransaction(const std::function<void()> &work) = 0;
    virtual bool inTransaction() const = 0;

    // Within a transaction: waits until no other connection is inside a transaction that took
    // the same turn (one settlement at a time, one new order number at a time). Released at the
    // end of the transaction. SQLite's writers already take turns: nothing to do there.
    virtual void takeTurn(const QString &purpose) = 0;

    // As inTransaction(), for work of many small writes (an import): the database may hold rows
    // back and send them together, and keep what it read for the length of the work. Whatever
    // is read inside sees every write made before it, as in inTransaction().
    virtual void inBulkTransaction(const std::function<void()> &work) { inTransaction(work); }

    // As inTransaction(), run again from the start when the database reports a ConflictError
    // (another desktop's change crossed this one), a few times with a short random pause. work
    // must start from scratch each time: no state carried over from an attempt that failed.
    // Inside another transaction it is one attempt: the outer one decides.
    void inRetryingTransaction(const std::function<void()> &work);
};

class SettingsRepository
{
public:
    virtual ~SettingsRepository() = default;
    virtual std::optional<QString> find(const QString &key) const = 0;
    virtual QList<std::pair<QString, QString>> all() const = 0; // stored values only
    virtual void store(const QString &key, const QString &value) = 0;
};

struct AuditEntry
{
    QString action;   // e.g. "settings.change"
    QString entity;   // e.g. "setting"
    QString entityId; // e.g. "commission.levels"
    QString details;  // what changed, for a person to read
};

// Append-only record of who did what and when (domain.md, "Users, roles, audit").
class AuditLog
{
public:
    virtual ~AuditLog() = default;
    virtual void append(const AuditEntry &entry) = 0;
};

} // namespace MicroShop

namespace MicroShop {

// How many rows of one table a copy of the shop wrote.
struct CopiedTable
{
    QString table;
    qint64 rows = 0;
};

// The shop's backups as the settings page sees them; src/db implements it for the open database.
class BackupStore
{
public:
    virtual ~BackupStore() = default;
    virtual QString databaseName() const = 0; // for people: path or URL without password
    virtual int schemaVersion() const = 0;
    virtual bool isLocalFile() const = 0;         // an SQLite file, not a team server
    virtual QStringList dailyBackups() const = 0; // newest first; empty on a team server
    virtual void backupTo(const QString &file) = 0;
    virtual void restoreFrom(const QString &file) = 0; // verifies first; all or nothing
    // The whole shop into the empty database at location (an SQLite path or a postgresql://
    // URL), checked there; all or nothing. Throws InputError (a target that is not empty, a copy
    // the check finds fault with) or DatabaseError (unreachable).
    virtual QList<CopiedTable> copyTo(const QString &location,
                                      const std::function<bool(qint64, qint64)> &progress)
        = 0;
};

} // namespace MicroShop
