#pragma once

#include <QApplication>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace MicroShop::Testing {

// The child of that object name, as a test reaches a widget by the name the page gives it; a test
// that names one the page lacks stops at once, naming it.
template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no %s", name);
    return found;
}

// Runs `work` on the next modal dialog once it is open (a test's hand on a dialog that exec()
// keeps to itself).
inline void onDialog(std::function<void(QWidget *)> work)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, work] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            work(dialog);
        }
    });
    timer->start();
}

} // namespace MicroShop::Testing
