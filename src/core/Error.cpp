#include "Error.h"

#include <QStringList>

namespace MicroShop {

Error::Error(QString message)
    : m_message(std::move(message))
    , m_utf8(m_message.toUtf8())
{}

namespace {

QString joined(const QList<FieldProblem> &problems)
{
    QStringList messages;
    for (const FieldProblem &problem : problems)
        messages.append(problem.message);
    return messages.join(u' ');
}

} // namespace

ValidationError::ValidationError(QList<FieldProblem> problems)
    : InputError(joined(problems))
    , m_problems(std::move(problems))
{}

} // namespace MicroShop
