#include "CommandLineTool.h"

#include "BackupService.h"
#include "Database.h"
#include "DatabaseCheck.h"
#include "DemoGenerator.h"
#include "Migrations.h"
#include "PaymentImporter.h"
#include "PlatformImporter.h"
#include "ReportCatalog.h"
#include "ScaleDemoGenerator.h"
#include "ShipmentImporter.h"
#include "Shop.h"
#include "ShopExporter.h"
#include "ShopImporter.h"
#include "SqlSettingsRepository.h"
#include "TableFile.h"
#include "TableSource.h"
#include "TeamDirectory.h"

#include "AddressParser.h"
#include "AuditTrail.h"
#include "Clock.h"
#include "Dates.h"
#include "Error.h"
#include "ListSource.h"
#include "OrderWorkflow.h"
#include "ShopContext.h"
#include "ShopRepositories.h"
#include "ShopSettings.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextDocument>

#include <algorithm>

namespace MicroShop {

namespace {

// Thrown for a command line that does not follow cli.md (exit status 2).
class CommandLineUsageError : public Error
{
public:
    using Error::Error;
};

// The options every command takes.
const QStringList commonValueOptions = {QStringLiteral("--db"), QStringLiteral("--format")};
const QStringList commonFlagOptions = {QStringLiteral("--help"), QStringLiteral("--version")};

QString usageLine(const QString &command, const QString &what = {})
{
    return what.isEmpty() ? QStringLiteral("  %1\n").arg(command)
                          : QStringLiteral("  %1 %2\n").arg(command, -25).arg(what);
}

// A report the signed-in role may not read (ReportCatalog::mayRead) is refused before it runs.
void refuseUnlessRoleMay(bool allowed, const QString &report, TeamRole role)
{
    if (!allowed)
        throw InputError(QStringLiteral("report %1 is not for the %2 role (a clerk gets no report "
                                        "of margins or commissions, a packer none): ask the "
                                        "shop's owner or someone in finance to run it")
                             .arg(report, TeamAccess::name(role)));
}

// The report command's lines: each report's from the catalog, then the statement's.
QStringList reportUsage()
{
    QStringList lines;
    for (const ReportDescriptor &report : ReportCatalog::reports()) {
        if (!report.command.isEmpty())
            lines.append(usageLine(ReportCatalog::usage(report)));
    }
    lines.append(usageLine(
        QStringLiteral("report statement --distributor CODE --from D --to D --pdf FILE")));
    return lines;
}

} // namespace

// spec/cli.md's commands: what --help says of each, the options it may take (a command narrows
// them further with allowOptions) and what runs it. A new command is a row here and its function.
struct CommandLineTool::Command
{
    QString name;
    QStringList usage;
    QStringList valueOptions; // "--date D"
    QStringList flagOptions;  // "--restock"
    int (CommandLineTool::*run)(const Invocation &invocation);
};

const QList<CommandLineTool::Command> &CommandLineTool::commands()
{
    const auto options = [](std::initializer_list<const char *> names) {
        QStringList list;
        for (const char *name : names)
            list.append(QString::fromLatin1(name));
        return list;
    };
    static const QList<Command> table = {
        {QStringLiteral("init"),
         {usageLine(QStringLiteral("init"), QStringLiteral("create the database, or upgrade its "
                                                           "schema"))},
         {},
         {},
         &CommandLineTool::init},
        {QStringLiteral("config"),
         {usageLine(QStringLiteral("config list"), QStringLiteral("print every shop setting")),
          usageLine(QStringLiteral("config get KEY"), QStringLiteral("print one setting")),
          usageLine(QStringLiteral("config set KEY VALUE"), QStringLiteral("change one setting"))},
         {},
         {},
         &CommandLineTool::config},
        {QStringLiteral("backup"),
         {usageLine(QStringLiteral("backup FILE"),
                    QStringLiteral("write a consistent backup while the shop is in use"))},
         {},
         {},
         &CommandLineTool::backup},
        {QStringLiteral("restore"),
         {usageLine(QStringLiteral("restore FILE"),
                    QStringLiteral("replace the database with a checked backup"))},
         {},
         {},
         &CommandLineTool::restore},
        {QStringLiteral("check"),
         {usageLine(QStringLiteral("check"),
                    QStringLiteral("check integrity and the bookkeeping invariants"))},
         {},
         {},
         &CommandLineTool::check},
        {QStringLiteral("copy"),
         {usageLine(QStringLiteral("copy --to LOCATION"),
                    QStringLiteral("copy the whole shop into an empty database (an SQLite file or "
                                   "postgresql://...) and check the copy"))},
         options({"--to"}),
         {},
         &CommandLineTool::copy},
        {QStringLiteral("import"),
         {usageLine(QStringLiteral("import products|customers|orders|distributors FILE")),
          usageLine(QStringLiteral("import orders FILE [--platform auto|microshop|youzan|weidian|"
                                   "taobao|pinduoduo] [--aliases FILE]")),
          usageLine(QStringLiteral("import payments FILE [--source wechat|wechat-personal]"),
                    QStringLiteral("reconcile a WeChat Pay bill with the orders")),
          usageLine(QStringLiteral("import shipments FILE"),
                    QStringLiteral("ship the orders of a tracking file "
                                   "(order_no,courier,tracking[,shipped_at])"))},
         options({"--platform", "--aliases", "--source"}),
         {},
         &CommandLineTool::importFile},
        {QStringLiteral("export"),
         {usageLine(QStringLiteral("export products|customers|orders|stock|distributors|"
                                   "commissions|payouts FILE|-")),
          usageLine(QStringLiteral("export shipping FILE|-"),
                    QStringLiteral("the courier batch file of every paid, unshipped order")),
          usageLine(QStringLiteral("export KIND FILE.xlsx"),
                    QStringLiteral("an Excel workbook of the same columns"))},
         {},
         {},
         &CommandLineTool::exportFile},
        {QStringLiteral("distributor"),
         {usageLine(QStringLiteral("distributor move CODE --upline CODE|--root")),
          usageLine(QStringLiteral("distributor status CODE active|suspended|left"))},
         options({"--upline"}),
         options({"--root"}),
         &CommandLineTool::distributor},
        {QStringLiteral("settle"),
         {usageLine(QStringLiteral("settle --until D [--distributor CODE]"))},
         options({"--until", "--distributor"}),
         {},
         &CommandLineTool::settle},
        {QStringLiteral("report"), reportUsage(),
         ReportCatalog::options(ReportInputs::fromInt(0xff) & ~ReportInputs(ReportInput::Team))
             + options({"--pdf"}),
         options({"--team"}), &CommandLineTool::report},
        {QStringLiteral("demo"),
         {usageLine(QStringLiteral("demo [--scale] [--products N] [--customers N] "
                                   "[--distributors N] [--orders N] [--seed S]"))},
         options({"--products", "--customers", "--distributors", "--orders", "--seed"}),
         options({"--scale"}),
         &CommandLineTool::demo},
        {QStringLiteral("order"),
         {usageLine(QStringLiteral("order pay NO [--date D] [--method "
                                   "wechat|alipay|bank|cash|other]")),
          usageLine(QStringLiteral("order ship NO --courier C --tracking T [--date D]")),
          usageLine(QStringLiteral("order complete NO [--date D]")),
          usageLine(QStringLiteral("order cancel NO [--date D]")),
          usageLine(QStringLiteral("order refund NO [--lines SKU:QTY,...] [--restock] "
                                   "[--shipping] [--date D]"))},
         options({"--date", "--method", "--courier", "--tracking", "--lines"}),
         options({"--restock", "--shipping"}),
         &CommandLineTool::order},
        {QStringLiteral("print"),
         {usageLine(QStringLiteral("print labels|slips --pdf FILE [--size 76x130|100x180|a4|80mm] "
                                   "[--orders NO,...|--status S]"),
                    QStringLiteral("shipping labels (default 100x180) or packing slips (default "
                                   "a4), one order a page, in the order given (--status: by "
                                   "order number)"))},
         options({"--pdf", "--size", "--orders", "--status"}),
         {},
         &CommandLineTool::print},
        {QStringLiteral("payment"),
         {usageLine(QStringLiteral("payment confirm BILL_NO ORDER_NO"),
                    QStringLiteral("confirm a personal bill's income as a pending order's "
                                   "payment"))},
         {},
         {},
         &CommandLineTool::payment},
        {QStringLiteral("user"),
         {usageLine(QStringLiteral("user add NAME --role R"),
                    QStringLiteral("a team server's new login; its password on standard input")),
          usageLine(QStringLiteral("user role NAME R"),
                    QStringLiteral("R: owner, manager, clerk, packer or finance")),
          usageLine(QStringLiteral("user remove NAME")), usageLine(QStringLiteral("user list"))},
         options({"--role"}),
         {},
         &CommandLineTool::user},
        {QStringLiteral("address"),
         {usageLine(QStringLiteral("address parse TEXT"),
                    QStringLiteral("split a pasted address into receiver, phone, province, city, "
                                   "district, detail"))},
         {},
         {},
         &CommandLineTool::address},
        {QStringLiteral("audit"),
         {usageLine(QStringLiteral("audit [--from D] [--to D] [--user U] [--kind K]"),
                    QStringLiteral("the audit log, oldest first: who changed what, when (K: %1)")
                        .arg(AuditTrail::kinds().join(u'|')))},
         options({"--from", "--to", "--user", "--kind"}),
         {},
         &CommandLineTool::audit},
    };
    return table;
}

const CommandLineTool::Command *CommandLineTool::command(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

bool CommandLineTool::takesValue(const QString &option)
{
    return isOption(option, &Command::valueOptions, commonValueOptions);
}

bool CommandLineTool::isFlag(const QString &option)
{
    return isOption(option, &Command::flagOptions, commonFlagOptions);
}

bool CommandLineTool::isOption(const QString &option, QStringList Command::*kind,
                               const QStringList &common)
{
    return common.contains(option)
           || std::any_of(commands().cbegin(), commands().cend(),
                          [&](const Command &command) { return (command.*kind).contains(option); });
}

QString CommandLineTool::usage()
{
    QString text = QStringLiteral(
        "usage: microshop-cli [--db LOCATION] COMMAND [ARGS] [--format table|csv|json]\n"
        "\n"
        "LOCATION is an SQLite file or postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME\n"
        "(default: $MICROSHOP_DB, else the desktop app's database).\n"
        "\n"
        "commands:\n");
    text += usageLine(QStringLiteral("--version"), QStringLiteral("print the version"));
    for (const Command &command : commands())
        text += command.usage.join(QString());
    text += QStringLiteral(
        "\nexit status: 0 done, 1 bad input or refused, 2 usage error, 3 database unusable\n");
    return text;
}

bool CommandLineTool::needsGuiApplication(const QStringList &arguments)
{
    QStringList words;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QStringLiteral("--")) || argument.size() == 2)
            words.append(argument);
        else if (takesValue(argument)) // "--name value", not "--name=value"
            ++i;
    }
    return (words.value(0) == u"report" && words.value(1) == u"statement")
           || words.value(0) == u"print";
}

CommandLineTool::CommandLineTool(QTextStream &out, QTextStream &err, bool outputIsTerminal,
                                 bool progressIsTerminal)
    : m_out(out)
    , m_err(err)
    , m_outputIsTerminal(outputIsTerminal)
    , m_progressIsTerminal(progressIsTerminal)
{}

int CommandLineTool::run(const QStringList &arguments)
{
    try {
        const QString clockError = Clock::useEnvironment();
        if (!clockError.isEmpty())
            usageError(clockError);
        Invocation invocation;
        invocation.format = m_outputIsTerminal ? TableOutput::Format::Table
                                               : TableOutput::Format::Csv;
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            const QString &argument = arguments.at(i);
            if (!argument.startsWith(QStringLiteral("--")) || argument.size() == 2) {
                if (argument.startsWith(u'-') && argument != u"-" && argument != u"-h")
                    usageError(QStringLiteral("unknown option %1").arg(argument));
                if (argument == u"-h")
                    invocation.help = true;
                else
                    invocation.words.append(argument);
                continue;
            }
            const qsizetype equals = argument.indexOf(u'=');
            const QString name = equals < 0 ? argument : argument.left(equals);
            if (isFlag(name)) {
                if (equals >= 0)
                    usageError(QStringLiteral("%1 takes no value").arg(name));
                if (name == u"--help")
                    invocation.help = true;
                else if (name == u"--version")
                    invocation.version = true;
                else
                    invocation.options.insert(name, QStringLiteral("1"));
                continue;
            }
            if (!takesValue(name))
                usageError(QStringLiteral("unknown option %1").arg(name));
            QString value;
            if (equals >= 0) {
                value = argument.mid(equals + 1);
            } else {
                if (i + 1 >= arguments.size())
                    usageError(QStringLiteral("%1 needs a value").arg(name));
                value = arguments.at(++i);
            }
            if (value.isEmpty())
                usageError(QStringLiteral("%1 needs a value").arg(name));
            if (name == u"--db") {
                invocation.databaseOption = value;
            } else if (name == u"--format") {
                if (!TableOutput::parseFormat(value, &invocation.format))
                    usageError(QStringLiteral("--format must be table, csv or json, not \"%1\"")
                                   .arg(value));
            } else {
                invocation.options.insert(name, value);
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

void CommandLineTool::allowOptions(const Invocation &invocation, const QStringList &allowed)
{
    for (auto it = invocation.options.cbegin(); it != invocation.options.cend(); ++it) {
        if (!allowed.contains(it.key()))
            usageError(QStringLiteral("%1 does not take the option %2")
                           .arg(invocation.words.value(0), it.key()));
    }
}

std::optional<QDateTime> CommandLineTool::dateOption(const Invocation &invocation,
                                                     const QString &name)
{
    if (!invocation.has(name))
        return std::nullopt;
    QString why;
    const auto at = Dates::parseDateTime(invocation.option(name), &why);
    if (!at)
        throw InputError(QStringLiteral("%1: %2").arg(name, why));
    return *at;
}

int CommandLineTool::dispatch(const Invocation &invocation)
{
    if (invocation.help) {
        m_out << usage();
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

    const QString name = invocation.words.constFirst();
    if (const Command *found = command(name))
        return (this->*found->run)(invocation);
    usageError(QStringLiteral("unknown command '%1'").arg(name));
}

std::unique_ptr<Database> CommandLineTool::openDatabase(const Invocation &invocation,
                                                        bool createOrUpgrade)
{
    const DatabaseLocation location = DatabaseLocation::resolve(invocation.databaseOption);
    auto database = Database::open(location, createOrUpgrade ? Database::OpenMode::CreateOrUpgrade
                                                             : Database::OpenMode::ExistingCurrent);
    // On a server the actor is the login, as the server records it (TeamRoles).
    if (database->isSqlite())
        database->setActor(database->actor() + QStringLiteral(" (microshop-cli)"));
    // "Now" and "today" from here on are the shop's, whatever zone this computer is set to.
    ShopSettings::applyTimeZone(SqlSettingsRepository(*database));
    return database;
}

std::unique_ptr<Shop> CommandLineTool::openShop(const Invocation &invocation)
{
    return std::make_unique<Shop>(openDatabase(invocation, false));
}

int CommandLineTool::init(const Invocation &invocation)
{
    allowOptions(invocation, {});
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
    else if (location.isSqlite())
        m_out << QStringLiteral("Upgraded %1 to schema version %2; the old file was backed up "
                                "into %3.\n")
                     .arg(location.displayName())
                     .arg(after)
                     .arg(Database::backupFolder(location));
    else
        m_out << QStringLiteral("Upgraded %1 to schema version %2.\n")
                     .arg(location.displayName())
                     .arg(after);
    return Done;
}

int CommandLineTool::config(const Invocation &invocation)
{
    allowOptions(invocation, {});
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

    const auto opened = openShop(invocation);
    ShopSettings &settings = opened->services.settings;
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

int CommandLineTool::user(const Invocation &invocation)
{
    const QStringList &words = invocation.words;
    const QString action = words.value(1);
    if (action == u"add") {
        allowOptions(invocation, {QStringLiteral("--role")});
        if (words.size() != 3 || !invocation.has(QStringLiteral("--role")))
            usageError(QStringLiteral("user add takes a NAME and --role R"));
    } else if (action == u"role") {
        allowOptions(invocation, {});
        if (words.size() != 4)
            usageError(QStringLiteral("user role takes a NAME and a role"));
    } else if (action == u"remove") {
        allowOptions(invocation, {});
        if (words.size() != 3)
            usageError(QStringLiteral("user remove takes a NAME"));
    } else if (action == u"list") {
        allowOptions(invocation, {});
        if (words.size() != 2)
            usageError(QStringLiteral("user list takes no arguments"));
    } else {
        usageError(QStringLiteral("user needs add, role, remove or list"));
    }

    auto database = openDatabase(invocation, false);
    TeamDirectory team(*database); // refuses a local shop
    if (action == u"list") {
        QList<QStringList> rows;
        const QList<TeamDirectory::Member> members = team.members();
        for (const TeamDirectory::Member &member : members)
            rows.append({member.name, member.role});
        printTable({QStringLiteral("name"), QStringLiteral("role")}, rows, invocation.format);
        return Done;
    }
    const QString name = words.at(2);
    if (action == u"add") {
        const QString role = invocation.option(QStringLiteral("--role"));
        TeamDirectory::checkName(name);
        TeamDirectory::checkRole(role);
        // One line of standard input, never an argument (which other users can see).
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            throw InputError(
                QStringLiteral("Cannot read the new user's password from standard input."));
        QString password = QString::fromUtf8(input.readLine());
        while (password.endsWith(u'\n') || password.endsWith(u'\r'))
            password.chop(1);
        team.add(name, role, password);
        m_out << QStringLiteral("%1 can now sign in as %2.").arg(name, role) << "\n";
    } else if (action == u"role") {
        team.changeRole(name, words.at(3));
        m_out << QStringLiteral("%1 is now %2.").arg(name, words.at(3)) << "\n";
    } else {
        team.remove(name);
        m_out << QStringLiteral("%1 is no longer a user of this shop.").arg(name) << "\n";
    }
    return Done;
}

int CommandLineTool::backup(const Invocation &invocation)
{
    allowOptions(invocation, {});
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
    allowOptions(invocation, {});
    if (invocation.words.size() != 2)
        usageError(QStringLiteral("restore takes one FILE"));
    const QString file = QFileInfo(invocation.words.at(1)).absoluteFilePath();
    BackupService::verify(file); // before the database is even opened
    auto database = openDatabase(invocation, false);
    BackupService::restore(*database, file);
    m_out << QStringLiteral("Restored %1 from %2.\n").arg(database->location().displayName(), file);
    return Done;
}

int CommandLineTool::copy(const Invocation &invocation)
{
    allowOptions(invocation, {QStringLiteral("--to")});
    if (invocation.words.size() != 1)
        usageError(QStringLiteral("copy takes no arguments, only --to LOCATION"));
    if (!invocation.has(QStringLiteral("--to")))
        usageError(QStringLiteral("copy needs --to LOCATION (an SQLite file or "
                                  "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME)"));
    QString why;
    const auto target = DatabaseLocation::parse(invocation.option(QStringLiteral("--to")), &why);
    if (!target)
        throw InputError(QStringLiteral("--to: %1").arg(why));
    auto database = openDatabase(invocation, false);
    QElapsedTimer clock;
    clock.start();
    const QList<CopiedTable> copied = BackupService::copyTo(*database, *target);
    QList<QStringList> rows;
    qint64 total = 0;
    for (const CopiedTable &table : copied) {
        rows.append({table.table, QString::number(table.rows)});
        total += table.rows;
    }
    printTable({QStringLiteral("table"), QStringLiteral("rows")}, rows, invocation.format);
    m_err << QStringLiteral("Copied %1 rows from %2 to %3 in %4 s; the check found no problems.\n")
                 .arg(total)
                 .arg(database->location().displayName(), target->displayName())
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1);
    return Done;
}

int CommandLineTool::audit(const Invocation &invocation)
{
    allowOptions(invocation, {QStringLiteral("--from"), QStringLiteral("--to"),
                              QStringLiteral("--user"), QStringLiteral("--kind")});
    if (invocation.words.size() != 1)
        usageError(QStringLiteral("audit takes no arguments, only options"));
    // Days of the shop's calendar, as the audit log stores its times (shop-local).
    const QDate from = dayOption(invocation, QStringLiteral("--from"));
    const QDate to = dayOption(invocation, QStringLiteral("--to"));
    if (from.isValid() && to.isValid() && from > to)
        throw InputError(QStringLiteral("--from %1 is after --to %2; give the first day first.")
                             .arg(Dates::toText(from), Dates::toText(to)));
    ListQuery query;
    query.sortColumn = 0; // time, then the order of writing: oldest first, like a log file
    if (from.isValid())
        query.filters.insert(QStringLiteral("from"), Dates::toText(from));
    if (to.isValid())
        query.filters.insert(QStringLiteral("to"), Dates::toText(to));
    if (invocation.has(QStringLiteral("--user")))
        query.filters.insert(QStringLiteral("user"), invocation.option(QStringLiteral("--user")));
    if (invocation.has(QStringLiteral("--kind"))) {
        const QString kind = invocation.option(QStringLiteral("--kind"));
        if (!AuditTrail::kinds().contains(kind))
            throw InputError(
                QStringLiteral("--kind: \"%1\" is not a kind of change; use one of %2.")
                    .arg(kind, AuditTrail::kinds().join(QStringLiteral(", "))));
        query.filters.insert(QStringLiteral("kind"), kind);
    }
    const auto opened = openShop(invocation);
    const std::unique_ptr<ListSource> log = opened->context.lists(ListKind::AuditLog);
    const qint64 total = log->count(query);
    QList<QStringList> rows;
    rows.reserve(total);
    constexpr int chunk = 5000;
    for (qint64 offset = 0; offset < total; offset += chunk) {
        for (const QVariantList &row : log->fetch(query, offset, chunk, total))
            rows.append(AuditTrail::row(row));
    }
    printTable(AuditTrail::columns(), rows, invocation.format);
    return Done;
}

int CommandLineTool::check(const Invocation &invocation)
{
    allowOptions(invocation, {});
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

QDate CommandLineTool::dayOption(const Invocation &invocation, const QString &name)
{
    if (!invocation.has(name))
        return QDate();
    QString why;
    const auto day = Dates::parseDate(invocation.option(name), &why);
    if (!day)
        throw InputError(QStringLiteral("%1: %2").arg(name, why));
    return *day;
}

int CommandLineTool::distributor(const Invocation &invocation)
{
    const QStringList &words = invocation.words;
    const QString action = words.value(1);
    if (action == u"move") {
        allowOptions(invocation, {QStringLiteral("--upline"), QStringLiteral("--root")});
        if (words.size() != 3)
            usageError(QStringLiteral("distributor move takes a CODE"));
        if (invocation.has(QStringLiteral("--upline")) == invocation.has(QStringLiteral("--root")))
            usageError(QStringLiteral("distributor move needs --upline CODE or --root"));
    } else if (action == u"status") {
        allowOptions(invocation, {});
        if (words.size() != 4)
            usageError(QStringLiteral("distributor status takes a CODE and a status"));
    } else {
        usageError(QStringLiteral("distributor needs move or status"));
    }
    const auto opened = openShop(invocation);
    ShopServices &shop = opened->services;
    Distributor result;
    if (action == u"move") {
        result = shop.distributorService.move(words.at(2),
                                              invocation.option(QStringLiteral("--upline")));
    } else {
        const auto status = DistributorStatuses::fromCode(words.at(3));
        if (!status)
            throw InputError(
                QStringLiteral("the status must be active, suspended or left, not \"%1\"")
                    .arg(words.at(3)));
        result = shop.distributorService.setStatus(words.at(2), *status);
    }
    const QString upline = shop.distributors.codeOf(result.uplineId);
    m_out << QStringLiteral("Distributor %1 is %2, %3 (depth %4).\n")
                 .arg(result.code, DistributorStatuses::code(result.status),
                      upline.isEmpty() ? QStringLiteral("a root")
                                       : QStringLiteral("under ") + upline)
                 .arg(result.depth);
    return Done;
}

int CommandLineTool::settle(const Invocation &invocation)
{
    allowOptions(invocation, {QStringLiteral("--until"), QStringLiteral("--distributor")});
    if (invocation.words.size() != 1)
        usageError(QStringLiteral("settle takes no arguments, only options"));
    if (!invocation.has(QStringLiteral("--until")))
        usageError(QStringLiteral("settle needs --until D"));
    const QDate until = dayOption(invocation, QStringLiteral("--until"));
    const auto opened = openShop(invocation);
    ShopServices &shop = opened->services;
    qint64 distributorId = 0;
    if (invocation.has(QStringLiteral("--distributor")))
        distributorId = shop.distributorService
                            .distributorByCode(invocation.option(QStringLiteral("--distributor")))
                            .id;
    QList<QStringList> rows;
    for (const Payout &payout : shop.ledger.settle(until, distributorId))
        rows.append({QString::number(payout.id), payout.code, Dates::toText(payout.periodEnd),
                     payout.amount.toString(), QString::number(payout.entries)});
    printTable(QStringLiteral("payout_id,distributor,date,amount,entries").split(u','), rows,
               invocation.format);
    return Done;
}

int CommandLineTool::report(const Invocation &invocation)
{
    const QString which = invocation.words.value(1);
    const QString names = ReportCatalog::commandNames().join(QStringLiteral(", "))
                          + QStringLiteral(" or statement");
    if (invocation.words.size() != 2)
        usageError(QStringLiteral("report takes one of %1").arg(names));
    if (which == u"statement")
        return statement(invocation);
    const ReportDescriptor *report = ReportCatalog::command(which);
    if (!report)
        usageError(QStringLiteral("report takes %1, not \"%2\"").arg(names, which));
    allowOptions(invocation, ReportCatalog::options(report->inputs));
    for (const QString &option : ReportCatalog::options(report->inputs & neededInputs)) {
        if (!invocation.has(option))
            usageError(QStringLiteral("report %1 needs %2")
                           .arg(which, ReportCatalog::optionUsage(option)));
    }
    const QString distributorOption = QStringLiteral("--distributor");
    if (invocation.has(QStringLiteral("--team")) && !invocation.has(distributorOption))
        usageError(QStringLiteral("--team goes with --distributor CODE"));

    ReportRequest request = reportRequest(invocation);
    const auto opened = openShop(invocation);
    // The server lets a clerk read the commission entries its orders write, so the rule of who
    // reads which report (team.md) is the catalog's, as on the Reports page.
    refuseUnlessRoleMay(ReportCatalog::mayRead(opened->context.role, *report), which,
                        opened->context.role);
    ShopServices &shop = opened->services;
    // Today in the shop's time zone, known once the shop is open.
    if (report->inputs.testFlag(ReportInput::AsOf) && !request.to.isValid())
        request.to = Dates::today();
    if (invocation.has(distributorOption)) {
        request.distributorCode = invocation.option(distributorOption);
        request.distributorId
            = shop.distributorService.distributorByCode(request.distributorCode).id;
    }
    // Reports read much of the file once: mapped into memory, SQLite reads it without a system
    // call per page (the desktop app keeps the default, for its memory's sake).
    if (opened->database->isSqlite())
        opened->database->exec(QStringLiteral("PRAGMA mmap_size = 2147483648"));
    const ReportTable table = report->compute(*shop.reports, request);
    printTable(table.columns, table.rows, invocation.format);
    return Done;
}

ReportRequest CommandLineTool::reportRequest(const Invocation &invocation)
{
    ReportRequest request;
    const QString by = invocation.option(QStringLiteral("--by"));
    if (by == u"week")
        request.period = ReportSource::Period::Week;
    else if (by == u"month")
        request.period = ReportSource::Period::Month;
    else if (invocation.has(QStringLiteral("--by")) && by != u"day")
        usageError(QStringLiteral("report sales needs --by day, week or month"));
    // A whole number option of at least `least`, or `absent` without it.
    const auto count = [&invocation](const QString &option, int least, int absent) {
        if (!invocation.has(option))
            return absent;
        bool ok = false;
        const int value = invocation.option(option).toInt(&ok);
        if (!ok || value < least)
            throw InputError(QStringLiteral("%1 must be a whole number of at least %2, not \"%3\"")
                                 .arg(option)
                                 .arg(least)
                                 .arg(invocation.option(option)));
        return value;
    };
    request.top = count(QStringLiteral("--top"), 1, 0);
    request.minOrders = count(QStringLiteral("--min-orders"), 1, 1);
    request.days = count(QStringLiteral("--days"), 0, 0);
    request.team = invocation.has(QStringLiteral("--team"));
    request.from = dayOption(invocation, QStringLiteral("--from"));
    request.to = dayOption(invocation, QStringLiteral("--to"));
    if (request.from.isValid() && request.to.isValid() && request.from > request.to)
        throw InputError(QStringLiteral("--from %1 is after --to %2")
                             .arg(Dates::toText(request.from), Dates::toText(request.to)));
    if (invocation.has(QStringLiteral("--as-of")))
        request.to = dayOption(invocation, QStringLiteral("--as-of"));
    return request;
}

int CommandLineTool::statement(const Invocation &invocation)
{
    const QStringList required = {QStringLiteral("--distributor"), QStringLiteral("--from"),
                                  QStringLiteral("--to"), QStringLiteral("--pdf")};
    allowOptions(invocation, required);
    for (const QString &option : required) {
        if (!invocation.has(option))
            usageError(QStringLiteral("report statement needs --distributor CODE --from D --to D "
                                      "--pdf FILE (%1 is missing)")
                           .arg(option));
    }
    const QDate from = dayOption(invocation, QStringLiteral("--from"));
    const QDate to = dayOption(invocation, QStringLiteral("--to"));
    if (from > to)
        throw InputError(QStringLiteral("--from %1 is after --to %2")
                             .arg(Dates::toText(from), Dates::toText(to)));
    const QString file = invocation.option(QStringLiteral("--pdf"));

    const auto opened = openShop(invocation);
    // A statement lists the distributor's commissions.
    refuseUnlessRoleMay(TeamAccess::may(opened->context.role, Capability::CommissionsPage),
                        QStringLiteral("statement"), opened->context.role);
    ShopServices &shop = opened->services;
    const Distributor distributor = shop.distributorService.distributorByCode(
        invocation.option(QStringLiteral("--distributor")));
    const auto document = opened->documents.statement(distributor.id, from, to);
    QString error;
    if (!ShopDocuments::writePdf(*document, ShopDocuments::Paper::A4, file, &error))
        throw InputError(error);
    m_out << QStringLiteral("Wrote the statement of %1 for %2 to %3 into %4.\n")
                 .arg(distributor.code, Dates::toText(from), Dates::toText(to), file);
    return Done;
}

int CommandLineTool::print(const Invocation &invocation)
{
    allowOptions(invocation, {QStringLiteral("--pdf"), QStringLiteral("--size"),
                              QStringLiteral("--orders"), QStringLiteral("--status")});
    const QString what = invocation.words.value(1);
    if (invocation.words.size() != 2 || (what != u"labels" && what != u"slips"))
        usageError(QStringLiteral("print takes labels or slips"));
    const bool labels = what == u"labels";
    if (!invocation.has(QStringLiteral("--pdf")))
        usageError(QStringLiteral("print %1 needs --pdf FILE").arg(what));
    const bool byNumber = invocation.has(QStringLiteral("--orders"));
    if (byNumber == invocation.has(QStringLiteral("--status")))
        usageError(
            QStringLiteral("print %1 needs --orders NO,... or --status S (one of them)").arg(what));

    using Paper = ShopDocuments::Paper;
    const QList<std::pair<QString, Paper>> sizes = {
        {QStringLiteral("76x130"), Paper::Label76x130},
        {QStringLiteral("100x180"), Paper::Label100x180},
        {QStringLiteral("a4"), Paper::A4},
        {QStringLiteral("80mm"), Paper::Receipt80mm}};
    QString sizeName = invocation.option(QStringLiteral("--size")).toLower();
    if (sizeName.isEmpty())
        sizeName = labels ? QStringLiteral("100x180") : QStringLiteral("a4");
    std::optional<Paper> paper;
    for (const auto &[name, each] : sizes) {
        if (name == sizeName)
            paper = each;
    }
    if (!paper)
        usageError(QStringLiteral("--size is 76x130, 100x180, a4 or 80mm, not \"%1\"")
                       .arg(invocation.option(QStringLiteral("--size"))));
    std::optional<OrderStatus> status;
    if (!byNumber) {
        status = OrderStatuses::fromCode(invocation.option(QStringLiteral("--status")));
        if (!status) {
            QStringList codes;
            for (const OrderStatus each : OrderStatuses::all())
                codes.append(OrderStatuses::code(each));
            usageError(QStringLiteral("--status is one of %1, not \"%2\"")
                           .arg(codes.join(QStringLiteral(", ")),
                                invocation.option(QStringLiteral("--status"))));
        }
    }
    const QString file = invocation.option(QStringLiteral("--pdf"));

    const auto opened = openShop(invocation);
    ShopContext &shop = opened->context;
    // The orders, all known before anything is written.
    QList<qint64> ids;
    if (byNumber) {
        QStringList unknown;
        for (const QString &field : invocation.option(QStringLiteral("--orders")).split(u',')) {
            const QString number = field.trimmed();
            if (number.isEmpty())
                continue;
            if (const auto order = shop.orderRepository.findByNumber(number))
                ids.append(order->id);
            else
                unknown.append(number);
        }
        if (!unknown.isEmpty())
            throw InputError(QStringLiteral("--orders: there is no order %1; nothing was written")
                                 .arg(unknown.join(QStringLiteral(", "))));
        if (ids.isEmpty())
            throw InputError(QStringLiteral("--orders names no order; nothing was written"));
    } else {
        // By order number, as the Orders list sorts them.
        ListQuery query;
        query.filters.insert(QStringLiteral("status"), OrderStatuses::code(*status));
        query.sortColumn = 0;
        const std::unique_ptr<ListSource> list = shop.lists(ListKind::Orders);
        const qint64 count = list->count(query);
        for (const QVariantList &row : list->fetch(query, 0, int(count), count))
            ids.append(row.value(0).toLongLong());
        if (ids.isEmpty())
            throw InputError(QStringLiteral("no order is %1; nothing was written")
                                 .arg(OrderStatuses::code(*status)));
    }

    const auto progress = [this, total = ids.size()](qint64 done, qint64) {
        if (m_progressIsTerminal && (done % 50 == 0 || done == total)) {
            m_err << QStringLiteral("\rprint: %1 of %2 orders").arg(done).arg(total);
            m_err.flush();
        }
        return true;
    };
    opened->documents.writeOrdersPdf(labels ? ShopDocuments::OrderDocument::Label
                                            : ShopDocuments::OrderDocument::PackingSlip,
                                     ids, *paper, file, progress);
    if (m_progressIsTerminal)
        m_err << "\n";
    m_out << QStringLiteral("Wrote %1 %2 (%3) into %4.\n")
                 .arg(ids.size())
                 .arg(labels ? (ids.size() == 1 ? QStringLiteral("shipping label")
                                                : QStringLiteral("shipping labels"))
                             : (ids.size() == 1 ? QStringLiteral("packing slip")
                                                : QStringLiteral("packing slips")),
                      sizeName, file);
    return Done;
}

int CommandLineTool::importFile(const Invocation &invocation)
{
    if (invocation.words.value(1) == QStringLiteral("payments"))
        return importPayments(invocation);
    if (invocation.words.value(1) == QStringLiteral("shipments"))
        return importShipments(invocation);
    const bool orders = invocation.words.value(1) == QStringLiteral("orders");
    allowOptions(invocation,
                 orders ? QStringList{QStringLiteral("--platform"), QStringLiteral("--aliases")}
                        : QStringList{});
    if (invocation.words.size() != 3)
        usageError(QStringLiteral("import takes a KIND and a FILE"));
    ShopImporter::Kind kind;
    const QString kindName = invocation.words.at(1);
    if (!ShopImporter::parseKind(kindName, &kind))
        usageError(
            QStringLiteral(
                "import KIND is products, customers, orders, distributors, payments or shipments, "
                "not \"%1\"")
                .arg(kindName));
    const QString file = invocation.words.at(2);
    requireReadable(file);

    // Read as a stream: only its header for now.
    const std::unique_ptr<TableSource> source = openTableSource(file);
    if (orders) {
        const QString platform = invocation.option(QStringLiteral("--platform"));
        const bool automatic = platform.isEmpty() || platform == QStringLiteral("auto");
        if (!automatic && platform != QStringLiteral("microshop") && !Platforms::fromCode(platform))
            usageError(QStringLiteral("--platform is auto, microshop, youzan, weidian, taobao or "
                                      "pinduoduo, not \"%1\"")
                           .arg(platform));
        const bool ours = platform == QStringLiteral("microshop")
                          || (automatic && !PlatformImporter::detect(source->header())
                              && source->header().contains(QStringLiteral("order_no"),
                                                           Qt::CaseInsensitive));
        if (!ours)
            return importPlatformOrders(invocation, *source, Platforms::fromCode(platform));
        if (invocation.has(QStringLiteral("--aliases")))
            usageError(QStringLiteral("--aliases is for a platform's export, not MicroShop's own "
                                      "orders file"));
    }
    const auto opened = openShop(invocation);
    ShopImporter importer(opened->context);
    const ShopImporter::Report report = importer.import(kind, *source, file);
    if (!report.ok())
        return notImported(file, report.errors);
    m_out << QStringLiteral("Imported %1 row(s) of %2 from %3: %4 created, %5 updated.\n")
                 .arg(report.rows)
                 .arg(kindName, file)
                 .arg(report.created)
                 .arg(report.updated);
    return Done;
}

int CommandLineTool::importPlatformOrders(const Invocation &invocation, TableSource &source,
                                          std::optional<Platform> platform)
{
    const QString file = invocation.words.at(2);
    const auto opened = openShop(invocation);
    PlatformImporter importer(opened->context);
    QStringList errors;
    if (invocation.has(QStringLiteral("--aliases"))) {
        const QString aliasesFile = invocation.option(QStringLiteral("--aliases"));
        requireReadable(aliasesFile);
        importer.addAliases(importer.readAliases(readTableFile(aliasesFile), aliasesFile, errors));
    }
    PlatformImporter::Report report;
    if (errors.isEmpty()) {
        report = importer.import(source, file, platform);
        errors = report.errors;
    }
    if (!errors.isEmpty())
        return notImported(file, errors);
    for (const QString &note : std::as_const(report.notes))
        m_err << note << "\n";
    printTable({QStringLiteral("created"), QStringLiteral("updated"), QStringLiteral("unchanged")},
               {{QString::number(report.created), QString::number(report.updated),
                 QString::number(report.unchanged)}},
               invocation.format);
    return Done;
}

int CommandLineTool::importPayments(const Invocation &invocation)
{
    allowOptions(invocation, {QStringLiteral("--source")});
    if (invocation.words.size() != 3)
        usageError(QStringLiteral("import payments takes a FILE"));
    std::optional<BillSource> source;
    if (invocation.has(QStringLiteral("--source"))) {
        source = BillCodes::sourceFromCode(invocation.option(QStringLiteral("--source")));
        if (!source)
            usageError(QStringLiteral("--source is wechat or wechat-personal, not \"%1\"")
                           .arg(invocation.option(QStringLiteral("--source"))));
    }
    const QString file = invocation.words.at(2);
    requireReadable(file);
    const TableFile table = readTableFile(file);
    const auto opened = openShop(invocation);
    PaymentImporter importer(opened->context);
    const PaymentImporter::Report report = importer.import(table, file, source);
    if (!report.ok())
        return notImported(file, report.errors);
    const PaymentReconciler::Counts &counts = report.counts;
    printTable({QStringLiteral("matched"), QStringLiteral("applied"), QStringLiteral("mismatched"),
                QStringLiteral("unknown")},
               {{QString::number(counts.matched), QString::number(counts.applied),
                 QString::number(counts.mismatched), QString::number(counts.unknown)}},
               invocation.format);
    return Done;
}

int CommandLineTool::importShipments(const Invocation &invocation)
{
    allowOptions(invocation, {});
    if (invocation.words.size() != 3)
        usageError(QStringLiteral("import shipments takes a FILE"));
    const QString file = invocation.words.at(2);
    requireReadable(file);
    const auto opened = openShop(invocation);
    ShipmentImporter importer(opened->context);
    const ShipmentImporter::Report report = importer.importFile(file);
    if (!report.ok())
        return notImported(file, report.errors);
    printTable({QStringLiteral("shipped")}, {{QString::number(report.shipped)}}, invocation.format);
    return Done;
}

// An input file that is not there or cannot be read: bad input (exit 1), before anything opens.
void CommandLineTool::requireReadable(const QString &file)
{
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable())
        throw InputError(QStringLiteral("Cannot read %1: %2")
                             .arg(file, info.exists() ? QStringLiteral("it is not a readable file")
                                                      : QStringLiteral("there is no such file")));
}

// An import refused: its problems, then the line that says nothing was changed.
int CommandLineTool::notImported(const QString &file, const QStringList &errors)
{
    for (const QString &error : errors)
        m_err << error << "\n";
    m_err << QStringLiteral("microshop-cli: %1 was not imported: %2 problem(s) above; nothing was "
                            "changed.\n")
                 .arg(file)
                 .arg(errors.size());
    return BadInput;
}

int CommandLineTool::exportFile(const Invocation &invocation)
{
    allowOptions(invocation, {});
    if (invocation.words.size() != 3)
        usageError(QStringLiteral("export takes a KIND and a FILE (- for standard output)"));
    const QString kindName = invocation.words.at(1);
    const auto kind = ExportSource::kindOf(kindName);
    if (!kind)
        usageError(
            QStringLiteral(
                "export KIND is products, customers, orders, stock, distributors, commissions, "
                "payouts or shipping, not \"%1\"")
                .arg(kindName));
    const auto opened = openShop(invocation);
    ShopExporter exporter(opened->services.exports);
    const QString file = invocation.words.at(2);
    if (file == u"-") {
        m_out.flush();
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            throw InputError(QStringLiteral("Cannot write to standard output."));
        exporter.exportTo(*kind, &standardOutput, false);
        return Done;
    }
    const qint64 rows = exporter.exportToFile(*kind, file);
    m_out << QStringLiteral("Exported %1 row(s) of %2 to %3.\n").arg(rows).arg(kindName, file);
    return Done;
}

int CommandLineTool::demo(const Invocation &invocation)
{
    if (invocation.words.size() != 1)
        usageError(QStringLiteral("demo takes no arguments, only options"));
    const QStringList counts = {QStringLiteral("--products"), QStringLiteral("--customers"),
                                QStringLiteral("--distributors"), QStringLiteral("--orders")};
    allowOptions(invocation,
                 counts + QStringList{QStringLiteral("--seed"), QStringLiteral("--scale")});
    auto number = [&](const QString &name, qint64 fallback, qint64 maximum) -> qint64 {
        if (!invocation.has(name))
            return fallback;
        bool ok = false;
        const qint64 value = invocation.option(name).toLongLong(&ok);
        if (!ok || value < 0 || value > maximum)
            throw InputError(QStringLiteral("%1 must be a whole number from 0 to %2, not \"%3\"")
                                 .arg(name)
                                 .arg(maximum)
                                 .arg(invocation.option(name)));
        return value;
    };
    // --scale: spec/product.md's shop (or the counts given), written in bulk into SQLite.
    const bool scale = invocation.has(QStringLiteral("--scale"));
    DemoGenerator::Size size = scale ? ScaleDemoGenerator::productScale : DemoGenerator::Size();
    size.products = int(number(counts.at(0), size.products, 1000000));
    size.customers = int(number(counts.at(1), size.customers, 10000000));
    size.distributors = int(number(counts.at(2), size.distributors, 10000000));
    size.orders = int(number(counts.at(3), size.orders, 100000000));
    const auto seed = quint32(number(QStringLiteral("--seed"), 1, 4294967295LL));

    const auto opened = openShop(invocation);
    ShopServices &shop = opened->services;
    // A large shop on SQLite is written in bulk, asked or not; the bulk shop is the simpler one
    // (no refunds, payouts or restocks), which stderr says.
    const bool bulk = scale
                      || (shop.database.isSqlite()
                          && size.orders >= ScaleDemoGenerator::bulkFromOrders);
    if (bulk && !scale)
        m_err << QStringLiteral("demo: %1 orders or more are written in bulk, as with --scale "
                                "(no refunds, payouts or restocks); fewer orders make the full "
                                "demo through the services.\n")
                     .arg(ScaleDemoGenerator::bulkFromOrders);
    QElapsedTimer clock;
    clock.start();
    const auto progress = [this, &clock, bulk](qint64 done, qint64 total) {
        if (!m_progressIsTerminal)
            return;
        if (bulk)
            m_err << QStringLiteral("\rdemo: %1 of %2 orders, %3 s")
                         .arg(done)
                         .arg(total)
                         .arg(clock.elapsed() / 1000);
        else
            m_err << QStringLiteral("\rdemo: %1 of %2 records").arg(done).arg(total);
        m_err.flush();
    };
    if (bulk)
        ScaleDemoGenerator(shop, size, seed, Dates::now()).run(progress);
    else
        DemoGenerator(shop, size, seed, Dates::now()).run(progress);
    if (m_progressIsTerminal)
        m_err << "\n";
    m_out << QStringLiteral("Demo shop made with seed %1: %2 products, %3 customers, %4 "
                            "distributors, %5 orders.\n")
                 .arg(seed)
                 .arg(size.products)
                 .arg(size.customers)
                 .arg(size.distributors)
                 .arg(size.orders);
    return Done;
}

int CommandLineTool::order(const Invocation &invocation)
{
    const QStringList &words = invocation.words;
    const QString move = words.value(1);
    const QString orderNo = words.value(2);
    if (words.size() != 3)
        usageError(QStringLiteral("order needs a move and an order number, e.g. order pay SO-1"));
    const QString date = QStringLiteral("--date");
    if (move == u"pay")
        allowOptions(invocation, {date, QStringLiteral("--method")});
    else if (move == u"ship")
        allowOptions(invocation, {date, QStringLiteral("--courier"), QStringLiteral("--tracking")});
    else if (move == u"complete" || move == u"cancel")
        allowOptions(invocation, {date});
    else if (move == u"refund")
        allowOptions(invocation, {date, QStringLiteral("--lines"), QStringLiteral("--restock"),
                                  QStringLiteral("--shipping")});
    else
        usageError(QStringLiteral("order moves are pay, ship, complete, cancel and refund, not "
                                  "\"%1\"")
                       .arg(move));
    if (move == u"ship"
        && (!invocation.has(QStringLiteral("--courier"))
            || !invocation.has(QStringLiteral("--tracking"))))
        usageError(QStringLiteral("order ship needs --courier and --tracking"));
    const std::optional<QDateTime> given = dateOption(invocation, date); // before opening

    const auto opened = openShop(invocation);
    ShopServices &shop = opened->services;
    const QDateTime at = given.value_or(Dates::now()); // now in the shop's zone, once it is open
    OrderWorkflow &workflow = shop.workflow;
    Order result;
    if (move == u"pay") {
        PaymentMethod method = PaymentMethod::WeChat;
        if (invocation.has(QStringLiteral("--method"))) {
            const auto chosen = PaymentMethods::fromCode(
                invocation.option(QStringLiteral("--method")));
            if (!chosen)
                throw InputError(QStringLiteral("--method must be wechat, alipay, bank, cash or "
                                                "other, not \"%1\"")
                                     .arg(invocation.option(QStringLiteral("--method"))));
            method = *chosen;
        }
        result = workflow.pay(orderNo, at, method);
    } else if (move == u"ship") {
        result = workflow.ship(orderNo, invocation.option(QStringLiteral("--courier")),
                               invocation.option(QStringLiteral("--tracking")), at);
    } else if (move == u"complete") {
        result = workflow.complete(orderNo, at);
    } else if (move == u"cancel") {
        result = workflow.cancel(orderNo, at);
    } else {
        RefundRequest request;
        request.at = at;
        request.restock = invocation.has(QStringLiteral("--restock"));
        request.refundShipping = invocation.has(QStringLiteral("--shipping"));
        if (invocation.has(QStringLiteral("--lines")))
            request.lines = refundLines(workflow.orderByNumber(orderNo),
                                        invocation.option(QStringLiteral("--lines")));
        result = workflow.refund(orderNo, request);
    }
    m_out << QStringLiteral("Order %1 is %2 (total %3, refunded %4).\n")
                 .arg(result.orderNo, OrderStatuses::code(result.status), result.total().toString(),
                      result.refundedTotal.toString());
    return Done;
}

int CommandLineTool::payment(const Invocation &invocation)
{
    allowOptions(invocation, {});
    const QStringList &words = invocation.words;
    if (words.value(1) != u"confirm" || words.size() != 4)
        usageError(QStringLiteral("payment confirm takes the income's BILL_NO and an ORDER_NO, "
                                  "e.g. payment confirm 1000050001202603030123456789 SO-6"));
    const auto opened = openShop(invocation);
    const Order paid = opened->services.payments.confirmCandidate(words.at(2), words.at(3));
    m_out << QStringLiteral("Order %1 is %2 (paid %3 by wechat at %4).\n")
                 .arg(paid.orderNo, OrderStatuses::code(paid.status), paid.total().toString(),
                      Dates::toText(paid.paidAt.value_or(QDateTime())));
    return Done;
}

QList<RefundRequest::Line> CommandLineTool::refundLines(const Order &order, const QString &text)
{
    // SKU:QTY,...: the units of a SKU are taken from its lines in order, as far as they go.
    QHash<qint64, qint64> left;
    for (const OrderLine &line : order.lines)
        left.insert(line.id, line.remainingQuantity());
    QList<RefundRequest::Line> lines;
    const QStringList items = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const qsizetype colon = item.lastIndexOf(u':');
        bool ok = false;
        const qint64 quantity = colon > 0 ? item.mid(colon + 1).toLongLong(&ok) : 0;
        if (colon <= 0 || !ok || quantity <= 0)
            throw InputError(
                QStringLiteral("--lines: \"%1\" is not SKU:QUANTITY with a quantity of "
                               "at least 1")
                    .arg(item));
        const QString sku = item.left(colon);
        qint64 wanted = quantity;
        bool found = false;
        for (const OrderLine &line : order.lines) {
            if (line.sku != sku)
                continue;
            found = true;
            const qint64 taken = qMin(wanted, left.value(line.id));
            if (taken > 0) {
                lines.append({line.id, taken});
                left[line.id] -= taken;
                wanted -= taken;
            }
        }
        if (!found)
            throw InputError(
                QStringLiteral("--lines: order %1 has no line of %2").arg(order.orderNo, sku));
        if (wanted > 0)
            throw InputError(QStringLiteral("--lines: order %1 has only %2 unit(s) of %3 left to "
                                            "refund, not %4")
                                 .arg(order.orderNo)
                                 .arg(quantity - wanted)
                                 .arg(sku)
                                 .arg(quantity));
    }
    return lines;
}

// Needs no database: the regions are compiled in. A row with a field it could not read is still
// printed, and the missing fields are named on stderr with exit status 1 (bad input).
int CommandLineTool::address(const Invocation &invocation)
{
    allowOptions(invocation, {});
    if (invocation.words.value(1) != u"parse")
        usageError(QStringLiteral("address needs parse TEXT"));
    const QString text = invocation.words.mid(2).join(u' ');
    if (text.trimmed().isEmpty())
        usageError(QStringLiteral("address parse takes the TEXT of an address (quote it)"));
    const ParsedAddress parsed = AddressParser().parse(text);
    printTable(AddressParser::fields(),
               {{parsed.receiver, parsed.phone, parsed.province, parsed.city, parsed.district,
                 parsed.detail}},
               invocation.format);
    if (parsed.isComplete())
        return Done;
    m_err << "microshop-cli: address parse: the text has no recognisable "
          << parsed.missing.join(QStringLiteral(", ")) << "; the row holds what could be read\n";
    return BadInput;
}

void CommandLineTool::printTable(const QStringList &columns, const QList<QStringList> &rows,
                                 TableOutput::Format format)
{
    m_out << TableOutput::render(columns, rows, format);
}

} // namespace MicroShop
