#pragma once

#include <QObject>
#include <QStringList>

namespace MicroShop {

// What the desktop hears of its shop's database besides its own actions (team.md, "Working at
// the same time"): the tables changed by other desktops, and a lost server connection and its
// return. The database layer implements it on PostgreSQL (ServerWatch); on SQLite there is none.
class ShopChanges : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual bool isConnected() const = 0;

signals:
    // Tables changed since the last signal (a few hundred milliseconds gathered into one);
    // byOthers is false when only this desktop's own changes are in it.
    void tablesChanged(const QStringList &tables, bool byOthers);
    void connectionLost();     // the window says so; statements fail at once until it is back
    void connectionRestored(); // connected and listening again: what is shown may be old
};

} // namespace MicroShop
