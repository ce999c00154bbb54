#pragma once

#include "ShopChanges.h"

#include <QFutureWatcher>
#include <QSet>
#include <QSqlDriver>
#include <QTimer>

namespace MicroShop {

class Database;

// The desktop's ear on a PostgreSQL shop: listens on the channel that schema step 6's triggers
// notify (microshop_changes, the changed table as payload), gathers what arrives for
// gatherMilliseconds into one tablesChanged(); checks the connection every checkMilliseconds
// and whenever its socket stirs or a statement fails for want of it; once it is lost, closes it
// (statements then fail at once) and reconnects with a backoff of 1, 2, 4, 8 then 10 seconds,
// listening again when it is back. Lives on the UI thread, beside the database it watches:
// before each attempt a connection of its own is opened on a pooled thread (the connect timeout
// bounds it), so a server away never holds the window for that timeout; only a server that
// answers is connected to. (The probe is the driver's own connection, not a socket of Qt Network:
// linking Qt Network, and through it Kerberos and libproxy, cost every start about 2 ms.)
class ServerWatch final : public ShopChanges
{
    Q_OBJECT

public:
    static constexpr int gatherMilliseconds = 300;
    static constexpr int checkMilliseconds = 3000;
    static constexpr int firstRetryMilliseconds = 1000;
    static constexpr int lastRetryMilliseconds = 10000;
    static constexpr const char *channel = "microshop_changes";

    // Starts listening at once; nothing to do (and no ServerWatch needed) on SQLite.
    explicit ServerWatch(Database &database, QObject *parent = nullptr);
    ~ServerWatch() override;

    bool isConnected() const override { return !m_lost; }
    // The wait before the next attempt to reconnect (tests, and the banner's wording).
    int retryMilliseconds() const { return m_retryDelay; }
    void checkNow(); // a round trip now; the lost connection is noticed at once

private:
    void listen();
    void heard(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void tell();
    void lose();
    void retry();
    void probed();    // the probe ended: the server answered, or not
    void reconnect(); // the server answers
    void retryLater(const QString &why);

    Database &m_database;
    QTimer m_gather;
    QTimer m_check;
    QTimer m_retry;
    QTimer m_stirred;                // the socket had something to read: check soon
    QFutureWatcher<QString> m_probe; // empty: the server answered; else why not
    QSet<QString> m_tables;
    bool m_byOthers = false;
    bool m_lost = false;
    int m_retryDelay = firstRetryMilliseconds;
};

} // namespace MicroShop
