#pragma once
// Checks a typed value (numeric pad, seal number, phone) against its evidence requirement:
// decimals, hard min/max, soft plausible range (asks to confirm), and pattern with its hint.
#include "catalog/catalog.h"

#include <QString>
#include <optional>

namespace ms {

struct ValueCheck
{
    enum class Verdict {
        Ok,          // accept
        Implausible, // valid but outside the plausible range: ask the user to confirm
        Invalid      // reject
    };
    Verdict verdict = Verdict::Ok;
    QString message;              // what is wrong and what to do (empty when Ok)
    std::optional<double> number; // the parsed number for numeric kinds
    QString normalized;           // the value as it should be stored (trimmed)
    bool ok() const { return verdict == Verdict::Ok; }
    bool acceptable() const { return verdict != Verdict::Invalid; }
};

class ValueValidator
{
public:
    static ValueCheck check(const EvidenceRequirement &requirement, const QString &text);
};

} // namespace ms
