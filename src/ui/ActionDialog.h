#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLayout;
class QPushButton;

namespace MicroShop {

// A dialog that does one thing on OK (pay, ship, refund, restock…): its form, the reason the
// action was refused if it was, and OK/Cancel; it closes only when the action succeeded.
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    virtual bool apply() = 0; // what OK does; true when done

protected:
    explicit ActionDialog(QWidget *parent = nullptr);

    // The form above, then the error line and the buttons.
    void setContent(QLayout *content);
    // Runs work; a MicroShop error's message is shown and false returned.
    bool attempt(const std::function<void()> &work);
    void showError(const QString &message);
    QPushButton *okButton() const; // after setContent()

private:
    QLabel *m_error;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace MicroShop
