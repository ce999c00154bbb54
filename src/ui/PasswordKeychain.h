#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace MicroShop {

// A team-mode sign-in's password in the system's keychain (QtKeychain: Secret Service, macOS
// Keychain, Windows Credential Store), under the service "MicroShop" and a key naming the user and
// the server. Never in a file or the database (team.md). Each call waits for the keychain.
class PasswordKeychain final
{
    Q_DECLARE_TR_FUNCTIONS(PasswordKeychain)

public:
    // The key of user on a server ("host:port/database"): "anna@shop.example:5432/shop".
    static QString key(const QString &user, const QString &server);

    // nullopt when none is kept or the keychain cannot be reached.
    static std::optional<QString> read(const QString &key);
    // An empty string when kept, else why not (for the person: the keychain's own words).
    static QString write(const QString &key, const QString &password);
    static void remove(const QString &key);
};

} // namespace MicroShop
