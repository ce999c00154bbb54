#include "ShopDocuments.h"

#include "ShippingLabel.h"

#include "CommissionRepositories.h"
#include "Repositories.h"
#include "ShopContext.h"
#include "ShopRepositories.h"
#include "ShopSettings.h"

#include "Dates.h"
#include "Error.h"
#include "Money.h"
#include "Order.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHash>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRawFont>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>

namespace MicroShop {

namespace {

using Paper = ShopDocuments::Paper;

// PDF pages are laid out at this resolution (lengths in the document scale to it).
constexpr int pdfResolution = 300;

// Label paper's margins (mm): label printers print up to about 2 mm from the edge.
constexpr qreal labelMargin = 3;
// A label on other paper: the size of the larger label roll, framed by a cutting line.
constexpr qreal labelWidth = 100;
constexpr qreal labelHeight = 180;

// An image with this property is scaled to the width of the page when the document is printed;
// the second property keeps its height / width.
constexpr int fitToWidthProperty = QTextFormat::UserProperty + 1;
constexpr int aspectRatioProperty = QTextFormat::UserProperty + 2;

// The resolution QTextDocument measures images and lengths in before scaling them to the paint
// device: Qt's default DPI, the primary screen's logical DPI (96 with Qt::AA_Use96Dpi).
int documentDpi()
{
    if (QCoreApplication::testAttribute(Qt::AA_Use96Dpi))
        return 96;
    const QScreen *screen = QGuiApplication::primaryScreen();
    return screen ? qRound(screen->logicalDotsPerInchY()) : 100;
}

// Font sizes (points) and cell padding of one paper: a receipt is small print on a narrow roll.
struct Style
{
    qreal text;
    qreal title;
    qreal heading;
    qreal small;
    qreal padding;
};

Style styleOf(Paper paper)
{
    return ShopDocuments::isNarrow(paper) ? Style{7.5, 10, 8.5, 6.5, 1} : Style{10, 16, 12, 8.5, 3};
}

std::unique_ptr<QTextDocument> newDocument(Paper paper, const QString &title)
{
    auto document = std::make_unique<QTextDocument>();
    QFont font = ShopDocuments::documentFont();
    font.setPointSizeF(styleOf(paper).text);
    document->setDefaultFont(font);
    document->setDocumentMargin(0); // the page layout has the margins
    document->setUseDesignMetrics(true);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

QString money(Money amount)
{
    return amount.toString();
}

QString money(const QVariant &minorUnits)
{
    return Money::fromMinorUnits(minorUnits.toLongLong()).toString();
}

// A number as reports write them (money "12.30", counts "3"): right-aligned in printed tables.
bool isNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    return number.match(text).hasMatch();
}

// Appends headings, label-value lines and tables to a document in the style of one paper.
class DocumentWriter final
{
public:
    struct Column
    {
        QString title;
        bool right = false; // numbers
    };

    DocumentWriter(QTextDocument &document, Paper paper)
        : m_cursor(&document)
        , m_style(styleOf(paper))
    {}

    const Style &style() const { return m_style; }

    void paragraph(const QString &text, qreal pointSize = 0, bool bold = false,
                   Qt::Alignment alignment = Qt::AlignLeft, qreal spaceBefore = 0)
    {
        QTextBlockFormat block;
        block.setAlignment(alignment);
        block.setTopMargin(spaceBefore);
        QTextCharFormat format;
        if (pointSize > 0)
            format.setFontPointSize(pointSize);
        if (bold)
            format.setFontWeight(QFont::Bold);
        newBlock(block, format);
        m_cursor.insertText(text, format);
    }

    void grey(const QString &text)
    {
        newBlock(QTextBlockFormat(), QTextCharFormat());
        QTextCharFormat format;
        format.setForeground(QColor(0x55, 0x55, 0x55));
        m_cursor.insertText(text, format);
    }

    // The shop's name, then what the document is.
    void title(const QString &shopName, const QString &documentTitle)
    {
        if (!shopName.isEmpty())
            paragraph(shopName, m_style.title, true);
        paragraph(documentTitle, m_style.heading, false, Qt::AlignLeft, m_style.padding);
    }

    void heading(const QString &text) { paragraph(text, m_style.heading, true, Qt::AlignLeft, 8); }

    // "Label: value" lines.
    void fields(const QList<std::pair<QString, QString>> &fields, qreal spaceBefore = 4)
    {
        bool first = true;
        for (const auto &[label, value] : fields) {
            QTextBlockFormat block;
            block.setTopMargin(first ? spaceBefore : 0);
            first = false;
            newBlock(block, QTextCharFormat());
            QTextCharFormat bold;
            bold.setFontWeight(QFont::Bold);
            m_cursor.insertText(label + QStringLiteral(": "), bold);
            m_cursor.insertText(value, QTextCharFormat());
        }
    }

    void rule()
    {
        QTextBlockFormat block;
        block.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                          QTextLength(QTextLength::PercentageLength, 100));
        m_cursor.movePosition(QTextCursor::End);
        m_cursor.insertBlock(block, QTextCharFormat()); // the block after a table draws no rule
        m_reuseBlock = false;
    }

    void image(const QImage &image)
    {
        QTextDocument *document = m_cursor.document();
        const QUrl name(QStringLiteral("microshop-image://%1").arg(++m_images));
        document->addResource(QTextDocument::ImageResource, name, image);
        QTextBlockFormat block;
        block.setTopMargin(6);
        block.setBottomMargin(8);
        newBlock(block, QTextCharFormat());
        QTextImageFormat format;
        format.setName(name.toString());
        format.setWidth(image.width());
        format.setHeight(image.height());
        format.setProperty(fitToWidthProperty, true);
        format.setProperty(aspectRatioProperty, qreal(image.height()) / image.width());
        m_cursor.insertImage(format);
    }

    // A table as wide as the text; with a header row (repeated on every page) unless the columns
    // have no titles; framed unless `plain`; `width` in percent of the text width; the last row
    // in bold when it is `lastIsTotal`.
    void table(const QList<Column> &columns, const QList<QStringList> &rows, bool plain = false,
               qreal width = 100, bool lastIsTotal = false)
    {
        if (columns.isEmpty())
            return;
        bool hasHeader = false;
        for (const Column &column : columns)
            hasHeader = hasHeader || !column.title.isEmpty();
        QTextTableFormat format;
        format.setWidth(QTextLength(QTextLength::PercentageLength, width));
        format.setAlignment(width < 100 ? Qt::AlignRight : Qt::AlignLeft);
        format.setCellPadding(m_style.padding);
        format.setCellSpacing(0);
        format.setBorder(plain ? 0 : 0.5);
        format.setBorderBrush(QColor(0x99, 0x99, 0x99));
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        format.setHeaderRowCount(hasHeader ? 1 : 0);
        format.setTopMargin(4);
        const int headerRows = hasHeader ? 1 : 0;
        if (m_reuseBlock)
            m_cursor.movePosition(QTextCursor::End);
        QTextTable *table = m_cursor.insertTable(int(rows.size()) + headerRows, int(columns.size()),
                                                 format);
        QTextCharFormat bold;
        bold.setFontWeight(QFont::Bold);
        QTextTableCellFormat cellFormat;
        QTextTableCellFormat headerCell = cellFormat;
        headerCell.setBackground(QColor(0xee, 0xee, 0xee));
        for (int column = 0; column < columns.size(); ++column) {
            const bool right = columns.at(column).right;
            if (hasHeader) {
                QTextTableCell cell = table->cellAt(0, column);
                cell.setFormat(headerCell);
                fillCell(cell, columns.at(column).title, right, bold);
            }
            for (int row = 0; row < rows.size(); ++row) {
                QTextTableCell cell = table->cellAt(row + headerRows, column);
                cell.setFormat(cellFormat);
                fillCell(cell, rows.at(row).value(column), right,
                         lastIsTotal && row == rows.size() - 1 ? bold : QTextCharFormat());
            }
        }
        m_cursor.movePosition(QTextCursor::End);
        m_reuseBlock = true; // the empty block after the table
    }

private:
    void newBlock(const QTextBlockFormat &block, const QTextCharFormat &format)
    {
        if (m_reuseBlock) {
            m_cursor.movePosition(QTextCursor::End);
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(format);
            m_reuseBlock = false;
        } else {
            m_cursor.insertBlock(block, format);
        }
    }

    void fillCell(const QTextTableCell &cell, const QString &text, bool right,
                  const QTextCharFormat &format) const
    {
        QTextCursor cursor = cell.firstCursorPosition();
        QTextBlockFormat block;
        block.setAlignment(right ? Qt::AlignRight : Qt::AlignLeft);
        // Lines of one fixed height put the baseline at 4/5 of it whatever the font: Chinese
        // (its own face) and Latin text (another face) have different ascents, and would
        // otherwise sit at different heights in a row, or even be split by a page break.
        block.setLineHeight(m_style.text * 1.45 * documentDpi() / 72,
                            QTextBlockFormat::FixedHeight);
        cursor.setBlockFormat(block);
        cursor.insertText(text, format);
    }

    QTextCursor m_cursor;
    Style m_style;
    bool m_reuseBlock = true; // a new document has one empty block
    int m_images = 0;
};

// Scales the images marked fitToWidthProperty to `width` (in the document's own units).
void fitImages(QTextDocument &document, qreal width)
{
    struct Found
    {
        int position;
        int length;
        QTextImageFormat format;
    };
    QList<Found> images;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat() && format.boolProperty(fitToWidthProperty))
                images.append({fragment.position(), fragment.length(), format.toImageFormat()});
        }
    }
    for (Found &image : images) {
        image.format.setWidth(width);
        image.format.setHeight(width * image.format.doubleProperty(aspectRatioProperty));
        QTextCursor cursor(&document);
        cursor.setPosition(image.position);
        cursor.setPosition(image.position + image.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(image.format);
    }
}

// The Chinese faces documents may print with, best looking first: Noto Sans CJK (Debian's
// fonts-noto-cjk, also the widgets' face), Droid Sans Fallback (fonts-droid-fallback), Microsoft
// YaHei (Windows), PingFang SC (macOS).
QStringList chineseCandidates()
{
    return {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Droid Sans Fallback"),
            QStringLiteral("Microsoft YaHei"), QStringLiteral("PingFang SC")};
}

// Whether the Chinese printed in `family` comes back as itself from a PDF (copied, searched,
// pdftotext). Qt's PDF writer (QFontSubset::createToUnicodeMap, Qt 6.4) gives each glyph the
// lowest code point that the font's cmap maps to it, not the character drawn. A font that draws
// 小 U+5C0F and the Kangxi radical ⼩ U+2F29 with one glyph, as Noto Sans CJK does for some 275
// ideographs, makes 小山大人 come back as ⼩⼭⼤⼈; its ～ and ／ come back as 〜 and ∕. So a face
// is fit when no ideograph, CJK punctuation or full-width form it has shares its glyph with a
// lower code point.
bool pdfGivesBackItsText(const QString &family)
{
    if (!QFontDatabase::hasFamily(family))
        return false;
    const QRawFont raw = QRawFont::fromFont(QFont(family));
    if (!raw.isValid() || raw.familyName().compare(family, Qt::CaseInsensitive) != 0)
        return false; // another face stands in for it
    // Every code point Qt's writer looks at (the Basic Multilingual Plane), surrogates left out.
    QString codePoints;
    codePoints.reserve(0x10000);
    for (char32_t codePoint = 1; codePoint < 0x10000; ++codePoint) {
        if (codePoint < 0xD800 || codePoint > 0xDFFF)
            codePoints.append(QChar(char16_t(codePoint)));
    }
    QList<quint32> glyphs(codePoints.size());
    int glyphCount = int(glyphs.size());
    if (!raw.glyphIndexesForChars(codePoints.constData(), int(codePoints.size()), glyphs.data(),
                                  &glyphCount)
        || glyphCount != codePoints.size())
        return false;
    QHash<quint32, char16_t> lowest; // glyph -> the code point the PDF will say it is
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        if (glyphs.at(i) != 0 && !lowest.contains(glyphs.at(i)))
            lowest.insert(glyphs.at(i), codePoints.at(i).unicode());
    }
    const auto printed = [](char16_t c) {
        return (c >= 0x3000 && c <= 0x303F)    // CJK symbols and punctuation
               || (c >= 0x3400 && c <= 0x4DBF) // CJK Unified Ideographs Extension A
               || (c >= 0x4E00 && c <= 0x9FFF) // CJK Unified Ideographs
               || (c >= 0xFF01 && c <= 0xFF60) // full-width forms
               || (c >= 0xFFE0 && c <= 0xFFE6);
    };
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char16_t codePoint = codePoints.at(i).unicode();
        if (printed(codePoint) && glyphs.at(i) != 0 && lowest.value(glyphs.at(i)) != codePoint)
            return false;
    }
    return true;
}

// Every row of a list source for one query, in its order.
QList<QVariantList> allRows(const ListSource &source, const ListQuery &query)
{
    return source.fetch(query, 0, int(source.count(query)), -1);
}

// The document's pages painted after those already on the device (firstPage: none yet), laid
// out for the device as ShopDocuments::print() lays them out.
void paintDocumentPages(QTextDocument &document, QPainter &painter, QPagedPaintDevice &device,
                        bool &firstPage)
{
    const int resolution = device.logicalDpiY();
    const QRect page = device.pageLayout().paintRectPixels(resolution);
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    layout->setPaintDevice(&device);
    fitImages(document, page.width() * qreal(documentDpi()) / resolution);
    document.setPageSize(page.size());
    const int pages = document.pageCount();
    for (int index = 0; index < pages; ++index) {
        if (!firstPage)
            device.newPage();
        firstPage = false;
        const QRectF view(0, qreal(index) * page.height(), page.width(), page.height());
        painter.save();
        painter.translate(0, -view.top());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = view;
        context.palette.setColor(QPalette::Text, Qt::black);
        layout->draw(&painter, context);
        painter.restore();
    }
    layout->setPaintDevice(nullptr);
}

} // namespace

QString ShopDocuments::columnTitle(const QString &column)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("period"), QT_TR_NOOP("Period")},
        {QStringLiteral("orders"), QT_TR_NOOP("Orders")},
        {QStringLiteral("gross"), QT_TR_NOOP("Gross")},
        {QStringLiteral("refunds"), QT_TR_NOOP("Refunds")},
        {QStringLiteral("net"), QT_TR_NOOP("Net")},
        {QStringLiteral("channel"), QT_TR_NOOP("Channel")},
        {QStringLiteral("sku"), QT_TR_NOOP("SKU")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("quantity"), QT_TR_NOOP("Quantity")},
        {QStringLiteral("cost"), QT_TR_NOOP("Cost")},
        {QStringLiteral("margin"), QT_TR_NOOP("Margin")},
        {QStringLiteral("stock"), QT_TR_NOOP("Stock")},
        {QStringLiteral("value"), QT_TR_NOOP("Value")},
        {QStringLiteral("code"), QT_TR_NOOP("Code")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("wechat"), QT_TR_NOOP("WeChat ID")},
        {QStringLiteral("last_order"), QT_TR_NOOP("Last order")},
        {QStringLiteral("days"), QT_TR_NOOP("Days since")},
        {QStringLiteral("upline"), QT_TR_NOOP("Upline")},
        {QStringLiteral("depth"), QT_TR_NOOP("Depth")},
        {QStringLiteral("team_size"), QT_TR_NOOP("Team size")},
        {QStringLiteral("direct_sales"), QT_TR_NOOP("Direct sales")},
        {QStringLiteral("team_sales"), QT_TR_NOOP("Team sales")},
        {QStringLiteral("earned"), QT_TR_NOOP("Earned")},
        {QStringLiteral("reversed"), QT_TR_NOOP("Reversed")},
        {QStringLiteral("settled"), QT_TR_NOOP("Settled")},
        {QStringLiteral("pending"), QT_TR_NOOP("Pending")},
        {QStringLiteral("available"), QT_TR_NOOP("Available")},
        {QStringLiteral("kind"), QT_TR_NOOP("Kind")},
        {QStringLiteral("order_no"), QT_TR_NOOP("Order")},
        {QStringLiteral("platform_no"), QT_TR_NOOP("Platform order")},
        {QStringLiteral("bill_no"), QT_TR_NOOP("Bill number")},
        {QStringLiteral("amount"), QT_TR_NOOP("Amount")},
        {QStringLiteral("order_amount"), QT_TR_NOOP("Order amount")},
    };
    const auto it = titles.constFind(column);
    if (it != titles.cend())
        return tr(*it);
    QString title = column;
    title.replace(u'_', u' ');
    if (!title.isEmpty())
        title[0] = title.at(0).toUpper();
    return title;
}

std::unique_ptr<QTextDocument> ShopDocuments::packingSlip(const Order &order, Paper paper)
{
    return orderDocument(order, paper, false);
}

std::unique_ptr<QTextDocument> ShopDocuments::invoice(const Order &order, Paper paper)
{
    return orderDocument(order, paper, true);
}

std::unique_ptr<QTextDocument> ShopDocuments::orderDocument(const Order &order, Paper paper,
                                                            bool invoice)
{
    const QString title = invoice ? tr("Invoice") : tr("Packing slip");
    auto document = newDocument(paper, QStringLiteral("%1 %2").arg(title, order.orderNo));
    DocumentWriter writer(*document, paper);
    writer.title(m_shop.settings.shopName(), title);

    const std::optional<Customer> customer = m_shop.customerRepository.findById(order.customerId);
    Address address; // where it went, else where it would go now
    if (order.shipment) {
        address = order.shipment->address;
    } else if (customer) {
        if (const Address *byDefault = customer->defaultAddress())
            address = *byDefault;
    }
    QList<std::pair<QString, QString>> fields{
        {tr("Order"), order.orderNo},
        {tr("Date"), Dates::toText(order.date.date())},
        {tr("Customer"),
         customer ? QStringList{customer->name, customer->phone}.join(u' ').trimmed() : QString()},
        {tr("Ship to"), address.isEmpty() ? tr("(no address)") : address.oneLine()},
    };
    if (order.shipment)
        fields.append({tr("Shipped"), QStringLiteral("%1 %2 %3")
                                          .arg(Dates::toText(order.shipment->shippedAt.date()),
                                               order.shipment->courier, order.shipment->tracking)
                                          .trimmed()});
    writer.fields(fields);

    const bool receipt = isNarrow(paper); // one narrow column
    QList<QStringList> rows;
    qint64 units = 0;
    for (const OrderLine &line : order.lines) {
        units += line.quantity;
        if (receipt && invoice) {
            QString detail = QStringLiteral("%1  %2 × %3")
                                 .arg(line.sku)
                                 .arg(line.quantity)
                                 .arg(money(line.unitPrice));
            if (!line.discount.isZero())
                detail += QStringLiteral(" − %1").arg(money(line.discount));
            rows.append({line.productName + QChar(QChar::LineSeparator) + detail, money(line.net)});
        } else if (receipt) {
            rows.append({line.productName + QChar(QChar::LineSeparator) + line.sku,
                         QStringLiteral("×%1").arg(line.quantity)});
        } else if (invoice) {
            rows.append({line.sku, line.productName, QString::number(line.quantity),
                         money(line.unitPrice), money(line.discount), money(line.net)});
        } else {
            rows.append({line.sku, line.productName, QString::number(line.quantity)});
        }
    }
    using Column = DocumentWriter::Column;
    if (receipt) {
        writer.rule();
        writer.table({Column{}, Column{{}, true}}, rows, true);
    } else if (invoice) {
        writer.table({{tr("SKU")},
                      {tr("Product")},
                      {tr("Quantity"), true},
                      {tr("Unit price"), true},
                      {tr("Discount"), true},
                      {tr("Net"), true}},
                     rows);
    } else {
        writer.table({{tr("SKU")}, {tr("Product")}, {tr("Quantity"), true}}, rows);
    }

    if (invoice) {
        const QList<QStringList> totals{
            {tr("Goods total"), money(order.goodsTotal())},
            {tr("Shipping"), money(order.shippingFee)},
            {tr("Refunded"), money(order.refundedTotal)},
            {tr("Total due"), money(order.total() - order.refundedTotal)},
        };
        if (receipt)
            writer.rule();
        writer.table({Column{}, Column{{}, true}}, totals, true, receipt ? 100 : 45, true);
    } else {
        writer.paragraph(tr("Units: %1").arg(units), 0, true, Qt::AlignRight, 4);
    }
    if (!order.notes.isEmpty())
        writer.fields({{tr("Notes"), order.notes}}, 8);
    return document;
}

std::unique_ptr<QTextDocument> ShopDocuments::statement(qint64 distributorId, QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || from > to)
        throw InputError(tr("A statement covers a period from one day to the same or a later day, "
                            "not %1 to %2.")
                             .arg(Dates::toText(from), Dates::toText(to)));
    const std::optional<Distributor> distributor = m_shop.distributorRepository.findById(
        distributorId);
    if (!distributor)
        throw InputError(tr("There is no distributor with the id %1.").arg(distributorId));
    QString upline = tr("none (a root)");
    if (distributor->uplineId != 0) {
        if (const auto found = m_shop.distributorRepository.findById(distributor->uplineId))
            upline = QStringLiteral("%1 %2").arg(found->code, found->name);
    }
    // The same figures as `report distributors` (for the period) and `report commissions` (as
    // of its last day).
    const DistributorFigures figures = m_shop.distributorRepository.figures(distributorId, from, to,
                                                                            to);

    const QString title = tr("Distributor statement");
    auto document = newDocument(
        Paper::A4, QStringLiteral("%1 %2 %3").arg(title, distributor->code, Dates::toText(to)));
    DocumentWriter writer(*document, Paper::A4);
    writer.title(m_shop.settings.shopName(), title);
    writer.fields({
        {tr("Distributor"), QStringLiteral("%1 %2").arg(distributor->code, distributor->name)},
        {tr("Depth"), QString::number(distributor->depth)},
        {tr("Upline"), upline},
        {tr("Team size"), QString::number(m_shop.distributorRepository.teamSize(distributorId))},
        {tr("Period"), tr("%1 to %2").arg(Dates::toText(from), Dates::toText(to))},
    });

    writer.heading(tr("Sales in the period"));
    writer.table({{tr("Direct sales"), true}, {tr("Team sales"), true}},
                 {{money(figures.directSales), money(figures.teamSales)}});

    writer.heading(tr("Commissions as of %1").arg(Dates::toText(to)));
    writer.table({{tr("Earned"), true},
                  {tr("Reversed"), true},
                  {tr("Settled"), true},
                  {tr("Pending"), true},
                  {tr("Available"), true}},
                 {{money(figures.earned), money(figures.reversed), money(figures.settled),
                   money(figures.pending), money(figures.available)}});

    // The payouts of the period.
    ListQuery payoutQuery;
    payoutQuery.filters.insert(QStringLiteral("distributor"), distributor->code);
    payoutQuery.sortColumn = 3; // period_end
    QList<QStringList> payouts;
    // key, id, code, name, period_end, amount, entries, created_at
    for (const QVariantList &row : allRows(*m_shop.lists(ListKind::Payouts), payoutQuery)) {
        const QDate end = Dates::parseDate(row.at(4).toString()).value_or(QDate());
        if (end >= from && end <= to)
            payouts.append({row.at(1).toString(), Dates::toText(end), row.at(7).toString().left(10),
                            row.at(6).toString(), money(row.at(5))});
    }

    // Each entry in its state as of `to`, as `report commissions` counts it.
    QList<QStringList> entries;
    Money total;
    for (const StatementEntry &entry :
         m_shop.distributorRepository.statementEntries(distributorId, from, to, to)) {
        QString state = tr("Pending");
        if (entry.state == StatementEntry::State::Settled)
            state = tr("Settled");
        else if (entry.state == StatementEntry::State::Available)
            state = tr("Available");
        total += entry.amount;
        entries.append({Dates::toText(entry.date), entry.orderNo, QString::number(entry.level),
                        money(entry.amount), state});
    }
    writer.heading(tr("Ledger entries in the period"));
    if (entries.isEmpty()) {
        writer.paragraph(tr("No commission entries in this period."));
    } else {
        writer.table(
            {{tr("Date")}, {tr("Order")}, {tr("Level"), true}, {tr("Amount"), true}, {tr("State")}},
            entries);
        writer.paragraph(tr("Total of the period: %1").arg(money(total)), 0, true, Qt::AlignRight,
                         4);
    }

    writer.heading(tr("Payouts in the period"));
    if (payouts.isEmpty())
        writer.paragraph(tr("No payouts in this period."));
    else
        writer.table({{tr("Payout")},
                      {tr("Settled up to")},
                      {tr("Made on")},
                      {tr("Entries"), true},
                      {tr("Amount"), true}},
                     payouts);
    return document;
}

std::unique_ptr<QTextDocument> ShopDocuments::report(const QString &title, const QString &subtitle,
                                                     const ReportTable &table, const QImage &chart)
{
    auto document = newDocument(Paper::A4, title);
    DocumentWriter writer(*document, Paper::A4);
    writer.paragraph(title, writer.style().title, true);
    if (!subtitle.isEmpty())
        writer.grey(subtitle);
    if (!chart.isNull())
        writer.image(chart);

    QList<DocumentWriter::Column> columns;
    for (qsizetype column = 0; column < table.columns.size(); ++column) {
        // Numbers (money and counts) are right-aligned: a column of nothing else.
        bool numbers = false;
        bool others = false;
        for (const QStringList &row : table.rows) {
            const QString cell = row.value(column);
            if (cell.isEmpty())
                continue;
            (isNumber(cell) ? numbers : others) = true;
        }
        columns.append({columnTitle(table.columns.at(column)), numbers && !others});
    }
    writer.table(columns, table.rows);
    if (table.rows.isEmpty())
        writer.paragraph(tr("Nothing to report."), 0, false, Qt::AlignLeft, 4);
    return document;
}

QString ShopDocuments::chineseFamily()
{
    // Looked at once: the fonts installed do not change while MicroShop runs.
    static const QString family = [] {
        for (const QString &candidate : chineseCandidates()) {
            if (pdfGivesBackItsText(candidate))
                return candidate;
        }
        return QString();
    }();
    return family;
}

QFont ShopDocuments::documentFont()
{
    QFont font;
    // Latin letters and digits from a Latin face, Chinese from the first Chinese face whose PDF
    // text comes back as printed, then the others for what it lacks. Not a Chinese face for
    // everything: in Latin runs Noto Sans CJK substitutes its digits with glyphs that Qt's PDF
    // writer maps to no character, so "SO2026" would be copied (and found by pdftotext) as "SO".
    QStringList families{QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")};
    const QString chinese = chineseFamily();
    if (!chinese.isEmpty())
        families.append(chinese);
    for (const QString &candidate : chineseCandidates()) {
        if (candidate != chinese)
            families.append(candidate);
    }
    families.append(QStringLiteral("sans-serif"));
    font.setFamilies(families);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

ShopDocuments::Sender ShopDocuments::sender() const
{
    return {m_shop.settings.senderName(), m_shop.settings.senderPhone(),
            m_shop.settings.senderAddress()};
}

ShippingLabelContent ShopDocuments::labelContent(const Order &order)
{
    return labelContent(order, m_shop.customerRepository.findById(order.customerId), sender());
}

ShippingLabelContent ShopDocuments::labelContent(const Order &order,
                                                 const std::optional<Customer> &customer,
                                                 const Sender &sender)
{
    ShippingLabelContent label;
    label.senderName = sender.name;
    label.senderPhone = sender.phone;
    label.senderAddress = sender.address;
    Address address; // where it went, else where it would go now
    if (order.shipment) {
        address = order.shipment->address;
        label.courier = order.shipment->courier;
        label.tracking = order.shipment->tracking;
    } else if (customer) {
        if (const Address *byDefault = customer->defaultAddress())
            address = *byDefault;
    }
    label.receiver = address.receiver.isEmpty() && customer ? customer->name : address.receiver;
    label.receiverPhone = address.phone.isEmpty() && customer ? customer->phone : address.phone;
    QStringList parts;
    for (const QString &part : {address.province, address.city, address.district, address.detail}) {
        if (!part.isEmpty())
            parts.append(part);
    }
    label.receiverAddress = parts.join(u' ');
    for (const OrderLine &line : order.lines) {
        const qint64 units = line.remainingQuantity();
        if (units <= 0)
            continue;
        label.items.append(QStringLiteral("%1 ×%2").arg(line.productName).arg(units));
        label.units += units;
    }
    label.orderNo = order.orderNo;
    return label;
}

void ShopDocuments::printOrders(OrderDocument kind, const QList<qint64> &orderIds, Paper paper,
                                QPagedPaintDevice &device, const ProgressCallback &progress)
{
    if (orderIds.isEmpty())
        throw InputError(tr("There are no orders to print: choose one or more."));
    QPainter painter;
    if (!painter.begin(&device))
        throw InputError(tr("Cannot print: the printer or the file cannot be opened."));
    painter.setRenderHint(QPainter::Antialiasing, false); // bars and rules on whole dots

    // Labels: the label's box on the page, and fonts made once for all of them.
    const int resolution = device.logicalDpiX();
    const QRectF page(QPointF(0, 0), device.pageLayout().paintRectPixels(resolution).size());
    const qreal pixelsPerMillimetre = resolution / 25.4;
    QRectF frame = page; // on label paper the label is the page (less its margins)
    QRectF box = page;
    const bool labelPaper = paper == Paper::Label76x130 || paper == Paper::Label100x180;
    if (!labelPaper) {
        const qreal width = std::min(page.width(), labelWidth * pixelsPerMillimetre);
        const qreal height = std::min(
            {page.height(), labelHeight * pixelsPerMillimetre, width * labelHeight / labelWidth});
        frame = QRectF(0, 0, width, height);
        const qreal inside = labelMargin * pixelsPerMillimetre;
        box = frame.adjusted(inside, inside, -inside, -inside);
    }
    std::optional<ShippingLabelPainter> labels;
    if (kind == OrderDocument::Label)
        labels.emplace(device, box.size() / pixelsPerMillimetre);
    const Sender from = sender();
    QHash<qint64, std::optional<Customer>> customers; // many orders of a batch share customers

    const qint64 total = orderIds.size();
    qint64 done = 0;
    bool firstPage = true;
    for (const qint64 id : orderIds) {
        if (progress && !progress(done, total))
            throw Cancelled(tr("Printing was cancelled."));
        const std::optional<Order> order = m_shop.orderRepository.findById(id);
        if (!order)
            throw InputError(tr("There is no order with the id %1.").arg(id));
        if (kind == OrderDocument::Label) {
            auto found = customers.find(order->customerId);
            if (found == customers.end())
                found = customers.insert(order->customerId,
                                         m_shop.customerRepository.findById(order->customerId));
            if (!firstPage)
                device.newPage();
            firstPage = false;
            if (frame != page) {
                QPen cut(QColor(0x99, 0x99, 0x99), 0, Qt::DashLine);
                painter.setPen(cut);
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(frame);
            }
            labels->paint(painter, box, labelContent(*order, *found, from));
        } else {
            const auto slip = orderDocument(*order, paper, false);
            paintDocumentPages(*slip, painter, device, firstPage);
        }
        ++done;
    }
    if (progress)
        progress(done, total);
    painter.end();
}

void ShopDocuments::writeOrdersPdf(OrderDocument kind, const QList<qint64> &orderIds, Paper paper,
                                   const QString &fileName, const ProgressCallback &progress)
{
    if (orderIds.isEmpty())
        throw InputError(tr("There are no orders to print: choose one or more."));
    const auto cannotWrite = [&fileName](const QString &why) {
        return InputError(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName), why));
    };
    // Written beside, then renamed over the file: whole, or not at all.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        throw cannotWrite(file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(pdfResolution);
        writer.setPageLayout(pageLayout(paper));
        writer.setTitle(kind == OrderDocument::Label ? tr("Shipping labels") : tr("Packing slips"));
        writer.setCreator(QStringLiteral("MicroShop"));
        try {
            printOrders(kind, orderIds, paper, writer, progress);
        } catch (...) {
            file.cancelWriting();
            throw;
        }
    }
    if (!file.commit())
        throw cannotWrite(file.errorString());
}

QPageLayout ShopDocuments::pageLayout(Paper paper)
{
    if (paper == Paper::Label76x130 || paper == Paper::Label100x180) {
        const bool small = paper == Paper::Label76x130;
        return QPageLayout(
            QPageSize(small ? QSizeF(76, 130) : QSizeF(100, 180), QPageSize::Millimeter,
                      small ? tr("Label 76 × 130 mm") : tr("Label 100 × 180 mm"),
                      QPageSize::ExactMatch),
            QPageLayout::Portrait, QMarginsF(labelMargin, labelMargin, labelMargin, labelMargin),
            QPageLayout::Millimeter);
    }
    if (paper == Paper::Receipt80mm)
        return QPageLayout(QPageSize(QSizeF(80, 297), QPageSize::Millimeter, tr("Receipt 80 mm"),
                                     QPageSize::ExactMatch),
                           QPageLayout::Portrait, QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                       QPageLayout::Millimeter);
}

void ShopDocuments::print(QTextDocument &document, QPagedPaintDevice &device)
{
    // Laid out for the device itself (fonts and lengths at its resolution), one page the size
    // of its paint rectangle: QTextDocument::print() then paints the pages as they are.
    const int resolution = device.logicalDpiY();
    const QRect page = device.pageLayout().paintRectPixels(resolution);
    const QSizeF pageSizeBefore = document.pageSize();
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    layout->setPaintDevice(&device);
    fitImages(document, page.width() * qreal(documentDpi()) / resolution);
    document.setPageSize(page.size());
    document.print(&device);
    layout->setPaintDevice(nullptr); // the device may go; the document stays usable
    document.setPageSize(pageSizeBefore);
}

bool ShopDocuments::writePdf(QTextDocument &document, Paper paper, const QString &fileName,
                             QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(fileName), file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(pdfResolution);
        writer.setPageLayout(pageLayout(paper));
        writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("MicroShop"));
        print(document, writer);
    }
    file.close();
    if (file.error() != QFileDevice::NoError || file.size() == 0) {
        if (error)
            *error = tr("Cannot write %1: %2")
                         .arg(QDir::toNativeSeparators(fileName),
                              file.error() != QFileDevice::NoError
                                  ? file.errorString()
                                  : tr("nothing could be printed"));
        file.remove();
        return false;
    }
    return true;
}

} // namespace MicroShop
