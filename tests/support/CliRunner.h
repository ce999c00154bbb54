#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace MicroShop::Testing {

// Runs the built microshop-cli as a script would, and keeps what it said.
struct CliResult
{
    int status = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, const QProcessEnvironment &environment = {});

} // namespace MicroShop::Testing
