#include "TeamDirectory.h"

#include "Database.h"
#include "SqlAuditLog.h"
#include "TeamRoles.h"

#include "Error.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace MicroShop {

namespace {

constexpr int scramIterations = 4096;
constexpr int scramSaltBytes = 16;

// An owner manages the users, which takes CREATEROLE; nobody else has it (decisions.md).
QString createRole(const QString &role)
{
    return role == u"owner" ? QStringLiteral("CREATEROLE") : QStringLiteral("NOCREATEROLE");
}

// PBKDF2 with HMAC-SHA-256 (RFC 8018), one block: the 32 bytes SCRAM-SHA-256 salts a password
// into. Qt's QPasswordDigestor does the same but lives in Qt Network, which the desktop does not
// link for this alone (its start would bind Network, Kerberos and libproxy).
QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, password);
    mac.addData(salt);
    mac.addData("\0\0\0\1", 4); // the block's number, big-endian
    QByteArray u = mac.result();
    QByteArray key = u;
    for (int i = 1; i < iterations; ++i) {
        mac.reset();
        mac.addData(u);
        u = mac.result();
        for (qsizetype b = 0; b < key.size(); ++b)
            key[b] = char(key.at(b) ^ u.at(b));
    }
    return key;
}

} // namespace

TeamDirectory::TeamDirectory(Database &database)
    : m_database(database)
{
    if (database.isSqlite())
        throw InputError(tr("A local shop (an SQLite file) has one user, the person at this "
                            "computer, and no login. To have people with their own logins and "
                            "roles, move the shop to a PostgreSQL server (`microshop-cli copy "
                            "--to postgresql://...`, or Settings › Database) and manage them "
                            "there."));
    m_databaseName = m_database.scalar(QStringLiteral("SELECT current_database()")).toString();
}

QString TeamDirectory::groupRole(const QString &role)
{
    return m_databaseName + u'_' + role;
}

QString TeamDirectory::quoted(const QString &identifier) const
{
    QString text = identifier;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

void TeamDirectory::checkName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,62}$"));
    if (!valid.match(name).hasMatch())
        throw InputError(tr("\"%1\" cannot be a user name: use 1 to 63 lowercase letters a-z, "
                            "digits, '.', '_' or '-', starting with a letter or digit.")
                             .arg(name));
    if (name.startsWith(QStringLiteral("pg_")))
        throw InputError(
            tr("\"%1\" cannot be a user name: names starting with pg_ are PostgreSQL's own.")
                .arg(name));
}

void TeamDirectory::checkRole(const QString &role)
{
    if (!TeamRoles::isRole(role))
        throw InputError(tr("\"%1\" is not a role. The roles are: %2.")
                             .arg(role, TeamRoles::names().join(QStringLiteral(", "))));
}

QString TeamDirectory::currentUser()
{
    return m_database.scalar(QStringLiteral("SELECT session_user")).toString();
}

QList<TeamDirectory::Member> TeamDirectory::members()
{
    const QStringList roles = TeamRoles::names();
    QVariantList groups;
    for (const QString &role : roles)
        groups.append(groupRole(role));
    QList<Member> found;
    m_database.forEachRow(
        QStringLiteral("SELECT m.rolname, g.rolname FROM pg_auth_members a "
                       "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                       "WHERE m.rolcanlogin AND g.rolname IN (?, ?, ?, ?, ?) "
                       "ORDER BY m.rolname"),
        groups, [&](const SqlRow &row) {
            const QString name = row.value(0).toString();
            const QString role = row.value(1).toString().mid(m_databaseName.size() + 1);
            if (!found.isEmpty() && found.constLast().name == name) {
                if (roles.indexOf(role) < roles.indexOf(found.constLast().role))
                    found.last().role = role;
                return;
            }
            found.append({name, role});
        });
    return found;
}

QString TeamDirectory::roleOf(const QString &name)
{
    const QList<Member> all = members();
    for (const Member &member : all) {
        if (member.name == name)
            return member.role;
    }
    return QString();
}

void TeamDirectory::requireOwner()
{
    const QString me = currentUser();
    const bool owner = m_database
                           .scalar(QStringLiteral("SELECT pg_has_role(session_user, ?, 'MEMBER')"),
                                   {groupRole(QStringLiteral("owner"))})
                           .toBool();
    if (!owner)
        throw InputError(tr("Only an owner of the shop manages its users; %1 is not one.").arg(me));
    const bool mayCreate = m_database
                               .scalar(
                                   QStringLiteral("SELECT rolcreaterole OR rolsuper FROM pg_roles "
                                                  "WHERE rolname = session_user"))
                               .toBool();
    if (!mayCreate)
        throw InputError(tr("The PostgreSQL user %1 may not create or change logins: the "
                            "server's administrator must give it the CREATEROLE attribute "
                            "(ALTER ROLE %2 CREATEROLE).")
                             .arg(me, quoted(me)));
}

void TeamDirectory::refuseLastOwner(const QString &name, const QString &what)
{
    if (roleOf(name) != u"owner")
        return;
    qsizetype owners = 0;
    const QList<Member> all = members();
    for (const Member &member : all)
        owners += member.role == u"owner" ? 1 : 0;
    if (owners <= 1)
        throw InputError(tr("%1 is the shop's last owner and cannot be %2: make another person "
                            "an owner first.")
                             .arg(name, what));
}

void TeamDirectory::add(const QString &name, const QString &role, const QString &password)
{
    checkName(name);
    checkRole(role);
    if (password.isEmpty())
        throw InputError(tr("A new user needs a password: give it on one line."));
    requireOwner();
    const bool exists = m_database
                            .scalar(QStringLiteral("SELECT count(*) FROM pg_roles "
                                                   "WHERE rolname = ?"),
                                    {name})
                            .toInt()
                        > 0;
    if (exists)
        throw InputError(tr("The server already has a user %1. To give them a role in this "
                            "shop, use `microshop-cli user role %1 ROLE`.")
                             .arg(name));
    // Outside the transaction: a retried transaction must not change the salt (nor need to).
    const QString verifier = scramVerifier(password);
    m_database.inTransaction([&] {
        m_database.run(QStringLiteral("CREATE ROLE %1 LOGIN %2 PASSWORD '%3'")
                           .arg(quoted(name), createRole(role), verifier));
        m_database.run(QStringLiteral("GRANT %1 TO %2").arg(quoted(groupRole(role)), quoted(name)));
        SqlAuditLog(m_database)
            .append({QStringLiteral("user.add"), QStringLiteral("user"), name, role});
    });
}

void TeamDirectory::changeRole(const QString &name, const QString &role)
{
    checkName(name);
    checkRole(role);
    requireOwner();
    const bool isLogin = m_database
                             .scalar(QStringLiteral("SELECT count(*) FROM pg_roles "
                                                    "WHERE rolname = ? AND rolcanlogin"),
                                     {name})
                             .toInt()
                         > 0;
    if (!isLogin)
        throw InputError(tr("The server has no user %1. Add them with `microshop-cli user add "
                            "%1 --role %2`.")
                             .arg(name, role));
    const QString before = roleOf(name);
    if (before == role)
        return;
    if (name == currentUser())
        throw InputError(tr("You cannot change your own role: ask another owner."));
    if (role != u"owner")
        refuseLastOwner(name, tr("given another role"));
    m_database.inTransaction([&] {
        const QStringList roles = TeamRoles::names();
        for (const QString &other : roles) {
            const bool member = m_database
                                    .scalar(QStringLiteral("SELECT count(*) FROM pg_auth_members a "
                                                           "JOIN pg_roles g ON g.oid = a.roleid "
                                                           "JOIN pg_roles m ON m.oid = a.member "
                                                           "WHERE g.rolname = ? AND m.rolname = ?"),
                                            {groupRole(other), name})
                                    .toInt()
                                > 0;
            if (member)
                m_database.run(QStringLiteral("REVOKE %1 FROM %2")
                                   .arg(quoted(groupRole(other)), quoted(name)));
        }
        m_database.run(QStringLiteral("GRANT %1 TO %2").arg(quoted(groupRole(role)), quoted(name)));
        if (role == u"owner" || before == u"owner")
            m_database.run(QStringLiteral("ALTER ROLE %1 %2").arg(quoted(name), createRole(role)));
        SqlAuditLog(m_database)
            .append({QStringLiteral("user.role"), QStringLiteral("user"), name,
                     QStringLiteral("%1 -> %2")
                         .arg(before.isEmpty() ? QStringLiteral("-") : before, role)});
    });
}

void TeamDirectory::remove(const QString &name)
{
    checkName(name);
    requireOwner();
    const QString role = roleOf(name);
    if (role.isEmpty())
        throw InputError(
            tr("%1 is not a user of this shop. `microshop-cli user list` shows who is.").arg(name));
    if (name == currentUser())
        throw InputError(tr("You cannot remove yourself: ask another owner."));
    refuseLastOwner(name, tr("removed"));
    m_database.inTransaction([&] {
        for (const QString &other : TeamRoles::names())
            m_database.run(
                QStringLiteral("REVOKE %1 FROM %2").arg(quoted(groupRole(other)), quoted(name)));
        // The login goes too, unless it belongs to another shop on this server or owns something.
        const bool elsewhere = m_database
                                   .scalar(QStringLiteral("SELECT count(*) FROM pg_auth_members a "
                                                          "JOIN pg_roles m ON m.oid = a.member "
                                                          "WHERE m.rolname = ?"),
                                           {name})
                                   .toInt()
                               > 0;
        if (!elsewhere) {
            try {
                m_database.inTransaction(
                    [&] { m_database.run(QStringLiteral("DROP ROLE %1").arg(quoted(name))); });
            } catch (const Error &) {
                // It owns objects or has privileges somewhere: it keeps its login, with no role
                // in this shop.
            }
        }
        SqlAuditLog(m_database)
            .append({QStringLiteral("user.remove"), QStringLiteral("user"), name, role});
    });
}

QString TeamDirectory::scramVerifier(const QString &password, QByteArray salt)
{
    if (salt.isEmpty()) {
        salt.resize(scramSaltBytes);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                              scramSaltBytes / int(sizeof(quint32)));
    }
    // SASLprep, as far as it matters for typed passwords: compatibility forms folded (NFKC).
    const QByteArray normalized = password.normalized(QString::NormalizationForm_KC).toUtf8();
    const QByteArray salted = pbkdf2Sha256(normalized, salt, scramIterations);
    const QByteArray clientKey = QMessageAuthenticationCode::hash(
        QByteArrayLiteral("Client Key"), salted, QCryptographicHash::Sha256);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = QMessageAuthenticationCode::hash(
        QByteArrayLiteral("Server Key"), salted, QCryptographicHash::Sha256);
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(scramIterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

} // namespace MicroShop
