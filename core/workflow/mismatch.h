#pragma once
// 机电不符 (register mismatch) on old prepaid IC-card meters: flows 7.1 (差额电量) and 7.2 (分档).
//
//   electronic consumption 电子消费电量 = cumulative purchased 累计购电量 − remaining energy 剩余电量
//   register advance      机械走字     = mechanical register reading 机械计度器示数 − baseline
//   difference            差额电量     = register advance − electronic consumption
//
// The baseline is the mechanical register reading when the prepaid account was opened (开户时
// 示数). When it is not known the register reading itself is the advance (baseline 0: the old
// IC-card meter went in with its register at zero). The result says which baseline was used.
// Positive difference: the register ran ahead of the purse (energy used but not paid for).
// Negative difference: the purse was debited more than the register ran (customer overcharged).
// The tier comes from MismatchConfig (forms/config/mismatch-tiers.json), never from code.
// Nothing is guessed: a missing purchase record, register or remaining energy is an error that
// says what to collect.
#include "model/result.h"
#include "workflow/mismatchconfig.h"

#include <QString>
#include <optional>

namespace ms {

struct MismatchInput
{
    QString accountNo;                         // 户号 (for messages)
    std::optional<double> cumulativePurchased; // 累计购电量 kWh (5.1, appendix 4); none = no record
    std::optional<double> remainingEnergy;     // 剩余电量 kWh, read on site (6.1)
    std::optional<double> mechanicalRegister;  // 机械计度器示数 kWh, read on site (6.1)
    std::optional<double> registerBaseline;    // 开户时机械计度器示数 kWh, when known
};

struct MismatchResult
{
    double electronicConsumption = 0; // 电子消费电量
    double registerAdvance = 0;       // 机械走字
    double difference = 0;            // 差额电量 (rounded to 0.01 kWh)
    bool baselineKnown = false;       // false: the register reading itself was the advance
    MismatchTier tier;                // the tier the difference falls in
    bool flagged() const { return tier.mismatch; } // register as 机电不符, route via 22–26
};

// Error codes.
inline constexpr const char *kMismatchNoPurchaseRecord = "mismatch.no_purchase_record";
inline constexpr const char *kMismatchNoReading = "mismatch.no_reading";
inline constexpr const char *kMismatchBadInput = "mismatch.bad_input";
// The tier id recorded on a customer whose calculation waits for a purchase record.
inline constexpr const char *kNeedsPurchaseRecordTier = "needs_purchase_record";

class MismatchCalculator
{
public:
    explicit MismatchCalculator(MismatchConfig config);
    const MismatchConfig &config() const { return m_config; }

    // Errors: kMismatchNoPurchaseRecord, kMismatchNoReading (register or remaining energy not
    // recorded), kMismatchBadInput (negative values, remaining energy above the purchased total,
    // register below its baseline).
    Result<MismatchResult> compute(const MismatchInput &input) const;

private:
    MismatchConfig m_config;
};

} // namespace ms
