#pragma once

#include "Error.h"
#include "ListSource.h"

#include <QCoreApplication>
#include <QList>

#include <utility>

namespace MicroShop {

// Rows chosen on a list page (Shift and Ctrl clicks, or all of them): ranges of the list's rows as
// its query shows them. A selection that covers every row shown means every row the query
// matches, also past a search's count limit, and is read without loading the rows: a million
// orders are selected as one range. The keys are read when an action starts, off the UI thread.
struct ListSelection
{
    Q_DECLARE_TR_FUNCTIONS(ListSelection)

public:
    ListQuery query;
    QList<std::pair<qint64, qint64>> rows; // [first, last], ascending, not overlapping
    bool allMatching = false;              // every row of the query, whatever `rows` says

    bool isEmpty() const { return !allMatching && rows.isEmpty(); }
    qint64 rowCount() const; // the rows chosen; for allMatching, those of `rows`

    // The keys in the list's order; progress(done, total) may stop it (throws Cancelled).
    QList<qint64> keys(const ListSource &source, const ProgressCallback &progress = {}) const;
};

} // namespace MicroShop
