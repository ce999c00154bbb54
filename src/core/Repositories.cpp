#include "Repositories.h"

#include "Error.h"

#include <QRandomGenerator>
#include <QThread>

namespace MicroShop {

void Transactor::inRetryingTransaction(const std::function<void()> &work)
{
    if (inTransaction()) {
        work();
        return;
    }
    // Ten attempts with pauses growing to about half a second: far more than two desktops' crossed
    // changes need, and still short for a person who waits.
    constexpr int attempts = 10;
    for (int attempt = 1;; ++attempt) {
        try {
            inTransaction(work);
            return;
        } catch (const ConflictError &) {
            if (attempt == attempts)
                throw;
        }
        // Random, so that the desktops that crossed do not cross again at the same instant.
        QThread::msleep(QRandomGenerator::global()->bounded(5U, 10U + 10U * attempt));
    }
}

} // namespace MicroShop
