#pragma once

#include "Error.h"

#include <QCoreApplication>

#include <functional>

class QWidget;

namespace MicroShop {

struct ShopContext;

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
};

} // namespace MicroShop
