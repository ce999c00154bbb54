#pragma once

#include "ShopDocuments.h"

#include <QCoreApplication>

#include <functional>

class QPrinter;
class QTextDocument;
class QWidget;

namespace MicroShop {

// Shows a printed document as it will come out of the printer (Qt's print preview), on the
// document's paper, with Save PDF beside Print; and saves documents as PDF files.
class PrintPreview final
{
    Q_DECLARE_TR_FUNCTIONS(PrintPreview)

public:
    // fileName: the name offered when saving as PDF, without folder or ".pdf".
    static void show(QWidget *parent, QTextDocument &document, ShopDocuments::Paper paper,
                     const QString &title, const QString &fileName);
    // Asks where, then writes; false (after saying why) when it could not.
    static bool savePdf(QWidget *parent, QTextDocument &document, ShopDocuments::Paper paper,
                        const QString &fileName);

    // The packing slips or shipping labels of several orders (ShopDocuments::printOrders), in
    // the list's order, in one preview with Print and Save PDF; a progress dialog with Cancel
    // while many pages are painted (a cancelled print is aborted, not half sent).
    static void showOrders(QWidget *parent, ShopDocuments &documents,
                           ShopDocuments::OrderDocument kind, const QList<qint64> &orderIds,
                           ShopDocuments::Paper paper, const QString &title,
                           const QString &fileName);
    // Asks where, then writes them as one PDF; false (after saying why) when it could not or
    // was cancelled.
    static bool saveOrdersPdf(QWidget *parent, ShopDocuments &documents,
                              ShopDocuments::OrderDocument kind, const QList<qint64> &orderIds,
                              ShopDocuments::Paper paper, const QString &fileName);

private:
    // Qt's print preview on the paper: paint(device, preview) paints the pages (for the preview,
    // and again for the printer on Print); Save PDF on its toolbar calls save(preview).
    static void runPreview(QWidget *parent, ShopDocuments::Paper paper, const QString &title,
                           const std::function<void(QPrinter *, QWidget *)> &paint,
                           const std::function<void(QWidget *)> &save);
};

} // namespace MicroShop
