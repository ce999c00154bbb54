#include "PlaceholderPage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace MicroShop {

PlaceholderPage::PlaceholderPage(TextFunction title, TextFunction description, QWidget *parent)
    : QWidget(parent)
    , m_title(std::move(title))
    , m_description(std::move(description))
    , m_titleLabel(new QLabel(this))
    , m_descriptionLabel(new QLabel(this))
{
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_descriptionLabel->setWordWrap(true);
    m_descriptionLabel->setObjectName(QStringLiteral("placeholderDescription"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(m_titleLabel);
    layout->addSpacing(8);
    layout->addWidget(m_descriptionLabel);
    layout->addStretch();
    retranslate();
}

void PlaceholderPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PlaceholderPage::retranslate()
{
    m_titleLabel->setText(m_title());
    m_descriptionLabel->setText(m_description());
}

} // namespace MicroShop
