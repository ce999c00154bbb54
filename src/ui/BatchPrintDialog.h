#pragma once

#include "ShopDocuments.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace MicroShop {

// What to print for a selection of orders: packing slips or shipping labels, on which paper, to
// a printer or into a PDF file. The last choice is offered again next time.
class BatchPrintDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Destination { Preview, Printer, Pdf };

    // what: the selection in words ("37 selected orders").
    BatchPrintDialog(const QString &what, QWidget *parent = nullptr);

    ShopDocuments::OrderDocument document() const;
    ShopDocuments::Paper paper() const;
    Destination destination() const { return m_destination; }

private:
    void fillPapers();
    void finish(Destination destination);

    QComboBox *m_document;
    QComboBox *m_paper;
    Destination m_destination = Destination::Pdf;
};

} // namespace MicroShop
