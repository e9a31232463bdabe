// libFuzzer target: the sync wire decoders (core/sync/wire.h) on any bytes, as the office server
// reads a records push request and the client reads the server's answers. Invariants (trap when
// broken): a push batch or push results that decode survive encode → decode unchanged; nothing
// decodes a batch over kMaxBatchRecords.
#include "sync/wire.h"

#include <cstddef>
#include <cstdint>

using namespace ms;

namespace {
bool same(const OutboxEntry &a, const OutboxEntry &b)
{
    return a.seq == b.seq && a.entity == b.entity && a.uuid == b.uuid && a.version == b.version &&
           a.op == b.op && a.payload == b.payload && a.blobs == b.blobs;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));

    if (const auto batch = sync::decodePushBatch(body)) {
        if (batch->size() > sync::kMaxBatchRecords)
            __builtin_trap();
        const auto again = sync::decodePushBatch(sync::encodePushBatch(*batch));
        if (!again || again->size() != batch->size())
            __builtin_trap();
        // A second round trip is the fixed point (the first may normalise, e.g. a bad date).
        const auto third = sync::decodePushBatch(sync::encodePushBatch(*again));
        if (!third || third->size() != again->size())
            __builtin_trap();
        for (qsizetype i = 0; i < again->size(); ++i)
            if (!same(again->at(i), third->at(i)))
                __builtin_trap();
    }
    if (const auto results = sync::decodePushResults(body)) {
        const auto again = sync::decodePushResults(sync::encodePushResults(*results));
        if (!again || again->size() != results->size())
            __builtin_trap();
        for (qsizetype i = 0; i < again->size(); ++i)
            if (again->at(i).uuid != results->at(i).uuid ||
                again->at(i).status != results->at(i).status ||
                again->at(i).version != results->at(i).version)
                __builtin_trap();
    }
    (void)sync::decodeAssignmentPage(body);
    (void)sync::decodeBlobState(body);
    (void)sync::decodeBlobStateQuery(body);
    (void)sync::decodeBlobStates(body);
    (void)sync::decodeError(body, 500);
    return 0;
}
