#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QLineEdit;
class QSpinBox;

namespace MicroShop {

// Asks where the shop should move to: a PostgreSQL server's host, port, database, user and
// password. The password goes into the copy's address only; nothing here stores it.
class MoveShopDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit MoveShopDialog(QWidget *parent = nullptr);

    // postgresql://USER:PASSWORD@HOST:PORT/DATABASE, to copy into.
    QString location() const;
    // The same without the password, to remember.
    QString locationWithoutPassword() const;

private:
    void updateState();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_copyButton = nullptr;
};

// Which database the desktop app opens when neither --db nor $MICROSHOP_DB says: the one
// remembered on this desktop (QSettings, never with a password), else the default file.
namespace DesktopDatabase {
QString remembered();
void remember(const QString &location);
} // namespace DesktopDatabase

} // namespace MicroShop
