#include "ServerWatch.h"

#include "Database.h"
#include "Error.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSqlDatabase>
#include <QtConcurrent>

#include <algorithm>

namespace MicroShop {

namespace {

// What the watch sees, for developers: QT_LOGGING_RULES="microshop.live.info=true".
Q_LOGGING_CATEGORY(live, "microshop.live", QtWarningMsg)

// Whether the server answers: a connection of its own opened and closed (on a pooled thread; it
// outlives the watch if need be, holding nothing of it). Empty, or why not.
QString reach(const DatabaseLocation &location)
{
    try {
        Database::open(location, Database::OpenMode::ExistingCurrent);
        return {};
    } catch (const Error &error) {
        return error.message();
    }
}

} // namespace

ServerWatch::ServerWatch(Database &database, QObject *parent)
    : ShopChanges(parent)
    , m_database(database)
{
    m_gather.setSingleShot(true);
    m_gather.setInterval(gatherMilliseconds);
    connect(&m_gather, &QTimer::timeout, this, &ServerWatch::tell);
    m_check.setInterval(checkMilliseconds);
    connect(&m_check, &QTimer::timeout, this, &ServerWatch::checkNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ServerWatch::retry);
    m_stirred.setSingleShot(true);
    m_stirred.setInterval(100);
    connect(&m_stirred, &QTimer::timeout, this, &ServerWatch::checkNow);
    connect(&m_probe, &QFutureWatcher<QString>::finished, this, &ServerWatch::probed);
    if (m_database.isSqlite())
        return;
    // Called in the middle of the failing statement: act once it has unwound.
    m_database.setConnectionLostHandler(
        [this] { QMetaObject::invokeMethod(this, &ServerWatch::lose, Qt::QueuedConnection); });
    listen();
    m_check.start();
}

ServerWatch::~ServerWatch()
{
    m_database.setConnectionLostHandler({});
}

void ServerWatch::listen()
{
    QSqlDriver *driver = m_database.connection().driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(channel))) {
        qCWarning(live) << "cannot listen:" << driver->lastError().text();
        return;
    }
    connect(driver, &QSqlDriver::notification, this, &ServerWatch::heard, Qt::UniqueConnection);
    // The driver reads the socket when it stirs; a server gone stirs it too (end of file):
    // check at once rather than at the next tick.
    for (QSocketNotifier *socket : driver->findChildren<QSocketNotifier *>())
        connect(socket, &QSocketNotifier::activated, &m_stirred, qOverload<>(&QTimer::start),
                Qt::UniqueConnection);
}

void ServerWatch::heard(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload)
{
    if (name != QLatin1String(channel))
        return;
    m_tables.insert(payload.toString());
    if (source != QSqlDriver::SelfSource)
        m_byOthers = true;
    // Not restarted by each arrival: a stream of changes (an import) still shows every 300 ms.
    if (!m_gather.isActive())
        m_gather.start();
}

void ServerWatch::tell()
{
    QStringList tables(m_tables.cbegin(), m_tables.cend());
    std::sort(tables.begin(), tables.end());
    const bool byOthers = m_byOthers;
    m_tables.clear();
    m_byOthers = false;
    qCInfo(live) << "changed:" << tables << (byOthers ? "by others" : "by us");
    emit tablesChanged(tables, byOthers);
}

void ServerWatch::checkNow()
{
    if (m_lost || m_database.inTransaction())
        return; // a statement of ours is under way: it will tell
    if (!m_database.ping())
        lose();
}

void ServerWatch::lose()
{
    if (m_lost)
        return;
    qCInfo(live) << "connection lost";
    m_lost = true;
    m_check.stop();
    m_stirred.stop();
    m_gather.stop();
    m_tables.clear();
    m_byOthers = false;
    m_database.goOffline();
    m_retryDelay = firstRetryMilliseconds;
    m_retry.start(m_retryDelay);
    emit connectionLost();
}

void ServerWatch::retry()
{
    const DatabaseLocation &location = m_database.location();
    // A server on a local socket (a folder as host) answers or refuses at once.
    if (location.host().isEmpty() || location.host().startsWith(u'/')) {
        reconnect();
        return;
    }
    m_probe.setFuture(QtConcurrent::run(reach, location));
}

void ServerWatch::probed()
{
    const QString why = m_probe.result();
    if (why.isEmpty())
        reconnect();
    else
        retryLater(why);
}

void ServerWatch::reconnect()
{
    QString why;
    if (!m_database.reconnect(&why)) {
        retryLater(why);
        return;
    }
    qCInfo(live) << "reconnected";
    m_lost = false;
    listen();
    m_check.start();
    emit connectionRestored();
}

void ServerWatch::retryLater(const QString &why)
{
    m_retryDelay = std::min(m_retryDelay * 2, lastRetryMilliseconds);
    qCInfo(live) << "still away:" << why << "next try in" << m_retryDelay << "ms";
    m_retry.start(m_retryDelay);
}

} // namespace MicroShop
