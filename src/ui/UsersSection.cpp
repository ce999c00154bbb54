#include "UsersSection.h"

#include "Error.h"
#include "TeamPeople.h"
#include "TeamRole.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

// A role as the owner reads it in the list.
QString roleTitle(TeamRole role)
{
    switch (role) {
    case TeamRole::Owner:
        return UsersSection::tr("Owner");
    case TeamRole::Manager:
        return UsersSection::tr("Manager");
    case TeamRole::Clerk:
        return UsersSection::tr("Clerk");
    case TeamRole::Packer:
        return UsersSection::tr("Packer");
    case TeamRole::Finance:
        return UsersSection::tr("Finance");
    }
    return QString();
}

void fillRoles(QComboBox *combo)
{
    for (const TeamRole role : TeamAccess::all())
        combo->addItem(roleTitle(role), int(role));
}

} // namespace

UsersSection::UsersSection(TeamPeople *people, QWidget *parent)
    : QGroupBox(parent)
    , m_people(people)
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("usersGroup"));
    m_note->setObjectName(QStringLiteral("usersNote"));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    if (m_people) {
        m_table = new QTableWidget(0, 2, this);
        m_table->setObjectName(QStringLiteral("usersTable"));
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->setSelectionMode(QAbstractItemView::SingleSelection);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->verticalHeader()->hide();
        // The names take the room; the role's choice is as wide as its longest role.
        m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        m_table->setMinimumHeight(160);
        layout->addWidget(m_table);
        auto *buttons = new QHBoxLayout;
        m_addButton = new QPushButton(this);
        m_addButton->setObjectName(QStringLiteral("addUserButton"));
        m_removeButton = new QPushButton(this);
        m_removeButton->setObjectName(QStringLiteral("removeUserButton"));
        buttons->addWidget(m_addButton);
        buttons->addWidget(m_removeButton);
        buttons->addStretch();
        layout->addLayout(buttons);
        m_message = new QLabel(this);
        m_message->setObjectName(QStringLiteral("usersMessage"));
        m_message->setWordWrap(true);
        layout->addWidget(m_message);
        connect(m_addButton, &QPushButton::clicked, this, &UsersSection::addPerson);
        connect(m_removeButton, &QPushButton::clicked, this, &UsersSection::removeSelected);
    }
    retranslate();
    reload();
}

void UsersSection::reload()
{
    if (!m_people)
        return;
    QList<TeamPeople::Person> members;
    try {
        members = m_people->members();
    } catch (const Error &error) {
        showMessage(error.message(), true);
    }
    m_table->setRowCount(0);
    m_table->setRowCount(int(members.size()));
    for (int row = 0; row < members.size(); ++row) {
        const TeamPeople::Person &person = members.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(person.name));
        // The role is changed where it is read: a choice in the row.
        auto *role = new QComboBox(m_table);
        role->setObjectName(QStringLiteral("roleCombo_") + person.name);
        fillRoles(role);
        role->setCurrentIndex(role->findData(int(person.role)));
        connect(role, &QComboBox::activated, this,
                [this, name = person.name](int index) { changeRole(name, index); });
        m_table->setCellWidget(row, 1, role);
    }
}

bool UsersSection::changeRole(const QString &name, int roleIndex)
{
    const TeamRole role = TeamAccess::all().value(roleIndex, TeamRole::Packer);
    bool changed = false;
    try {
        m_people->changeRole(name, role);
        showMessage(tr("%1 is now %2.").arg(name, roleTitle(role)), false);
        changed = true;
    } catch (const Error &error) {
        showMessage(error.message(), true);
    }
    // The row shows the role the server has, changed or not (the list is not rebuilt: its
    // choice is the one being used).
    showRoleOf(name);
    return changed;
}

bool UsersSection::removePerson(const QString &name)
{
    try {
        m_people->remove(name);
    } catch (const Error &error) {
        showMessage(error.message(), true);
        return false;
    }
    reload();
    showMessage(tr("%1 was removed from the shop.").arg(name), false);
    return true;
}

void UsersSection::showRoleOf(const QString &name)
{
    auto *combo = m_table->findChild<QComboBox *>(QStringLiteral("roleCombo_") + name);
    if (!combo)
        return;
    try {
        const QList<TeamPeople::Person> members = m_people->members();
        for (const TeamPeople::Person &person : members) {
            if (person.name == name) {
                const QSignalBlocker quiet(combo);
                combo->setCurrentIndex(combo->findData(int(person.role)));
            }
        }
    } catch (const Error &) {
        // The message of the refusal says enough; the list is reloaded when next shown.
    }
}

QString UsersSection::selectedName() const
{
    if (!m_table)
        return QString();
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, 0) : nullptr;
    return item ? item->text() : QString();
}

void UsersSection::addPerson()
{
    AddPersonDialog dialog(*m_people, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    showMessage(tr("%1 was added. They sign in with the password you typed.").arg(dialog.name()),
                false);
}

void UsersSection::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty()) {
        showMessage(tr("Choose the person to remove in the list first."), true);
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Remove a person"),
        tr("Remove %1 from the shop? They can no longer sign in to it.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        removePerson(name);
}

void UsersSection::showMessage(const QString &text, bool isError)
{
    if (!m_message)
        return;
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #c0392b;") : QString());
}

void UsersSection::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QGroupBox::changeEvent(event);
}

void UsersSection::retranslate()
{
    setTitle(tr("Users"));
    if (!m_people) {
        m_note->setText(tr("This shop is a file on this computer and has one user: the person at "
                           "this computer, with no login. To give people their own logins and "
                           "roles, move the shop to a PostgreSQL server with Settings › Database "
                           "and backups › Move this shop to a server…"));
        return;
    }
    m_note->setText(tr("The people who sign in to this shop and their roles. Passwords are "
                       "set here or by the server's administrator and never stored by "
                       "MicroShop."));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role")});
    m_addButton->setText(tr("&Add a person…"));
    m_removeButton->setText(tr("Re&move…"));
}

AddPersonDialog::AddPersonDialog(TeamPeople &people, QWidget *parent)
    : QDialog(parent)
    , m_people(people)
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("addPersonDialog"));
    setWindowTitle(tr("Add a person"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatEdit"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();
    fillRoles(m_role);
    m_role->setCurrentIndex(m_role->findData(int(TeamRole::Clerk)));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_name->setPlaceholderText(tr("lowercase letters, digits, '.', '_' or '-'"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Password &again:"), m_repeat);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AddPersonDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

QString AddPersonDialog::name() const
{
    return m_name->text().trimmed();
}

bool AddPersonDialog::apply()
{
    const auto say = [this](const QString &text) {
        m_message->setText(text);
        m_message->show();
        return false;
    };
    if (m_password->text().isEmpty())
        return say(tr("Type the person's password, twice."));
    if (m_password->text() != m_repeat->text()) {
        m_repeat->clear();
        return say(tr("The two passwords differ: type it again in Password again."));
    }
    try {
        m_people.add(name(), TeamRole(m_role->currentData().toInt()), m_password->text());
    } catch (const Error &error) {
        return say(error.message());
    }
    // The password is gone from this desktop with the dialog.
    m_password->clear();
    m_repeat->clear();
    accept();
    return true;
}

} // namespace MicroShop
