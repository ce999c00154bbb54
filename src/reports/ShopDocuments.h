#pragma once

#include "ReportTable.h"

#include <QCoreApplication>
#include <QDate>
#include <QFont>
#include <QImage>
#include <QPageLayout>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace MicroShop {

struct Order;
struct ShopContext;

// The shop's printed documents (packing slips, invoices, distributor statements, any report) as
// QTextDocuments, and their pages as PDF: what the desktop app prints and microshop-cli writes.
class ShopDocuments final
{
    Q_DECLARE_TR_FUNCTIONS(ShopDocuments)

public:
    enum class Paper { A4, Receipt80mm };

    explicit ShopDocuments(ShopContext &shop)
        : m_shop(shop)
    {}

    // What the packer needs: the order, the receiver, the lines and their quantities.
    std::unique_ptr<QTextDocument> packingSlip(const Order &order, Paper paper);
    // The lines with their prices, then goods total, shipping, refunded and total due.
    std::unique_ptr<QTextDocument> invoice(const Order &order, Paper paper);
    // A distributor's statement of from..to (inclusive), for A4: direct and team sales of the
    // period (`report distributors`), commissions by state as of `to` (`report commissions`),
    // the ledger entries and the payouts of the period. Throws InputError for an unknown
    // distributor or a period that is not one.
    std::unique_ptr<QTextDocument> statement(qint64 distributorId, QDate from, QDate to);

    // Any report as a printed sheet: title, subtitle, the chart (as wide as the page) if any,
    // then the table, its header row repeated on every page and its numbers right-aligned.
    static std::unique_ptr<QTextDocument> report(const QString &title, const QString &subtitle,
                                                 const ReportTable &table,
                                                 const QImage &chart = {});

    // A report column's title for people: "direct_sales" -> "Direct sales", translated.
    static QString columnTitle(const QString &column);

    // The font of every printed document, and of anything painted on a document's page (a
    // shipping label): set its size and weight, keep its families. Its Chinese face is
    // chineseFamily(), so that a PDF gives back the characters printed.
    static QFont documentFont();
    // The first installed Chinese face whose glyphs Qt's PDF writer maps back to the characters
    // drawn (Noto Sans CJK SC, Droid Sans Fallback, Microsoft YaHei, PingFang SC); empty when
    // none is: then documents still look right but copy 小 as the radical ⼩.
    static QString chineseFamily();

    // A4 portrait with 15 mm margins; receipt paper 80 mm wide (297 mm a page), 4 mm margins.
    static QPageLayout pageLayout(Paper paper);
    // Lays the document out on the pages of the device as it is set up, and paints them.
    static void print(QTextDocument &document, QPagedPaintDevice &device);
    // Writes the document as a PDF on `paper`; false with *error saying why when it cannot.
    static bool writePdf(QTextDocument &document, Paper paper, const QString &fileName,
                         QString *error);

private:
    std::unique_ptr<QTextDocument> orderDocument(const Order &order, Paper paper, bool invoice);

    ShopContext &m_shop;
};

} // namespace MicroShop
