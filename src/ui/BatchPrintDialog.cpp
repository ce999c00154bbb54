#include "BatchPrintDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

using Document = ShopDocuments::OrderDocument;
using Paper = ShopDocuments::Paper;

const char *const documentKey = "batchPrint/document";
const char *const slipPaperKey = "batchPrint/slipPaper";
const char *const labelPaperKey = "batchPrint/labelPaper";

} // namespace

BatchPrintDialog::BatchPrintDialog(const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_document(new QComboBox(this))
    , m_paper(new QComboBox(this))
{
    setObjectName(QStringLiteral("batchPrintDialog"));
    setWindowTitle(tr("Print the selected orders"));
    m_document->setObjectName(QStringLiteral("documentCombo"));
    m_paper->setObjectName(QStringLiteral("paperCombo"));
    m_document->addItem(tr("Shipping labels"), int(Document::Label));
    m_document->addItem(tr("Packing slips"), int(Document::PackingSlip));
    const QSettings settings;
    m_document->setCurrentIndex(
        qMax(0, m_document->findData(settings.value(QLatin1String(documentKey)).toInt())));
    fillPapers();
    connect(m_document, &QComboBox::currentIndexChanged, this, &BatchPrintDialog::fillPapers);

    auto *intro = new QLabel(tr("One page for each of %1, in the order of the list.").arg(what),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Document:"), m_document);
    form->addRow(tr("P&aper:"), m_paper);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *preview = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::AcceptRole);
    preview->setObjectName(QStringLiteral("previewButton"));
    connect(preview, &QPushButton::clicked, this, [this] { finish(Destination::Preview); });
    QPushButton *print = buttons->addButton(tr("&Print…"), QDialogButtonBox::AcceptRole);
    print->setObjectName(QStringLiteral("printButton"));
    QPushButton *pdf = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::AcceptRole);
    pdf->setObjectName(QStringLiteral("pdfButton"));
    pdf->setDefault(true);
    connect(print, &QPushButton::clicked, this, [this] { finish(Destination::Printer); });
    connect(pdf, &QPushButton::clicked, this, [this] { finish(Destination::Pdf); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void BatchPrintDialog::fillPapers()
{
    const bool labels = document() == Document::Label;
    const QSettings settings;
    const int last = settings
                         .value(QLatin1String(labels ? labelPaperKey : slipPaperKey),
                                int(labels ? Paper::Label100x180 : Paper::A4))
                         .toInt();
    m_paper->clear();
    if (labels) {
        m_paper->addItem(tr("Label 100 × 180 mm"), int(Paper::Label100x180));
        m_paper->addItem(tr("Label 76 × 130 mm"), int(Paper::Label76x130));
    } else {
        m_paper->addItem(tr("A4"), int(Paper::A4));
        m_paper->addItem(tr("Receipt 80 mm"), int(Paper::Receipt80mm));
    }
    m_paper->setCurrentIndex(qMax(0, m_paper->findData(last)));
}

ShopDocuments::OrderDocument BatchPrintDialog::document() const
{
    return Document(m_document->currentData().toInt());
}

ShopDocuments::Paper BatchPrintDialog::paper() const
{
    return Paper(m_paper->currentData().toInt());
}

void BatchPrintDialog::finish(Destination destination)
{
    m_destination = destination;
    QSettings settings;
    settings.setValue(QLatin1String(documentKey), int(document()));
    settings.setValue(QLatin1String(document() == Document::Label ? labelPaperKey : slipPaperKey),
                      int(paper()));
    accept();
}

} // namespace MicroShop
