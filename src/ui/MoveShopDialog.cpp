#include "MoveShopDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

const QString rememberedKey = QStringLiteral("database/location");

QString serverUrl(const QString &host, int port, const QString &database, const QString &user,
                  const QString &password)
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    if (!password.isEmpty())
        url.setPassword(password);
    url.setPath(u'/' + database);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

MoveShopDialog::MoveShopDialog(QWidget *parent)
    : QDialog(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
{
    setWindowTitle(tr("Move this shop to a server"));
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_port->setGroupSeparatorShown(false);
    m_password->setEchoMode(QLineEdit::Password);
    m_host->setPlaceholderText(tr("e.g. 192.168.1.10 or shop-server"));
    m_database->setPlaceholderText(tr("an empty database, e.g. microshop"));

    auto *intro = new QLabel(
        tr("Copies every product, customer, order and commission of this shop into an empty "
           "PostgreSQL database, then checks the copy. This shop stays as it is. The password is "
           "used for the copy only and is not saved."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_copyButton = buttons->addButton(tr("&Copy the shop"), QDialogButtonBox::AcceptRole);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_host, m_database, m_user})
        connect(edit, &QLineEdit::textChanged, this, &MoveShopDialog::updateState);
    updateState();
    resize(460, sizeHint().height());
}

void MoveShopDialog::updateState()
{
    m_copyButton->setEnabled(!m_host->text().trimmed().isEmpty()
                             && !m_database->text().trimmed().isEmpty()
                             && !m_user->text().trimmed().isEmpty());
}

QString MoveShopDialog::location() const
{
    return serverUrl(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(),
                     m_user->text().trimmed(), m_password->text());
}

QString MoveShopDialog::locationWithoutPassword() const
{
    return serverUrl(m_host->text().trimmed(), m_port->value(), m_database->text().trimmed(),
                     m_user->text().trimmed(), QString());
}

QString DesktopDatabase::remembered()
{
    return QSettings().value(rememberedKey).toString();
}

void DesktopDatabase::remember(const QString &location)
{
    QSettings().setValue(rememberedKey, location);
}

} // namespace MicroShop
