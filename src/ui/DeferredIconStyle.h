#pragma once

#include <QProxyStyle>

namespace MicroShop {

// The platform's own style, except that the icons of buttons shown only later (a bar's overflow
// button when the bar is too narrow for its items, a search box's clear button once it has text)
// are read when first drawn, not when the button is made: reading an image makes Qt load every
// image format plugin it has, which the window's first paint does not otherwise need
// (docs/decisions.md, "The start and its yardstick").
class DeferredIconStyle final : public QProxyStyle
{
public:
    DeferredIconStyle() = default;

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace MicroShop
