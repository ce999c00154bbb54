#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;
class QPaintDevice;

namespace MicroShop {

// What one shipping label says (platforms.md "Shipping in batches"), as text.
struct ShippingLabelContent
{
    QString senderName;
    QString senderPhone;
    QString senderAddress;
    QString receiver;
    QString receiverPhone;
    QString receiverAddress; // province city district detail
    QStringList items;       // "茶杯 ×2", in the order's line order
    qint64 units = 0;
    QString orderNo; // also the Code 128 barcode
    QString courier; // with the tracking number, once shipped
    QString tracking;
};

// Paints shipping labels with QPainter, straight onto a page (a PDF gets vector bars and real
// text): the sender small at the top, the receiver in large type, the items, then the courier
// and tracking number, the order number's barcode and the number in text at the bottom. Its
// fonts are made once for a whole batch, sized for the label's width.
class ShippingLabelPainter final
{
    Q_DECLARE_TR_FUNCTIONS(ShippingLabel)

public:
    // device: what will be painted on (its resolution gives millimetres in pixels); label: the
    // label's size in millimetres.
    ShippingLabelPainter(const QPaintDevice &device, QSizeF labelMillimetres);

    // Paints one label into box (device pixels, the size given above).
    void paint(QPainter &painter, const QRectF &box, const ShippingLabelContent &label) const;

    qreal pixels(qreal millimetres) const { return millimetres * m_pixelsPerMillimetre; }

private:
    // A font with its measures on the device, taken once: the line's ascent and spacing are the
    // larger of the Latin face's and the Chinese one's (it is taller), so that no line of mixed
    // text reaches into the one above or out of the label.
    struct Face
    {
        QFont font;
        QFontMetricsF metrics;
        qreal ascent;
        qreal lineSpacing;
    };
    static Face face(const QPaintDevice &device, qreal points, bool bold);

    // Text broken into at most maxLines lines of width pixels, the last elided if it is cut.
    QStringList lines(const QString &text, const Face &face, qreal width, int maxLines) const;
    // Draws the lines from top; returns the y below them.
    qreal drawLines(QPainter &painter, const QStringList &lines, const Face &face, qreal left,
                    qreal top, qreal width, Qt::Alignment alignment = Qt::AlignLeft) const;

    const QPaintDevice &m_device;
    qreal m_pixelsPerMillimetre;
    qreal m_scale; // type sizes of 100 mm labels times this
    Face m_small;
    Face m_smallBold;
    Face m_receiver;
    Face m_address;
    Face m_items;
    Face m_courier;
    Face m_number;
};

} // namespace MicroShop
