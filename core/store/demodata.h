#pragma once
// Demo data: one task of about 20 households in one 台区 (fake names, Beijing-style addresses,
// 22-digit asset numbers ending in the 12-digit comm address, prepaid/postpaid mix, two flagged
// 机电不符 with purchase records) and one user for every role. Loaded once: a second call does
// nothing. Also a generator of N synthetic jobs for benchmarks and tests.
#include "model/result.h"
#include "model/types.h"

namespace ms {

class Store;

struct DemoLoad
{
    bool loaded = false;  // false: the demo was already there
    RowId taskId = 0;
    int customers = 0;
    int users = 0;
};

// Idempotent (marker in settings "demo.loaded").
Result<DemoLoad> loadDemoData(Store &store);

// Adds a task named `name` with `jobs` customers/jobs (deterministic from `seed`), one
// transaction. Returns the task id.
Result<RowId> generateJobs(Store &store, int jobs, quint32 seed = 1,
                           const QString &name = {});

} // namespace ms
