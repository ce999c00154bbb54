#pragma once

#include <QDialog>
#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace MicroShop {

class TeamPeople;

// Settings › Users (team.md "People and roles"): on a team shop, the owner's list of people with
// their roles, and adding a person, changing a role and removing a person through TeamPeople;
// what the server or TeamDirectory refuses (the last owner...) is said under the list. On a
// local shop (no TeamPeople) it says the shop has one user and how to move it to a server.
class UsersSection final : public QGroupBox
{
    Q_OBJECT

public:
    // people: nullptr for a local SQLite shop.
    explicit UsersSection(TeamPeople *people, QWidget *parent = nullptr);

    void reload();
    // What the buttons do once the person is chosen (and a removal confirmed); false with the
    // reason said under the list.
    bool changeRole(const QString &name, int roleIndex);
    bool removePerson(const QString &name);
    QString selectedName() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void addPerson();
    void removeSelected();
    void showMessage(const QString &text, bool isError);
    void showRoleOf(const QString &name); // in its row, as the server has it

    TeamPeople *m_people;
    QLabel *m_note;
    QTableWidget *m_table = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_message = nullptr;
};

// The owner's form for a new person: name, role and the password typed twice. The password goes
// to the server as a verifier (TeamDirectory) and is kept nowhere.
class AddPersonDialog final : public QDialog
{
    Q_OBJECT

public:
    AddPersonDialog(TeamPeople &people, QWidget *parent = nullptr);

    // Adds the person as typed: true, and the dialog is accepted; false with the reason said.
    bool apply();
    QString name() const;

private:
    TeamPeople &m_people;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_message;
};

} // namespace MicroShop
