#include "model/wiretypes.h"

namespace ms::wire {

QString pushStatusKey(PushStatus s)
{
    switch (s) {
    case PushStatus::Stored: return QStringLiteral("stored");
    case PushStatus::Duplicate: return QStringLiteral("duplicate");
    case PushStatus::Stale: return QStringLiteral("stale");
    case PushStatus::Refused: return QStringLiteral("refused");
    case PushStatus::Conflict: return QStringLiteral("conflict");
    }
    return QStringLiteral("refused");
}

std::optional<PushStatus> pushStatusFromKey(const QString &key)
{
    for (auto s : {PushStatus::Stored, PushStatus::Duplicate, PushStatus::Stale, PushStatus::Refused,
                   PushStatus::Conflict})
        if (pushStatusKey(s) == key)
            return s;
    return std::nullopt;
}

} // namespace ms::wire
