#include "SeenNumbers.h"

#include <utility>

namespace MicroShop {

SeenNumbers::SeenNumbers(NumberAt numberAt, Hash hash)
    : m_numberAt(std::move(numberAt))
    , m_hash(hash ? std::move(hash) : [](const QString &number) { return qHash(number); })
{}

std::optional<qsizetype> SeenNumbers::add(const QString &number, qsizetype index)
{
    const size_t hash = m_hash(number);
    const auto first = m_first.constFind(hash);
    if (first == m_first.cend()) {
        m_first.insert(hash, index);
        return std::nullopt;
    }
    if (m_numberAt(*first) == number)
        return *first;
    const auto [sameHash, end] = m_collided.equal_range(hash);
    for (auto it = sameHash; it != end; ++it) {
        if (m_numberAt(*it) == number)
            return *it;
    }
    m_collided.insert(hash, index);
    return std::nullopt;
}

void SeenNumbers::clear()
{
    m_first = {};
    m_collided = {};
}

} // namespace MicroShop
