#include "ReportChart.h"

#include <QDir>
#include <QLabel>
#include <QPluginLoader>

namespace MicroShop {

namespace {

struct Module
{
    ReportChartModule *module = nullptr; // the plugin's instance, kept loaded until exit
    QString file;
    QString why;
};

// Where the module is looked for, first found first: beside the program (Windows); where the
// installed layout puts it from the program's folder (MICROSHOP_MODULE_DIR: ../lib/microshop on
// Linux, ../PlugIns in a macOS bundle); the build tree's module folder (programs and tests run
// from the build tree).
QStringList folders()
{
    const QDir program(QCoreApplication::applicationDirPath());
    return {program.path(), QDir::cleanPath(program.filePath(QStringLiteral(MICROSHOP_MODULE_DIR))),
            QStringLiteral(MICROSHOP_BUILD_MODULE_DIR)};
}

// Loaded on the first use, once (the UI thread's: views and pictures are drawn there).
const Module &module()
{
    static const Module loaded = [] {
        Module found;
        QStringList tried;
        for (const QString &folder : folders()) {
            QPluginLoader loader(QDir(folder).filePath(QStringLiteral("microshop_charts")));
            QObject *instance = loader.instance();
            if (auto *module = qobject_cast<ReportChartModule *>(instance)) {
                found.module = module;
                found.file = loader.fileName();
                return found;
            }
            tried.append(QStringLiteral("%1 (%2)").arg(QDir::toNativeSeparators(folder),
                                                       loader.errorString()));
        }
        found.why = ReportChart::tr("MicroShop's charts module (microshop_charts) was not found "
                                    "or cannot be loaded: %1. Reinstall MicroShop.")
                        .arg(tried.join(QStringLiteral("; ")));
        return found;
    }();
    return loaded;
}

} // namespace

QWidget *ReportChart::newView(QWidget *parent)
{
    if (ReportChartModule *charts = module().module)
        return charts->newView(parent);
    auto *label = new QLabel(why(), parent);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void ReportChart::show(QWidget *view, const Drawing &drawing)
{
    if (ReportChartModule *charts = module().module)
        charts->show(view, drawing);
}

QImage ReportChart::render(const Drawing &drawing, QSize size)
{
    if (ReportChartModule *charts = module().module)
        return charts->render(drawing, size);
    return {};
}

QString ReportChart::moduleFile()
{
    return module().file;
}

QString ReportChart::why()
{
    return module().why;
}

} // namespace MicroShop
