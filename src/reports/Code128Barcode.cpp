#include "Code128Barcode.h"

#include <QPainter>

#include <algorithm>

#include <zint.h>

#include <memory>

namespace MicroShop {

namespace {

struct SymbolDeleter
{
    void operator()(zint_symbol *symbol) const { ZBarcode_Delete(symbol); }
};

} // namespace

std::optional<Code128Barcode> Code128Barcode::encode(const QString &text, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<Code128Barcode> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(tr("There is nothing to put in a barcode."));
    const std::unique_ptr<zint_symbol, SymbolDeleter> symbol(ZBarcode_Create());
    if (!symbol)
        return fail(tr("The barcode library (zint) is out of memory."));
    symbol->symbology = BARCODE_CODE128;
    symbol->input_mode = UNICODE_MODE; // UTF-8 in; Code 128 holds its Latin-1 characters
    symbol->show_hrt = 0;              // the label prints the text itself, in its own font
    symbol->whitespace_width = 0;      // the quiet zones are the label's business
    symbol->border_width = 0;
    symbol->height = 50;
    const QByteArray utf8 = text.toUtf8();
    const int status = ZBarcode_Encode(
        symbol.get(), reinterpret_cast<const unsigned char *>(utf8.constData()), int(utf8.size()));
    if (status >= ZINT_ERROR)
        return fail(tr("\"%1\" cannot be a Code 128 barcode: %2")
                        .arg(text, QString::fromLatin1(symbol->errtxt)));
    if (ZBarcode_Buffer_Vector(symbol.get(), 0) >= ZINT_ERROR || !symbol->vector
        || symbol->width <= 0)
        return fail(tr("\"%1\" cannot be drawn as a barcode: %2")
                        .arg(text, QString::fromLatin1(symbol->errtxt)));

    // zint's vector units: the symbol is symbol->width modules across vector->width units.
    const qreal module = qreal(symbol->vector->width) / symbol->width;
    Code128Barcode barcode;
    barcode.m_text = text;
    barcode.m_modules = symbol->width;
    for (const zint_vector_rect *rect = symbol->vector->rectangles; rect; rect = rect->next) {
        if (rect->colour != -1 && rect->colour != 7) // the foreground, or black
            continue;
        barcode.m_bars.append({rect->x / module, rect->width / module});
    }
    std::sort(barcode.m_bars.begin(), barcode.m_bars.end(),
              [](const Bar &a, const Bar &b) { return a.x < b.x; });
    if (barcode.m_bars.isEmpty())
        return fail(tr("\"%1\" gave a barcode without bars.").arg(text));
    return barcode;
}

QString Code128Barcode::pattern() const
{
    QString modules(m_modules, u'0');
    for (const Bar &bar : m_bars) {
        const int first = qRound(bar.x);
        const int last = qMin(m_modules, qRound(bar.x + bar.width));
        for (int i = qMax(0, first); i < last; ++i)
            modules[i] = u'1';
    }
    return modules;
}

void Code128Barcode::paint(QPainter &painter, const QRectF &area) const
{
    if (m_modules <= 0)
        return;
    const qreal module = area.width() / m_modules;
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    // Bars next to each other are separate rectangles, never a path: a PDF viewer fills each
    // without anti-aliasing seams eating into the light modules between them.
    for (const Bar &bar : m_bars)
        painter.drawRect(
            QRectF(area.left() + bar.x * module, area.top(), bar.width * module, area.height()));
    painter.restore();
}

} // namespace MicroShop
