#include "CommandLineTool.h"

#include "BackupService.h"
#include "Database.h"
#include "DatabaseCheck.h"
#include "Migrations.h"
#include "SqlAuditLog.h"
#include "SqlSettingsRepository.h"

#include "Error.h"
#include "ShopSettings.h"

#include <QFileInfo>

namespace MicroShop {

namespace {

// Thrown for a command line that does not follow cli.md (exit status 2).
class CommandLineUsageError : public Error
{
public:
    using Error::Error;
};

const QString usageText = QStringLiteral(
    "usage: microshop-cli [--db LOCATION] COMMAND [ARGS] [--format table|csv|json]\n"
    "\n"
    "LOCATION is an SQLite file or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME\n"
    "(default: $MICROSHOP_DB, else the desktop app's database).\n"
    "\n"
    "commands:\n"
    "  --version                 print the version\n"
    "  init                      create the database, or upgrade its schema\n"
    "  config list               print every shop setting\n"
    "  config get KEY            print one setting\n"
    "  config set KEY VALUE      change one setting\n"
    "  backup FILE               write a consistent backup while the shop is in use\n"
    "  restore FILE              replace the database with a checked backup\n"
    "  check                     check integrity and the bookkeeping invariants\n"
    "\n"
    "exit status: 0 done, 1 bad input or refused, 2 usage error, 3 database unusable\n");

// Commands of spec/cli.md that later releases add; named so that the message is honest.
const QStringList plannedCommands = {QStringLiteral("demo"),        QStringLiteral("import"),
                                     QStringLiteral("export"),      QStringLiteral("order"),
                                     QStringLiteral("distributor"), QStringLiteral("settle"),
                                     QStringLiteral("report")};

} // namespace

CommandLineTool::CommandLineTool(QTextStream &out, QTextStream &err, bool outputIsTerminal)
    : m_out(out)
    , m_err(err)
    , m_outputIsTerminal(outputIsTerminal)
{}

int CommandLineTool::run(const QStringList &arguments)
{
    try {
        Invocation invocation;
        invocation.format = m_outputIsTerminal ? TableOutput::Format::Table
                                               : TableOutput::Format::Csv;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString &argument = arguments.at(i);
            auto optionValue = [&](const QString &name) {
                if (argument.startsWith(name + u'='))
                    return argument.mid(name.size() + 1);
                if (i + 1 >= arguments.size())
                    usageError(QStringLiteral("%1 needs a value").arg(name));
                return arguments.at(++i);
            };
            if (argument == u"--db" || argument.startsWith(QStringLiteral("--db="))) {
                invocation.databaseOption = optionValue(QStringLiteral("--db"));
                if (invocation.databaseOption.isEmpty())
                    usageError(QStringLiteral("--db needs a value"));
            } else if (argument == u"--format"
                       || argument.startsWith(QStringLiteral("--format="))) {
                const QString value = optionValue(QStringLiteral("--format"));
                if (!TableOutput::parseFormat(value, &invocation.format))
                    usageError(QStringLiteral("--format must be table, csv or json, not \"%1\"")
                                   .arg(value));
            } else if (argument == u"--help" || argument == u"-h") {
                invocation.help = true;
            } else if (argument == u"--version") {
                invocation.version = true;
            } else if (argument.startsWith(u'-') && argument.size() > 1) {
                usageError(QStringLiteral("unknown option %1").arg(argument));
            } else {
                invocation.words.append(argument);
            }
        }
        return dispatch(invocation);
    } catch (const CommandLineUsageError &error) {
        m_err << "microshop-cli: " << error.message() << "\n"
              << "Try 'microshop-cli --help'.\n";
        return UsageError;
    } catch (const InputError &error) {
        // One error, one line: drivers' messages may span several.
        m_err << "microshop-cli: " << error.message().simplified() << "\n";
        return BadInput;
    } catch (const DatabaseError &error) {
        m_err << "microshop-cli: " << error.message().simplified() << "\n";
        return DatabaseUnusable;
    } catch (const std::exception &error) {
        m_err << "microshop-cli: internal error: " << QString::fromUtf8(error.what()) << "\n";
        return DatabaseUnusable;
    }
}

void CommandLineTool::usageError(const QString &message)
{
    throw CommandLineUsageError(message);
}

int CommandLineTool::dispatch(const Invocation &invocation)
{
    if (invocation.help) {
        m_out << usageText;
        return Done;
    }
    if (invocation.version) {
        if (!invocation.words.isEmpty())
            usageError(QStringLiteral("--version takes no command"));
        m_out << "microshop-cli " << MICROSHOP_VERSION << "\n";
        return Done;
    }
    if (invocation.words.isEmpty())
        usageError(QStringLiteral("no command given"));

    const QString command = invocation.words.constFirst();
    if (command == u"init")
        return init(invocation);
    if (command == u"config")
        return config(invocation);
    if (command == u"backup")
        return backup(invocation);
    if (command == u"restore")
        return restore(invocation);
    if (command == u"check")
        return check(invocation);
    if (plannedCommands.contains(command))
        usageError(QStringLiteral("the command '%1' is not available in microshop-cli %2 yet")
                       .arg(command, QStringLiteral(MICROSHOP_VERSION)));
    usageError(QStringLiteral("unknown command '%1'").arg(command));
}

std::unique_ptr<Database> CommandLineTool::openDatabase(const Invocation &invocation,
                                                        bool createOrUpgrade)
{
    const DatabaseLocation location = DatabaseLocation::resolve(invocation.databaseOption);
    auto database = Database::open(location, createOrUpgrade ? Database::OpenMode::CreateOrUpgrade
                                                             : Database::OpenMode::ExistingCurrent);
    database->setActor(database->actor() + QStringLiteral(" (microshop-cli)"));
    return database;
}

int CommandLineTool::init(const Invocation &invocation)
{
    if (invocation.words.size() != 1)
        usageError(QStringLiteral("init takes no arguments"));
    const DatabaseLocation location = DatabaseLocation::resolve(invocation.databaseOption);
    const bool existed = !location.isSqlite() || QFileInfo::exists(location.path());

    // Read the version before the upgrade without changing anything, to say what init did.
    int before = 0;
    try {
        before = Database::open(location, Database::OpenMode::ExistingCurrent)->schemaVersion();
    } catch (const DatabaseError &error) {
        if (error.reason() == DatabaseError::Reason::OlderSchema)
            before = -1; // older: reported after the upgrade below
        else if (error.reason() != DatabaseError::Reason::Missing)
            throw;
    }
    auto database = openDatabase(invocation, true);
    const int after = database->schemaVersion();
    if (before == after)
        m_out << QStringLiteral("%1 is up to date (schema version %2).\n")
                     .arg(location.displayName())
                     .arg(after);
    else if (before == 0)
        m_out << QStringLiteral("Created the MicroShop database %1%2 (schema version %3).\n")
                     .arg(location.displayName(),
                          existed ? QStringLiteral(" in the existing empty database") : QString())
                     .arg(after);
    else
        m_out << QStringLiteral("Upgraded %1 to schema version %2; the old file was backed up "
                                "into %3.\n")
                     .arg(location.displayName())
                     .arg(after)
                     .arg(location.isSqlite() ? Database::backupFolder(location)
                                              : QStringLiteral("(none: PostgreSQL)"));
    return Done;
}

int CommandLineTool::config(const Invocation &invocation)
{
    const QStringList &words = invocation.words;
    const QString action = words.value(1);
    if (action == u"list") {
        if (words.size() != 2)
            usageError(QStringLiteral("config list takes no arguments"));
    } else if (action == u"get") {
        if (words.size() != 3)
            usageError(QStringLiteral("config get takes one KEY"));
    } else if (action == u"set") {
        if (words.size() != 4)
            usageError(QStringLiteral("config set takes a KEY and a VALUE"));
    } else {
        usageError(QStringLiteral("config needs list, get KEY or set KEY VALUE"));
    }

    auto database = openDatabase(invocation, false);
    SqlSettingsRepository repository(*database);
    SqlAuditLog audit(*database);
    ShopSettings settings(repository, audit, *database);
    if (action == u"list") {
        QList<QStringList> rows;
        for (const auto &[key, value] : settings.all())
            rows.append({key, value});
        printTable({QStringLiteral("key"), QStringLiteral("value")}, rows, invocation.format);
    } else if (action == u"get") {
        m_out << settings.value(words.at(2)) << "\n";
    } else {
        settings.setValue(words.at(2), words.at(3));
        m_out << words.at(2) << " = " << settings.value(words.at(2)) << "\n";
    }
    return Done;
}

int CommandLineTool::backup(const Invocation &invocation)
{
    if (invocation.words.size() != 2)
        usageError(QStringLiteral("backup takes one FILE"));
    auto database = openDatabase(invocation, false);
    const QString file = QFileInfo(invocation.words.at(1)).absoluteFilePath();
    if (database->isSqlite()
        && QFileInfo(file).canonicalFilePath()
               == QFileInfo(database->location().path()).canonicalFilePath())
        throw InputError(QStringLiteral("%1 is the database itself; write the backup to another "
                                        "file.")
                             .arg(file));
    BackupService::backup(*database, file);
    m_out << QStringLiteral("Backed up %1 to %2.\n").arg(database->location().displayName(), file);
    return Done;
}

int CommandLineTool::restore(const Invocation &invocation)
{
    if (invocation.words.size() != 2)
        usageError(QStringLiteral("restore takes one FILE"));
    const QString file = QFileInfo(invocation.words.at(1)).absoluteFilePath();
    BackupService::verify(file); // before the database is even opened
    auto database = openDatabase(invocation, false);
    BackupService::restore(*database, file);
    m_out << QStringLiteral("Restored %1 from %2.\n").arg(database->location().displayName(), file);
    return Done;
}

int CommandLineTool::check(const Invocation &invocation)
{
    if (invocation.words.size() != 1)
        usageError(QStringLiteral("check takes no arguments"));
    auto database = openDatabase(invocation, false);
    const QStringList findings = DatabaseCheck::findings(*database);
    for (const QString &finding : findings)
        m_out << finding << "\n";
    if (!findings.isEmpty()) {
        m_err << "microshop-cli: check found " << findings.size() << " problem(s) in "
              << database->location().displayName() << "\n";
        return BadInput;
    }
    m_out << QStringLiteral("No problems found in %1 (schema version %2).\n")
                 .arg(database->location().displayName())
                 .arg(database->schemaVersion());
    return Done;
}

void CommandLineTool::printTable(const QStringList &columns, const QList<QStringList> &rows,
                                 TableOutput::Format format)
{
    m_out << TableOutput::render(columns, rows, format);
}

} // namespace MicroShop
