#pragma once

#include "Database.h"

#include <QHash>

#include <optional>

namespace MicroShop {

// What a repository read, kept for the length of one bulk transaction
// (Database::inBulkTransaction): an import reads the same products, customers, distributors and
// settings for order after order. Outside one, nothing is kept. "No such row" is kept too. The
// repository updates or forgets what it writes. At most keptAtMost values are kept (then they
// are all dropped and kept again as they are read), so that a million-line import stays small.
template<typename Value, typename Key = qint64>
class BulkReadCache final
{
public:
    explicit BulkReadCache(const Database &database)
        : m_database(database)
    {}

    // The value kept for key, else read(key), kept inside a bulk transaction.
    template<typename Read>
    std::optional<Value> get(const Key &key, Read read)
    {
        if (!current())
            return read(key);
        if (const auto kept = m_values.constFind(key); kept != m_values.cend())
            return *kept;
        std::optional<Value> value = read(key);
        keepValue(key, value);
        return value;
    }

    // Whether values are kept now: inside a bulk transaction.
    bool keeps() { return current(); }

    // Keeps a value read another way (by another key).
    void keep(const Key &key, const Value &value)
    {
        if (current())
            keepValue(key, value);
    }

    // The value kept for key, to change as its row was changed; nullptr when none is kept.
    Value *find(const Key &key)
    {
        if (!current())
            return nullptr;
        const auto kept = m_values.find(key);
        return kept == m_values.end() || !kept->has_value() ? nullptr : &**kept;
    }

    void forget(const Key &key) { m_values.remove(key); }
    void forgetAll() { m_values.clear(); }

    static constexpr qsizetype keptAtMost = 50'000;

private:
    void keepValue(const Key &key, const std::optional<Value> &value)
    {
        if (m_values.size() >= keptAtMost && !m_values.contains(key))
            m_values.clear();
        m_values.insert(key, value);
    }

    // Whether values may be kept now; drops those of an earlier generation.
    bool current()
    {
        const quint64 generation = m_database.bulkGeneration();
        if (generation != m_generation) {
            m_values.clear();
            m_generation = generation;
        }
        return generation != 0;
    }

    const Database &m_database;
    quint64 m_generation = 0;
    QHash<Key, std::optional<Value>> m_values;
};

} // namespace MicroShop
