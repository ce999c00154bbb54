// microshop-cli: the headless companion of the desktop app (spec/cli.md).
#include "CommandLineTool.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define MICROSHOP_ISATTY _isatty
#define MICROSHOP_FILENO _fileno
#else
#include <unistd.h>
#define MICROSHOP_ISATTY isatty
#define MICROSHOP_FILENO fileno
#endif

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("MicroShop"));
    QCoreApplication::setApplicationName(QStringLiteral("MicroShop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MICROSHOP_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool terminal = MICROSHOP_ISATTY(MICROSHOP_FILENO(stdout)) != 0;
    const bool progress = MICROSHOP_ISATTY(MICROSHOP_FILENO(stderr)) != 0;
    MicroShop::CommandLineTool tool(out, err, terminal, progress);
    const int status = tool.run(QCoreApplication::arguments().mid(1));
    out.flush();
    err.flush();
    return status;
}
