#pragma once

#include "ActionDialog.h"

#include <functional>

class QCheckBox;
class QLineEdit;

namespace MicroShop {

// Signing in to a shop on a PostgreSQL server (team.md): each person with their own user name and
// password. The password may be remembered in the system's keychain, never anywhere else. What a
// sign-in is (opening the database) is the caller's: the widgets stay above the database layer.
class SignInDialog final : public ActionDialog
{
    Q_OBJECT

public:
    // Tries user and password; empty when signed in, else why not (for the person).
    using Attempt = std::function<QString(const QString &user, const QString &password)>;

    // Signs in to server ("host:port/database"): with password when it is given, else the one the
    // keychain keeps for user, else with none (a .pgpass file, a trusted local server), else with
    // what the person types in the dialog. False: the person cancelled. *note: a word for the
    // status bar when the password was to be remembered and could not be.
    static bool signIn(const QString &server, const QString &user, const QString &password,
                       const Attempt &attempt, QString *note, QWidget *parent = nullptr);

    // refusal: why the last attempt failed, shown under the form (empty: none yet).
    SignInDialog(const QString &server, const QString &user, const QString &refusal,
                 Attempt attempt, QWidget *parent = nullptr);

    bool apply() override;                                  // signs in
    QString keychainNote() const { return m_keychainNote; } // why it was not remembered

private:
    QString m_server;
    Attempt m_attempt;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QString m_keychainNote;
};

} // namespace MicroShop
