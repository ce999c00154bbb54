#pragma once

#include <QWidget>

#include <functional>

class QLabel;

namespace MicroShop {

// A page that a later release fills: it says plainly what will be here and that it is not yet.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT

public:
    using TextFunction = std::function<QString()>;

    PlaceholderPage(TextFunction title, TextFunction description, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    TextFunction m_title;
    TextFunction m_description;
    QLabel *m_titleLabel;
    QLabel *m_descriptionLabel;
};

} // namespace MicroShop
