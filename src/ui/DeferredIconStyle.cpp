#include "DeferredIconStyle.h"

#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

#include <optional>

namespace MicroShop {

namespace {

// An icon that asks the style for itself when it is first drawn or measured. It is never null:
// it stands only for icons every style has.
class DeferredIconEngine final : public QIconEngine
{
public:
    DeferredIconEngine(const QStyle *style, QStyle::StandardPixmap which,
                       const QStyleOption *option, const QWidget *widget)
        : m_style(style)
        , m_which(which)
        , m_widget(widget)
    {
        if (option != nullptr)
            m_option = *option; // what these icons use of it: the direction, the palette
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }

    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }

    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

    QString key() const override { return QStringLiteral("MicroShop::DeferredIconEngine"); }

    bool isNull() override { return false; }

private:
    const QIcon &icon()
    {
        if (!m_icon) {
            // The style outlives its icons in the app; a copy drawn after it is gone is empty.
            m_icon = m_style
                         ? m_style->standardIcon(m_which, m_option ? &*m_option : nullptr, m_widget)
                         : QIcon();
        }
        return *m_icon;
    }

    QPointer<const QStyle> m_style;
    QStyle::StandardPixmap m_which;
    std::optional<QStyleOption> m_option;
    QPointer<const QWidget> m_widget;
    std::optional<QIcon> m_icon;
};

} // namespace

QIcon DeferredIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                      const QWidget *widget) const
{
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton: // shown when a bar is too narrow
    case SP_ToolBarVerticalExtensionButton:
    case SP_LineEditClearButton: // shown once a search box has text
        return QIcon(new DeferredIconEngine(baseStyle(), standardIcon, option, widget));
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

} // namespace MicroShop
