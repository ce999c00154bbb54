#pragma once

#include "Error.h"

namespace MicroShop {

// The database cannot be used: unreachable, not MicroShop's, corrupt, locked, or of another
// schema version (CLI exit status 3). Nothing was changed.
class DatabaseError : public Error
{
public:
    enum class Reason {
        Unreachable,
        Missing,
        NotMicroShop,
        Corrupt,
        NewerSchema,
        OlderSchema,
        Failed
    };

    DatabaseError(Reason reason, QString message)
        : Error(std::move(message))
        , m_reason(reason)
    {}

    Reason reason() const { return m_reason; }

private:
    Reason m_reason;
};

} // namespace MicroShop
