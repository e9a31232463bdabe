#pragma once
// A capture made from outside the app (meterswapctl capture photo / value): the same capture the
// app makes — a photo through the photo pipeline (upright, resized, watermarked, hashed,
// thumbnail) and then one action of the job service (one transaction); a typed value checked by
// ValueValidator. Refused before anything is written when the card has no such requirement (the
// message lists the card's requirement keys), on an approved job ("job.approved"), or when the
// file cannot be read or decoded.
//
//   FileCapture capture(store, catalog, workflow, Actor{}, PhotoOptions{});
//   auto e = capture.photo(jobUuid, "21.4", "box_after", "/tmp/box.jpg");
#include "media/photopipeline.h"
#include "model/result.h"
#include "model/types.h"
#include "service/actor.h"

namespace ms {

class Catalog;
struct EvidenceRequirement;
class Store;
class Workflow;

class FileCapture
{
public:
    FileCapture(Store &store, const Catalog &catalog, const Workflow &workflow, Actor actor,
                PhotoOptions options);

    Result<Evidence> photo(const QString &jobUuid, const QString &cardId, const QString &key,
                           const QString &path) const;
    // `confirmImplausible`: the person confirms a value outside the usual range;
    // `notIssuedReason`: why a new meter or seal not issued to the crew is used all the same.
    Result<Evidence> value(const QString &jobUuid, const QString &cardId, const QString &key,
                           const QString &value, bool confirmImplausible = false,
                           const QString &notIssuedReason = {}) const;

private:
    // "service.unknown_requirement" listing the card's keys, or the requirement.
    Result<const EvidenceRequirement *> requirement(const QString &cardId,
                                                    const QString &key) const;

    Store &m_store;
    const Catalog &m_catalog;
    const Workflow &m_workflow;
    Actor m_actor;
    PhotoPipeline m_pipeline;
};

} // namespace ms
