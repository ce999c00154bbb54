#include "PrintPreview.h"

#include "Dates.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>
#include <QTextDocument>
#include <QToolBar>

namespace MicroShop {

void PrintPreview::show(QWidget *parent, QTextDocument &document, ShopDocuments::Paper paper,
                        const QString &title, const QString &fileName)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(ShopDocuments::pageLayout(paper));
    printer.setDocName(title);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setObjectName(QStringLiteral("printPreview"));
    preview.setWindowTitle(tr("Print preview: %1").arg(title));
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
                     [&document](QPrinter *device) { ShopDocuments::print(document, *device); });
    // Save PDF beside Print, on the preview's own toolbar.
    if (auto *toolBar = preview.findChild<QToolBar *>()) {
        auto *save = toolBar->addAction(tr("Save PDF…"));
        save->setObjectName(QStringLiteral("savePdfAction"));
        QObject::connect(save, &QAction::triggered, &preview,
                         [&] { savePdf(&preview, document, paper, fileName); });
    }
    preview.resize(paper == ShopDocuments::Paper::A4 ? 900 : 600, 1000);
    preview.exec();
}

bool PrintPreview::savePdf(QWidget *parent, QTextDocument &document, ShopDocuments::Paper paper,
                           const QString &fileName)
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(QString(fileName).replace(u'/', u'-') + QStringLiteral(".pdf"));
    const QString file = QFileDialog::getSaveFileName(parent, tr("Save as PDF"), suggested,
                                                      tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return false;
    QString error;
    if (ShopDocuments::writePdf(document, paper, file, &error))
        return true;
    QMessageBox::warning(parent, tr("Save as PDF"), error);
    return false;
}

} // namespace MicroShop
