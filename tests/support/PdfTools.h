#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace MicroShop::Testing {

// What poppler's tools (pdftotext, pdfinfo, pdfimages, pdftoppm) print of a PDF, as the tests of
// printed documents read them back; a tool that fails gives "(TOOL failed: its error)".
inline QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QStringLiteral("(%1 failed: %2)")
            .arg(program, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The text of one page (0: all) with its spacing simplified, and nothing else: the characters
// as printed (tst_document_text).
inline QString pdfText(const QString &file, int page = 0)
{
    QStringList arguments = {QStringLiteral("-layout")};
    if (page > 0)
        arguments += {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                      QString::number(page)};
    return run(QStringLiteral("pdftotext"), arguments + QStringList{file, QStringLiteral("-")})
        .simplified();
}

inline int pdfPages(const QString &file)
{
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                                              .match(run(QStringLiteral("pdfinfo"), {file}));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace MicroShop::Testing
