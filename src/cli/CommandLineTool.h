#pragma once

#include "OrderWorkflow.h"
#include "Platform.h"
#include "ReportCatalog.h"
#include "TableOutput.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>

namespace MicroShop {

class Database;
class TableSource;
struct TableFile;
class Shop;

// microshop-cli: parses spec/cli.md's command line, runs the command through the same services
// as the desktop app, and maps the outcome to its exit status.
class CommandLineTool final
{
public:
    enum ExitStatus { Done = 0, BadInput = 1, UsageError = 2, DatabaseUnusable = 3 };

    // outputIsTerminal picks the default format; progressIsTerminal shows progress on stderr.
    CommandLineTool(QTextStream &out, QTextStream &err, bool outputIsTerminal,
                    bool progressIsTerminal = false);

    int run(const QStringList &arguments); // arguments without the program name

    // Whether the command needs a QGuiApplication (fonts, PDF): `report statement` and `print`.
    static bool needsGuiApplication(const QStringList &arguments);

private:
    struct Invocation
    {
        QString databaseOption;
        TableOutput::Format format = TableOutput::Format::Table;
        QStringList words;              // the command and its positional arguments
        QMap<QString, QString> options; // the command's own options ("--date" -> "2026-03-01")
        bool help = false;
        bool version = false;

        bool has(const QString &option) const { return options.contains(option); }
        QString option(const QString &name) const { return options.value(name); }
    };

    struct Command;
    static const QList<Command> &commands();
    static const Command *command(const QString &name); // or nullptr
    static bool takesValue(const QString &option);      // "--date D"
    static bool isFlag(const QString &option);          // "--restock"
    // The option is common to every command, or some command's of that kind (value or flag).
    static bool isOption(const QString &option, QStringList Command::*kind,
                         const QStringList &common);
    static QString usage();

    int dispatch(const Invocation &invocation);
    std::unique_ptr<Database> openDatabase(const Invocation &invocation, bool createOrUpgrade);
    std::unique_ptr<Shop> openShop(const Invocation &invocation); // an existing, current one

    int init(const Invocation &invocation);
    int config(const Invocation &invocation);
    int backup(const Invocation &invocation);
    int restore(const Invocation &invocation);
    int check(const Invocation &invocation);
    int copy(const Invocation &invocation);  // copy --to LOCATION
    int audit(const Invocation &invocation); // audit [--from D] [--to D] [--user U] [--kind K]
    int order(const Invocation &invocation);
    int payment(const Invocation &invocation); // payment confirm BILL_NO ORDER_NO
    int address(const Invocation &invocation); // address parse TEXT
    int user(const Invocation &invocation);    // user add|role|remove|list (team server)
    int demo(const Invocation &invocation);
    int importFile(const Invocation &invocation);
    static void requireReadable(const QString &file);
    int notImported(const QString &file, const QStringList &errors);
    int importPlatformOrders(const Invocation &invocation, TableSource &source,
                             std::optional<Platform> platform);
    int importPayments(const Invocation &invocation);
    int importShipments(const Invocation &invocation);
    int distributor(const Invocation &invocation);
    int settle(const Invocation &invocation);
    int report(const Invocation &invocation);
    int statement(const Invocation &invocation);
    // The report's request from the options; a bad value is an InputError.
    ReportRequest reportRequest(const Invocation &invocation);
    QDate dayOption(const Invocation &invocation, const QString &name);
    int exportFile(const Invocation &invocation);
    int print(const Invocation &invocation); // print labels|slips: one PDF of many orders

    void printTable(const QStringList &columns, const QList<QStringList> &rows,
                    TableOutput::Format format);
    [[noreturn]] void usageError(const QString &message);
    // Refuses (usage error) any option of the invocation that the command does not take.
    void allowOptions(const Invocation &invocation, const QStringList &allowed);
    // The option's date and time, or nullopt when it is not given; a bad one is an InputError.
    std::optional<QDateTime> dateOption(const Invocation &invocation, const QString &name);
    static QList<RefundRequest::Line> refundLines(const Order &order, const QString &text);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_outputIsTerminal;
    bool m_progressIsTerminal;
};

} // namespace MicroShop
