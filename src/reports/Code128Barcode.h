#pragma once

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

class QPainter;

namespace MicroShop {

// A Code 128 barcode of a short text (an order number), encoded by zint (libzint) and kept as
// its bars, to be painted as filled rectangles: a PDF gets sharp vector bars at any size.
class Code128Barcode final
{
    Q_DECLARE_TR_FUNCTIONS(Code128Barcode)

public:
    // One dark bar: where it starts and how wide it is, in modules (the narrowest bar's width).
    struct Bar
    {
        qreal x = 0;
        qreal width = 0;
    };

    // Quiet zone either side, in modules: a scanner needs 10 light modules before and after.
    static constexpr int quietZone = 10;

    // The barcode of the text, or nullopt with *error saying why zint cannot encode it (Code 128
    // has only Latin-1 characters: a Chinese order number has no barcode).
    static std::optional<Code128Barcode> encode(const QString &text, QString *error = nullptr);

    const QString &text() const { return m_text; }
    int modules() const { return m_modules; } // the symbol's width, quiet zones left out
    const QList<Bar> &bars() const { return m_bars; }
    // The symbol as modules, '1' dark and '0' light ("11010010000..."): what tests compare.
    QString pattern() const;

    // Paints the bars in black across `area` (quiet zones not included: leave them around it).
    void paint(QPainter &painter, const QRectF &area) const;

private:
    QString m_text;
    int m_modules = 0;
    QList<Bar> m_bars;
};

} // namespace MicroShop
