#pragma once

#include <QByteArray>
#include <QString>

#include <exception>

namespace MicroShop {

// Base of every error MicroShop reports to a person: the message says what, where and how to fix it.
class Error : public std::exception
{
public:
    explicit Error(QString message);

    const QString &message() const noexcept { return m_message; }
    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    QString m_message;
    QByteArray m_utf8;
};

// Bad input or an operation the rules refuse; nothing was changed (CLI exit status 1).
class InputError : public Error
{
public:
    using Error::Error;
};

} // namespace MicroShop
