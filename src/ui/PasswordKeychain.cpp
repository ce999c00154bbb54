#include "PasswordKeychain.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace MicroShop {

namespace {

const QString service = QStringLiteral("MicroShop");

// Runs a keychain job to its end (the jobs are asynchronous; a sign-in waits for them anyway).
void finish(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

} // namespace

QString PasswordKeychain::key(const QString &user, const QString &server)
{
    return user + u'@' + server;
}

std::optional<QString> PasswordKeychain::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(service);
    job.setKey(key);
    finish(job);
    if (job.error() != QKeychain::NoError)
        return std::nullopt;
    return job.textData();
}

QString PasswordKeychain::write(const QString &key, const QString &password)
{
    QKeychain::WritePasswordJob job(service);
    job.setKey(key);
    job.setTextData(password);
    finish(job);
    if (job.error() == QKeychain::NoError)
        return {};
    return tr("This computer's keychain did not keep the password (%1); you will be asked for it "
              "next time.")
        .arg(job.errorString());
}

void PasswordKeychain::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(service);
    job.setKey(key);
    finish(job);
}

} // namespace MicroShop
