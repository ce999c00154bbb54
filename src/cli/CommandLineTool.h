#pragma once

#include "TableOutput.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace MicroShop {

class Database;

// microshop-cli: parses spec/cli.md's command line, runs the command through the same services
// as the desktop app, and maps the outcome to its exit status.
class CommandLineTool final
{
public:
    enum ExitStatus { Done = 0, BadInput = 1, UsageError = 2, DatabaseUnusable = 3 };

    CommandLineTool(QTextStream &out, QTextStream &err, bool outputIsTerminal);

    int run(const QStringList &arguments); // arguments without the program name

private:
    struct Invocation
    {
        QString databaseOption;
        TableOutput::Format format = TableOutput::Format::Table;
        QStringList words; // the command and its positional arguments
        bool help = false;
        bool version = false;
    };

    int dispatch(const Invocation &invocation);
    std::unique_ptr<Database> openDatabase(const Invocation &invocation, bool createOrUpgrade);

    int init(const Invocation &invocation);
    int config(const Invocation &invocation);
    int backup(const Invocation &invocation);
    int restore(const Invocation &invocation);
    int check(const Invocation &invocation);

    void printTable(const QStringList &columns, const QList<QStringList> &rows,
                    TableOutput::Format format);
    [[noreturn]] void usageError(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_outputIsTerminal;
};

} // namespace MicroShop
