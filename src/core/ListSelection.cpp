#include "ListSelection.h"

namespace MicroShop {

qint64 ListSelection::rowCount() const
{
    qint64 count = 0;
    for (const auto &[first, last] : rows)
        count += last - first + 1;
    return count;
}

QList<qint64> ListSelection::keys(const ListSource &source, const ProgressCallback &progress) const
{
    QList<qint64> keys;
    const qint64 expected = allMatching ? -1 : rowCount();
    if (expected > 0)
        keys.reserve(expected);
    bool cancelled = false;
    const auto collect = [&](qint64 key) {
        keys.append(key);
        if (progress && keys.size() % 10000 == 0 && !progress(keys.size(), expected)) {
            cancelled = true;
            return false;
        }
        return true;
    };
    if (allMatching) {
        source.readKeys(query, 0, -1, collect);
    } else {
        for (const auto &[first, last] : rows) {
            source.readKeys(query, first, last - first + 1, collect);
            if (cancelled)
                break;
        }
    }
    if (cancelled)
        throw Cancelled(tr("Cancelled: nothing was changed."));
    return keys;
}

} // namespace MicroShop
