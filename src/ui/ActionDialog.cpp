#include "ActionDialog.h"

#include "Error.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace MicroShop {

ActionDialog::ActionDialog(QWidget *parent)
    : QDialog(parent)
    , m_error(new QLabel(this))
{
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();
}

void ActionDialog::setContent(QLayout *content)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(content);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

bool ActionDialog::attempt(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &error) {
        showError(error.message());
        return false;
    }
    return true;
}

QPushButton *ActionDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ActionDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace MicroShop
