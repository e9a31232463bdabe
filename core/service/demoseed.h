#pragma once
// `meterswapctl demo seed`: a generated task of N households (store/demodata.h) and M real JPEG
// photos on each job, added through the job service like a person's photos, one action (one
// transaction) each, on card 21.4's photo requirements. For sync tests and benchmarks.
//
//   DemoSeedOptions o;
//   o.jobs = 3; o.photosPerJob = 2; o.photoKb = 40;
//   auto seeded = ms::seedDemoJobs(store, catalog, workflow, o);
// With `complete`, each job is then walked through every card of its field path (FieldWalk:
// readings, seals, signatures, photos, each card completed, up to 30.2), so it is submitted
// (submission 1) as a crew's day would leave it; every capture is one action.
#include "model/result.h"
#include "model/types.h"

namespace ms {

class Catalog;
class Store;
class Workflow;

struct DemoSeedOptions
{
    int jobs = 1;
    int photosPerJob = 0;
    int photoKb = 400; // about this size each, every photo with its own SHA-256
    quint32 seed = 1;  // the same seed makes the same households and photos
    QString taskName;  // "" = a generated name
    bool complete = false; // walk every job to its submission (30.2)
};

struct DemoSeedReport
{
    RowId taskId = 0;
    int jobs = 0;
    int photos = 0;        // every photo, the walk's included
    qint64 photoBytes = 0;
    int submitted = 0;     // jobs walked to their submission
};

Result<DemoSeedReport> seedDemoJobs(Store &store, const Catalog &catalog, const Workflow &workflow,
                                    const DemoSeedOptions &options);

} // namespace ms
