#pragma once
// The simulated meter's registers (寄存器), loaded from a JSON register file or the documented
// default set (docs/simulator.md). Keys are the swap-set keys of meter/reader/swapset.h; every
// value is text in the codec's register format ("1234.56", "2025-06-01", "0000", ...).
#include "meter/dlt645/common.h"
#include "model/result.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace ms::meter {

class RegisterSet
{
public:
    // forward_active 1234.56 (T1..T4 400.00 / 500.00 / 234.56 / 100.00), reverse_active 0.00,
    // meter_number = the address, clock = now, status_word_1 0000, remaining_energy 45.20,
    // remaining_money 88.50, cover_open_count 1.
    static RegisterSet defaults();
    // {"registers": {key: text | [texts]}, "clock": "now" | "YYYY-MM-DD hh:mm:ss",
    //  "absent": [key, ...], "refuse": [id, ...], "extra": {id: [texts]}}; unknown keys rejected.
    static Result<RegisterSet> fromJson(const QByteArray &json);
    static Result<RegisterSet> load(const QString &path);

    void set(const QString &key, QStringList texts);
    void remove(const QString &key);
    QStringList get(const QString &key) const;
    void refuse(const QString &id) { m_refused.insert(id.toUpper()); }
    bool refused(const QString &id) const { return m_refused.contains(id.toUpper()); }
    void setClock(std::optional<QDateTime> fixed) { m_fixedClock = std::move(fixed); }

    // The texts the meter answers for `id` in `protocol` (address = this meter's address).
    // nullopt: the meter does not have this item ("no requested data").
    std::optional<std::vector<std::string>> textsFor(Protocol protocol, const QString &id,
                                                     const QString &address) const;

private:
    QDateTime clock() const;

    QHash<QString, QStringList> m_values;
    QHash<QString, QStringList> m_extra; // id (upper case) -> texts
    QSet<QString> m_refused;
    std::optional<QDateTime> m_fixedClock;
};

} // namespace ms::meter
