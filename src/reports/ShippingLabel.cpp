#include "ShippingLabel.h"

#include "ShopDocuments.h"

#include "Code128Barcode.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace MicroShop {

namespace {

// The width (mm) the type sizes below are for: a 100 mm label less its margins.
constexpr qreal referenceWidth = 94;
// The barcode's narrowest bar at most this wide (mm): wider scans no better, and leaves less
// room for the quiet zones on a 76 mm label.
constexpr qreal widestModule = 0.5;

QFont labelFont(qreal points, bool bold, bool chinese = false)
{
    // The documents' faces: Latin letters and digits from a Latin face, so that order and
    // tracking numbers copy (and pdftotext reads them) as they are, and Chinese from the face
    // whose PDF text comes back as printed (小, not the radical ⼩).
    QFont font = ShopDocuments::documentFont();
    if (chinese) {
        QStringList families = font.families();
        const QString first = ShopDocuments::chineseFamily();
        if (!first.isEmpty())
            families.prepend(first);
        font.setFamilies(families);
    }
    font.setPointSizeF(points);
    if (bold)
        font.setWeight(QFont::Bold);
    return font;
}

// Type scaled with the label's width: 76 mm labels get three quarters of 100 mm's sizes.
qreal scaleOf(QSizeF labelMillimetres)
{
    return std::clamp(labelMillimetres.width() / referenceWidth, 0.6, 1.1);
}

} // namespace

ShippingLabelPainter::Face ShippingLabelPainter::face(const QPaintDevice &device, qreal points,
                                                      bool bold)
{
    const QFont font = labelFont(points, bold);
    const QFontMetricsF latin(font, &device);
    const QFontMetricsF chinese(labelFont(points, bold, true), &device);
    return {font, latin, std::max(latin.ascent(), chinese.ascent()),
            std::max(latin.lineSpacing(), chinese.lineSpacing())};
}

// Sizes in points at 100 mm, and the least they may be (what a courier still reads at arm's
// length).
ShippingLabelPainter::ShippingLabelPainter(const QPaintDevice &device, QSizeF labelMillimetres)
    : m_device(device)
    , m_pixelsPerMillimetre(device.logicalDpiX() / 25.4)
    , m_scale(scaleOf(labelMillimetres))
    , m_small(face(device, std::max(6.5, 8 * m_scale), false))
    , m_smallBold(face(device, std::max(6.5, 8 * m_scale), true))
    , m_receiver(face(device, std::max(14.0, 22 * m_scale), true))
    , m_address(face(device, std::max(10.5, 16 * m_scale), false))
    , m_items(face(device, std::max(7.0, 9 * m_scale), false))
    , m_courier(face(device, std::max(8.5, 11 * m_scale), true))
    , m_number(face(device, std::max(8.0, 10 * m_scale), false))
{}

QStringList ShippingLabelPainter::lines(const QString &text, const Face &face, qreal width,
                                        int maxLines) const
{
    QStringList result;
    if (text.isEmpty() || maxLines <= 0)
        return result;
    QTextLayout layout(text, face.font, &m_device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    while (result.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (result.size() == maxLines - 1 && line.textStart() + line.textLength() < text.size()) {
            // The last line there is room for, and more text: cut it with an ellipsis.
            result.append(face.metrics.elidedText(text.mid(line.textStart()).simplified(),
                                                  Qt::ElideRight, width));
            break;
        }
        result.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return result;
}

qreal ShippingLabelPainter::drawLines(QPainter &painter, const QStringList &lines, const Face &face,
                                      qreal left, qreal top, qreal width,
                                      Qt::Alignment alignment) const
{
    painter.setFont(face.font);
    qreal y = top;
    for (const QString &line : lines) {
        qreal x = left;
        if (alignment & Qt::AlignHCenter)
            x += (width - face.metrics.horizontalAdvance(line)) / 2;
        painter.drawText(QPointF(x, y + face.ascent), line);
        y += face.lineSpacing;
    }
    return y;
}

void ShippingLabelPainter::paint(QPainter &painter, const QRectF &box,
                                 const ShippingLabelContent &label) const
{
    painter.save();
    painter.setPen(Qt::black);
    const qreal left = box.left();
    const qreal width = box.width();
    const qreal gap = pixels(1.5);
    QPen rulePen(QColor(0x66, 0x66, 0x66));
    rulePen.setWidthF(pixels(0.25));
    const auto rule = [&](qreal y) {
        painter.save();
        painter.setPen(rulePen);
        painter.drawLine(QPointF(left, y), QPointF(left + width, y));
        painter.restore();
    };

    // The sender, small.
    qreal y = box.top();
    const QString sender
        = QStringList{label.senderName, label.senderPhone}.join(QStringLiteral("  ")).trimmed();
    y = drawLines(painter, lines(tr("From: %1").arg(sender), m_smallBold, width, 1), m_smallBold,
                  left, y, width);
    y = drawLines(painter, lines(label.senderAddress, m_small, width, 2), m_small, left, y, width);
    y += gap;
    rule(y);
    y += gap;

    // The receiver, large: name and phone on one line when they fit, then the address.
    y = drawLines(painter, {tr("To:")}, m_small, left, y, width);
    const QString receiverLine
        = QStringList{label.receiver, label.receiverPhone}.join(QStringLiteral("  ")).trimmed();
    if (m_receiver.metrics.horizontalAdvance(receiverLine) <= width) {
        y = drawLines(painter, {receiverLine}, m_receiver, left, y, width);
    } else {
        y = drawLines(painter, lines(label.receiver, m_receiver, width, 1), m_receiver, left, y,
                      width);
        y = drawLines(painter, lines(label.receiverPhone, m_receiver, width, 1), m_receiver, left,
                      y, width);
    }
    const QString address = label.receiverAddress.isEmpty() ? tr("(no address)")
                                                            : label.receiverAddress;
    y = drawLines(painter, lines(address, m_address, width, 4), m_address, left, y + gap / 2,
                  width);
    y += gap;
    rule(y);
    y += gap;

    // From the bottom up: the order number in text, its barcode, the courier's line.
    const qreal numberHeight = m_number.lineSpacing;
    const qreal barcodeHeight = pixels(std::min(15.0, box.height() / m_pixelsPerMillimetre / 10));
    const bool shipped = !label.tracking.isEmpty() || !label.courier.isEmpty();
    const qreal courierHeight = shipped ? m_courier.lineSpacing + gap : 0;
    const qreal numberTop = box.bottom() - numberHeight;
    const qreal barcodeTop = numberTop - barcodeHeight;
    const qreal bottomTop = barcodeTop - courierHeight - gap;

    // The items in what is left between; the last line says how many more there are.
    const qreal itemHeight = m_items.lineSpacing;
    const int room = int(std::floor((bottomTop - gap - y) / itemHeight));
    if (room > 0) {
        QStringList shown;
        shown.append(tr("Items (%1 pcs):").arg(label.units));
        const int itemRoom = room - 1;
        const qsizetype count = label.items.size();
        const qsizetype fitting = count <= itemRoom ? count : std::max(0, itemRoom - 1);
        for (qsizetype i = 0; i < fitting; ++i)
            shown.append(m_items.metrics.elidedText(label.items.at(i), Qt::ElideRight, width));
        if (fitting < count && itemRoom > 0)
            shown.append(tr("… and %1 more").arg(count - fitting));
        drawLines(painter, shown, m_items, left, y, width);
    }
    rule(bottomTop);

    if (shipped) {
        const QString courier
            = QStringList{label.courier, label.tracking}.join(QStringLiteral("  ")).trimmed();
        drawLines(painter, lines(courier, m_courier, width, 1), m_courier, left, bottomTop + gap,
                  width, Qt::AlignHCenter);
    }
    if (const auto barcode = Code128Barcode::encode(label.orderNo)) {
        const qreal module = std::min(pixels(widestModule),
                                      width / (barcode->modules() + 2 * Code128Barcode::quietZone));
        const qreal barsWidth = module * barcode->modules();
        barcode->paint(painter, QRectF(left + (width - barsWidth) / 2, barcodeTop + gap / 3,
                                       barsWidth, barcodeHeight - gap / 3));
    }
    drawLines(painter, lines(label.orderNo, m_number, width, 1), m_number, left, numberTop, width,
              Qt::AlignHCenter);
    painter.restore();
}

} // namespace MicroShop
