#pragma once

#include "Error.h"
#include "ShopContext.h"

#include <QCoreApplication>
#include <QFuture>
#include <QtConcurrentRun>

#include <functional>

class QWidget;

namespace MicroShop {

// Long work (an import, an export) run off the UI thread on a connection of its own, behind a
// progress dialog with Cancel: the window keeps repainting, and Cancel stops the work, whose
// transaction is then rolled back.
class BackgroundTask final
{
    Q_DECLARE_TR_FUNCTIONS(BackgroundTask)

public:
    enum class Outcome { Done, Cancelled, Failed };
    enum class Cancel { Offered, NotOffered }; // NotOffered: work that cannot stop halfway

    // work(shop, progress) runs in a worker thread; progress(done, total) updates the dialog
    // (total -1: unknown) and returns false once Cancel is pressed. *message: the error's text.
    static Outcome run(QWidget *parent, ShopContext &shop, const QString &title,
                       const std::function<void(ShopContext &, const ProgressCallback &)> &work,
                       QString *message = nullptr, Cancel cancel = Cancel::Offered);

    // Work whose result a page shows once it comes, with no dialog (nobody waits on it, so there
    // is nothing to cancel): run in a worker thread on a connection of its own. Watch the future;
    // it holds the result, or why there is none.
    template<typename Result>
    struct Answer
    {
        Result result;
        QString problem;
    };
    template<typename Result>
    static QFuture<Answer<Result>> compute(ShopContext &shop,
                                           std::function<Result(ShopContext &)> work)
    {
        ShopContext *context = &shop;
        return QtConcurrent::run([context, work = std::move(work)] {
            Answer<Result> answer;
            try {
                context->onOwnConnection([&](ShopContext &own) { answer.result = work(own); });
            } catch (const Error &error) {
                answer.problem = error.message();
            }
            return answer;
        });
    }
};

} // namespace MicroShop
