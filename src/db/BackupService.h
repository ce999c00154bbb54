#pragma once

#include "DatabaseLocation.h"

#include "Error.h"
#include "Repositories.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

namespace MicroShop {

class Database;

// Consistent backups while the shop is in use, and restores that check a backup before they
// replace anything. A backup is always a MicroShop SQLite file, whichever database it came from.
class BackupService final
{
    Q_DECLARE_TR_FUNCTIONS(BackupService)

public:
    static constexpr int automaticBackupsKept = 14;

    // Writes a backup of the open database to file (replacing an older file there).
    static void backup(Database &database, const QString &file);

    // Checks that file is a sound MicroShop backup this program can restore; returns its schema
    // version. Throws InputError saying what is wrong.
    static int verify(const QString &file);

    // Verifies file, then replaces every row of the database with the backup's, in one
    // transaction. Throws InputError (bad backup) or DatabaseError; the database is untouched
    // then.
    static void restore(Database &database, const QString &file);

    // `copy --to`: the whole shop into the empty database at target (an SQLite file that does
    // not exist or is empty, or an empty PostgreSQL database), whose schema is created as the app
    // creates one; every row from one snapshot of source in one transaction, then the copy is
    // checked (DatabaseCheck). Throws InputError (a target that is not empty, a copy the check
    // finds fault with), DatabaseError (unreachable) or Cancelled; the target is then as it was.
    static QList<CopiedTable> copyTo(Database &source, const DatabaseLocation &target,
                                     const ProgressCallback &progress = {});

    // The desktop app's daily copy of its local file: made once a day into
    // Database::backupFolder(), keeping the newest automaticBackupsKept. Returns the file made,
    // or an empty string when today's copy exists already.
    static QString makeDailyBackup(Database &database, QDate today);
    static QStringList dailyBackups(const DatabaseLocation &location); // newest first

    // VACUUM INTO: a consistent, compact copy of an SQLite database.
    static void copySqliteTo(Database &database, const QString &file);
};

} // namespace MicroShop
