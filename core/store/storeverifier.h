#pragma once
// The tablet checks itself (自检): the outbox record chain (every link and signature, no gap, the
// head) and every job's and task's evidence hash chain. Used by `meterswapctl verify` and by the
// app in the background after a crash; reads only, so a second Store on its own thread may run
// it beside the app's.
//
//   const ms::StoreVerifyReport r = ms::verifyStore(store);
//   for (const ms::chain::Problem &p : r.problems) show(p.message);
#include "store/outboxchain.h"

namespace ms {

class Store;

struct StoreVerifyReport
{
    ChainVerifyReport outbox;
    int evidenceChains = 0;          // jobs and tasks whose evidence chain was walked
    int evidenceRows = 0;
    QList<chain::Problem> problems;  // the outbox's and the evidence chains', in that order
    bool ok() const { return problems.isEmpty(); }
};

StoreVerifyReport verifyStore(Store &store);

} // namespace ms
