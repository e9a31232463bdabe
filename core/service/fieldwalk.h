#pragma once
// A crew's day on one job, done by the program: the job walked through every card of its path as
// an installer would leave it — every step ticked, every required item captured (photos,
// readings, barcodes, seal numbers, signatures, checks), 21.1 "客户在家", each card completed —
// up to 30.2, which submits the job (submission 1). Every tap is one action of the job service
// (one transaction). For `meterswapctl demo seed --complete`, the office demo and tests.
//
//   FieldWalk walk(catalog, [&](const QString &card, const QString &key, int n) {
//       return photoFor(card, key, n);
//   });
//   auto done = walk.run(session);   // "workflow.*" naming the card that stopped it
#include "catalog/catalog.h"
#include "media/photopipeline.h"
#include "model/result.h"

#include <functional>

namespace ms {

class JobSession;

class FieldWalk
{
public:
    using PhotoSource = std::function<ProcessedPhoto(const QString &cardId, const QString &key,
                                                     int n)>;
    FieldWalk(const Catalog &catalog, PhotoSource photos);
    // The session of the person who signs for `signer` ("supervisor", "crew_leader"): the
    // supervisor signing in on the crew's tablet, or on their own device. nullptr (or no
    // function): the walking session signs.
    using SignerSession = std::function<JobSession *(const QString &signer)>;
    void setSigners(SignerSession signers) { m_signers = std::move(signers); }
    // Captures one requirement's item `n` (as run() and fillCard() do).
    Result<void> captureOne(JobSession &session, const QString &cardId,
                            const EvidenceRequirement &req, int n) const
    {
        return capture(session, cardId, req, n);
    }

    // Walks the job from its current card to the end of its field part. Returns the cards
    // walked, in order.
    Result<QStringList> run(JobSession &session) const;
    // Fills one card: its steps and every required, applicable item still missing.
    Result<void> fillCard(JobSession &session, const QString &cardId) const;
    // A value the requirement accepts (a reading within its plausible range, a number matching its
    // pattern); `n` makes seal numbers and the like differ.
    QString valueFor(const JobSession &session, const EvidenceRequirement &req, int n) const;

private:
    Result<void> capture(JobSession &session, const QString &cardId,
                         const EvidenceRequirement &req, int n) const;

    const Catalog &m_catalog;
    PhotoSource m_photos;
    SignerSession m_signers;
};

} // namespace ms
