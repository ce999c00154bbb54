// microshop-cli: the headless companion of the desktop app (spec/cli.md).
#include "CommandLineTool.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

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
    // Printed documents need fonts, hence a QGuiApplication; with no display by default, so
    // that a statement can be written by a scheduled job on a server.
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> application;
    if (MicroShop::CommandLineTool::needsGuiApplication(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
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
