#include "BackgroundTask.h"

#include "ShopContext.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent>

#include <atomic>

namespace MicroShop {

BackgroundTask::Outcome BackgroundTask::run(
    QWidget *parent, ShopContext &shop, const QString &title,
    const std::function<void(ShopContext &, const ProgressCallback &)> &work, QString *message,
    Cancel cancel)
{
    QProgressDialog dialog(title, tr("Cancel"), 0, 0, parent);
    if (cancel == Cancel::NotOffered)
        dialog.setCancelButton(nullptr);
    dialog.setObjectName(QStringLiteral("backgroundProgress"));
    dialog.setWindowTitle(title);
    dialog.setWindowModality(Qt::WindowModal);
    // Shown after 300 ms whether or not progress came: quick work never flashes a dialog.
    dialog.setMinimumDuration(INT_MAX);
    QTimer::singleShot(300, &dialog, &QProgressDialog::show);
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    std::atomic<bool> cancelled = false;
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog,
                     [&cancelled] { cancelled = true; });

    QPointer<QProgressDialog> shown(&dialog);
    const ProgressCallback progress = [&cancelled, shown](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            shown.data(),
            [shown, done, total] {
                if (!shown)
                    return;
                if (total > 0) {
                    shown->setMaximum(int(qMin<qint64>(total, INT_MAX)));
                    shown->setValue(int(qMin(done, total)));
                } else {
                    shown->setMaximum(0); // busy: how much is left is not known
                    shown->setLabelText(shown->windowTitle() + QStringLiteral("\n")
                                        + tr("%L1 done").arg(done));
                }
            },
            Qt::QueuedConnection);
        return !cancelled;
    };

    Outcome outcome = Outcome::Done;
    QString error;
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&] {
        try {
            shop.onOwnConnection([&](ShopContext &own) { work(own, progress); });
        } catch (const Cancelled &) {
            outcome = Outcome::Cancelled;
        } catch (const Error &failure) {
            outcome = Outcome::Failed;
            error = failure.message();
        }
    }));
    loop.exec(); // the window repaints and the dialog answers meanwhile
    watcher.waitForFinished();
    QCoreApplication::removePostedEvents(&dialog); // progress posted after the end
    if (message)
        *message = error;
    return outcome;
}

} // namespace MicroShop
