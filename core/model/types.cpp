#include "model/types.h"

#include <array>
#include <utility>

namespace ms {

namespace {
constexpr std::array<std::pair<JobStatus, const char *>, 4> kJobStatus{{
    {JobStatus::NotStarted, "not_started"},
    {JobStatus::InProgress, "in_progress"},
    {JobStatus::WaitingAppointment, "waiting_appointment"},
    {JobStatus::Done, "done"},
}};
constexpr std::array<std::pair<EvidenceKind, const char *>, 10> kEvidenceKind{{
    {EvidenceKind::Photo, "photo"},
    {EvidenceKind::Video, "video"},
    {EvidenceKind::Signature, "signature"},
    {EvidenceKind::MeterReading, "meter_reading"},
    {EvidenceKind::Barcode, "barcode"},
    {EvidenceKind::SealNumber, "seal_number"},
    {EvidenceKind::Number, "number"},
    {EvidenceKind::Text, "text"},
    {EvidenceKind::Check, "check"},
    {EvidenceKind::MeterFrames, "meter_frames"},
}};

template<typename Table, typename E>
QString keyOf(const Table &table, E value)
{
    for (const auto &[v, key] : table)
        if (v == value)
            return QString::fromLatin1(key);
    return {};
}

template<typename E, typename Table>
std::optional<E> valueOf(const Table &table, const QString &key)
{
    for (const auto &[v, k] : table)
        if (key == QLatin1String(k))
            return v;
    return std::nullopt;
}
} // namespace

QString jobStatusKey(JobStatus s) { return keyOf(kJobStatus, s); }
std::optional<JobStatus> jobStatusFromKey(const QString &key)
{
    return valueOf<JobStatus>(kJobStatus, key);
}
QString evidenceKindKey(EvidenceKind k) { return keyOf(kEvidenceKind, k); }
std::optional<EvidenceKind> evidenceKindFromKey(const QString &key)
{
    return valueOf<EvidenceKind>(kEvidenceKind, key);
}

} // namespace ms
