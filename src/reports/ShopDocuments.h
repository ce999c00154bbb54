#pragma once

#include "Error.h"
#include "ReportTable.h"

#include <QCoreApplication>
#include <QDate>
#include <QFont>
#include <QImage>
#include <QList>
#include <QPageLayout>
#include <QString>

#include <memory>
#include <optional>

class QPagedPaintDevice;
class QTextDocument;

namespace MicroShop {

struct Customer;
struct Order;
struct ShippingLabelContent;
struct ShopContext;

// The shop's printed documents (packing slips, invoices, distributor statements, any report) as
// QTextDocuments, shipping labels painted straight onto pages, and their pages as PDF: what the
// desktop app prints and microshop-cli writes.
class ShopDocuments final
{
    Q_DECLARE_TR_FUNCTIONS(ShopDocuments)

public:
    // Label76x130 and Label100x180: the courier label rolls (76 x 130 mm, 100 x 180 mm).
    enum class Paper { A4, Receipt80mm, Label76x130, Label100x180 };
    // What is printed for each order of a batch.
    enum class OrderDocument { PackingSlip, Label };

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

    // What a shipping label says of the order (platforms.md): the sender from the settings, the
    // receiver and address it was shipped to (else the customer's default address), the items
    // still to send (units refunded before shipping left out), courier and tracking once shipped.
    ShippingLabelContent labelContent(const Order &order);

    // The packing slips or shipping labels of the orders, in the list's order, each order on a
    // page of its own (a long packing slip on as many as it needs), on the device as it is set
    // up (give it pageLayout(paper)). A label on A4 or receipt paper is the size of a 100 x 180
    // mm label, framed by a cutting line. progress(done, total) is told after each order; when it
    // answers false this throws Cancelled. Throws InputError for an id that is no order.
    void printOrders(OrderDocument kind, const QList<qint64> &orderIds, Paper paper,
                     QPagedPaintDevice &device, const ProgressCallback &progress = {});
    // The same as one PDF file, written whole or not at all: on an error (InputError, saying
    // why) or Cancelled no file is left, and a file that was there before stays as it was.
    void writeOrdersPdf(OrderDocument kind, const QList<qint64> &orderIds, Paper paper,
                        const QString &fileName, const ProgressCallback &progress = {});

    // The font of every printed document, and of anything painted on a document's page (a
    // shipping label): set its size and weight, keep its families. Its Chinese face is
    // chineseFamily(), so that a PDF gives back the characters printed.
    static QFont documentFont();
    // The first installed Chinese face whose glyphs Qt's PDF writer maps back to the characters
    // drawn (Noto Sans CJK SC, Droid Sans Fallback, Microsoft YaHei, PingFang SC); empty when
    // none is: then documents still look right but copy 小 as the radical ⼩.
    static QString chineseFamily();

    // A4 portrait with 15 mm margins; receipt paper 80 mm wide (297 mm a page), 4 mm margins;
    // label paper its own size, 3 mm margins.
    static QPageLayout pageLayout(Paper paper);
    // Receipt and label paper: narrow pages, where documents are laid out in one column.
    static bool isNarrow(Paper paper) { return paper != Paper::A4; }
    // Lays the document out on the pages of the device as it is set up, and paints them.
    static void print(QTextDocument &document, QPagedPaintDevice &device);
    // Writes the document as a PDF on `paper`; false with *error saying why when it cannot.
    static bool writePdf(QTextDocument &document, Paper paper, const QString &fileName,
                         QString *error);

private:
    std::unique_ptr<QTextDocument> orderDocument(const Order &order, Paper paper, bool invoice);
    struct Sender
    {
        QString name;
        QString phone;
        QString address;
    };
    Sender sender() const;
    static ShippingLabelContent labelContent(const Order &order,
                                             const std::optional<Customer> &customer,
                                             const Sender &sender);

    ShopContext &m_shop;
};

} // namespace MicroShop
