#include "PrintPreview.h"

#include "Dates.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTextDocument>
#include <QToolBar>

#include <functional>
#include <memory>

namespace MicroShop {

namespace {

// From this many orders on, painting them shows a progress dialog.
constexpr int ordersShownWithProgress = 20;

QString suggestedPdf(const QString &fileName)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QString(fileName).replace(u'/', u'-') + QStringLiteral(".pdf"));
}

// A progress dialog over long painting, when there is much to paint; its callback answers false
// once Cancel is pressed (and calls onCancel first).
class PaintingProgress final
{
public:
    PaintingProgress(QWidget *parent, const QString &text, qint64 orders)
    {
        if (orders < ordersShownWithProgress)
            return;
        m_dialog = std::make_unique<QProgressDialog>(text, PrintPreview::tr("Cancel"), 0,
                                                     int(orders), parent);
        m_dialog->setObjectName(QStringLiteral("printProgress"));
        m_dialog->setWindowModality(Qt::WindowModal);
        m_dialog->setMinimumDuration(300);
    }

    ProgressCallback callback(const std::function<void()> &onCancel = {})
    {
        return [this, onCancel](qint64 done, qint64) {
            if (!m_dialog)
                return true;
            m_dialog->setValue(int(done));
            QCoreApplication::processEvents();
            if (m_dialog->wasCanceled()) {
                if (onCancel)
                    onCancel();
                return false;
            }
            return true;
        };
    }

private:
    std::unique_ptr<QProgressDialog> m_dialog;
};

} // namespace

void PrintPreview::runPreview(QWidget *parent, ShopDocuments::Paper paper, const QString &title,
                              const std::function<void(QPrinter *, QWidget *)> &paint,
                              const std::function<void(QWidget *)> &save)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(ShopDocuments::pageLayout(paper));
    printer.setDocName(title);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setObjectName(QStringLiteral("printPreview"));
    preview.setWindowTitle(tr("Print preview: %1").arg(title));
    // Painted for the preview, and again for the printer when Print is pressed.
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview,
                     [&](QPrinter *device) { paint(device, &preview); });
    // Save PDF beside Print, on the preview's own toolbar.
    if (auto *toolBar = preview.findChild<QToolBar *>()) {
        auto *action = toolBar->addAction(tr("Save PDF…"));
        action->setObjectName(QStringLiteral("savePdfAction"));
        QObject::connect(action, &QAction::triggered, &preview, [&] { save(&preview); });
    }
    preview.resize(paper == ShopDocuments::Paper::A4 ? 900 : 600, 1000);
    preview.exec();
}

void PrintPreview::show(QWidget *parent, QTextDocument &document, ShopDocuments::Paper paper,
                        const QString &title, const QString &fileName)
{
    runPreview(
        parent, paper, title,
        [&document](QPrinter *device, QWidget *) { ShopDocuments::print(document, *device); },
        [&](QWidget *preview) { savePdf(preview, document, paper, fileName); });
}

bool PrintPreview::savePdf(QWidget *parent, QTextDocument &document, ShopDocuments::Paper paper,
                           const QString &fileName)
{
    const QString file = QFileDialog::getSaveFileName(
        parent, tr("Save as PDF"), suggestedPdf(fileName), tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return false;
    QString error;
    if (ShopDocuments::writePdf(document, paper, file, &error))
        return true;
    QMessageBox::warning(parent, tr("Save as PDF"), error);
    return false;
}

void PrintPreview::showOrders(QWidget *parent, ShopDocuments &documents,
                              ShopDocuments::OrderDocument kind, const QList<qint64> &orderIds,
                              ShopDocuments::Paper paper, const QString &title,
                              const QString &fileName)
{
    runPreview(
        parent, paper, title,
        [&](QPrinter *device, QWidget *preview) {
            PaintingProgress progress(preview, tr("Preparing %1…").arg(title), orderIds.size());
            try {
                documents.printOrders(kind, orderIds, paper, *device, progress.callback([device] {
                    device->abort(); // not sent half
                }));
            } catch (const Cancelled &) {
                // The preview shows the pages painted so far; a print was aborted.
            } catch (const Error &error) {
                QMessageBox::warning(preview, title, error.message());
            }
        },
        [&](QWidget *preview) {
            saveOrdersPdf(preview, documents, kind, orderIds, paper, fileName);
        });
}

bool PrintPreview::saveOrdersPdf(QWidget *parent, ShopDocuments &documents,
                                 ShopDocuments::OrderDocument kind, const QList<qint64> &orderIds,
                                 ShopDocuments::Paper paper, const QString &fileName)
{
    const QString file = QFileDialog::getSaveFileName(
        parent, tr("Save as PDF"), suggestedPdf(fileName), tr("PDF files (*.pdf)"));
    if (file.isEmpty())
        return false;
    PaintingProgress progress(parent, tr("Writing %1…").arg(QDir::toNativeSeparators(file)),
                              orderIds.size());
    try {
        documents.writeOrdersPdf(kind, orderIds, paper, file, progress.callback());
        return true;
    } catch (const Cancelled &) {
        return false;
    } catch (const Error &error) {
        QMessageBox::warning(parent, tr("Save as PDF"), error.message());
        return false;
    }
}

} // namespace MicroShop
