#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace MicroShop {

// The numbers met so far in a file too long to hold (an import's order numbers), each kept as a
// hash with its index (a 16-byte entry, not the number's 50 bytes or more): a number met again is
// compared with the numbers of the same hash, which numberAt() reads again from the file. Another
// number of the same hash, which a million orders hold once or never, goes to a second table (a
// hash with several values per key costs four times as much memory for each).
class SeenNumbers
{
public:
    using NumberAt = std::function<QString(qsizetype index)>;
    using Hash = std::function<size_t(const QString &number)>;

    explicit SeenNumbers(NumberAt numberAt, Hash hash = {});

    // The index `number` was added with before, if it was; else it is added with `index`.
    std::optional<qsizetype> add(const QString &number, qsizetype index);
    void clear();

private:
    NumberAt m_numberAt;
    Hash m_hash;
    QHash<size_t, qsizetype> m_first;         // a hash -> the first number's index
    QMultiHash<size_t, qsizetype> m_collided; // the other numbers of the same hash
};

} // namespace MicroShop
