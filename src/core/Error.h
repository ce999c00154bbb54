#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

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

// Another desktop changed the same records at the same moment and the database could not put the
// two changes one after the other (PostgreSQL's serialization failure or deadlock). Nothing was
// changed; the same step again usually succeeds (inRetryingTransaction() does that).
class ConflictError : public InputError
{
public:
    using InputError::InputError;
};

// A save over a record that someone else saved after it was read (its row version moved on).
// Nothing was changed; the message names the record, whose newer version the caller shows.
class StaleError : public InputError
{
public:
    using InputError::InputError;
};

// The database server refused the signed-in person a step their role may not take (PostgreSQL's
// insufficient privilege). Nothing was changed.
class PermissionError : public InputError
{
public:
    using InputError::InputError;
};

// What is wrong with one field of a record; field is the CSV column name (sku, price, ...).
struct FieldProblem
{
    QString field;
    QString message;
};

// A record with one or more bad fields; message() lists them all.
class ValidationError : public InputError
{
public:
    explicit ValidationError(QList<FieldProblem> problems);
    const QList<FieldProblem> &problems() const { return m_problems; }

private:
    QList<FieldProblem> m_problems;
};

// Long work stopped by the person who started it (Cancel); what it was writing was rolled back.
class Cancelled : public Error
{
public:
    using Error::Error;
};

// Told how far long work has come (done of total); false asks it to stop (it throws Cancelled).
using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

} // namespace MicroShop
