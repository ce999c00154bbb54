#pragma once

#include <QObject>
#include <QString>

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

} // namespace MicroShop::Testing
