#include "SignInDialog.h"

#include "PasswordKeychain.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace MicroShop {

bool SignInDialog::signIn(const QString &server, const QString &user, const QString &password,
                          const Attempt &attempt, QString *note, QWidget *parent)
{
    QString refusal;
    if (password.isEmpty() && !user.isEmpty()) {
        if (const auto kept = PasswordKeychain::read(PasswordKeychain::key(user, server))) {
            refusal = attempt(user, *kept);
            if (refusal.isEmpty())
                return true;
        }
    }
    refusal = attempt(user, password);
    if (refusal.isEmpty())
        return true;
    SignInDialog dialog(server, user, user.isEmpty() ? QString() : refusal, attempt, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (note)
        *note = dialog.keychainNote();
    return true;
}

SignInDialog::SignInDialog(const QString &server, const QString &user, const QString &refusal,
                           Attempt attempt, QWidget *parent)
    : ActionDialog(parent)
    , m_server(server)
    , m_attempt(std::move(attempt))
    , m_user(new QLineEdit(user, this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the password in this computer's keychain"), this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the shop"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    auto *intro = new QLabel(tr("This shop is kept on the server %1. Sign in with your own user "
                                "name and password; the shop's owner gives them to you.")
                                 .arg(server),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(intro);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    setContent(form);
    okButton()->setText(tr("&Sign in"));
    if (!refusal.isEmpty())
        showError(refusal);
    (user.isEmpty() ? m_user : m_password)->setFocus();
}

bool SignInDialog::apply()
{
    const QString user = m_user->text().trimmed();
    if (user.isEmpty()) {
        showError(tr("Type your user name."));
        return false;
    }
    const QString refusal = m_attempt(user, m_password->text());
    if (!refusal.isEmpty()) {
        showError(refusal);
        m_password->selectAll();
        return false;
    }
    const QString key = PasswordKeychain::key(user, m_server);
    if (m_remember->isChecked())
        m_keychainNote = PasswordKeychain::write(key, m_password->text());
    else
        PasswordKeychain::remove(key);
    return true;
}

} // namespace MicroShop
