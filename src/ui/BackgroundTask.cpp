#include "BackgroundTask.h"

#include "ShopContext.h"

#include <QApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QPointer>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent>

#include <atomic>

namespace MicroShop {

namespace {

// While work runs: the window it was started from takes no clicks or keys, also in the 300 ms
// before the progress dialog shows; a dialog without Cancel cannot be closed (Esc, the title
// bar) while its work goes on.
class WorkGuard final : public QObject
{
public:
    WorkGuard(QWidget *window, QProgressDialog *dialog, bool closable)
        : m_window(window)
        , m_dialog(dialog)
        , m_closable(closable)
    {
        qApp->installEventFilter(this);
    }
    ~WorkGuard() override { qApp->removeEventFilter(this); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const auto *widget = qobject_cast<QWidget *>(watched);
        if (!widget)
            return false;
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::KeyPress:
        case QEvent::KeyRelease:
        case QEvent::Wheel:
            if (m_window && widget->window() == m_window)
                return true;
            return !m_closable && widget->window() == m_dialog && event->type() == QEvent::KeyPress
                   && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape;
        case QEvent::Close:
            if (m_closable || widget != m_dialog)
                return false;
            event->ignore(); // a close event not taken up leaves the dialog open
            return true;
        default:
            return false;
        }
    }

private:
    QPointer<QWidget> m_window;
    QProgressDialog *m_dialog;
    bool m_closable;
};

} // namespace

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
    const WorkGuard guard(parent ? parent->window() : nullptr, &dialog, cancel == Cancel::Offered);

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
