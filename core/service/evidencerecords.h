#pragma once
// What one capture of each kind stores: the evidence rows (NewEvidence) of a photo, a video, a
// signature, a typed value or a read over the meter's port, before the job service gives them
// their owner and user. Pure functions, so what a row holds is decided in one place.
//
//   NewEvidence row = EvidenceRecords::photo("21.4", "box_after", processedPhoto);
#include "catalog/catalog.h"
#include "media/photopipeline.h"
#include "media/signature.h"
#include "meter/reader/crosscheck.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QList>

namespace ms {

struct EvidenceRecords
{
    static NewEvidence photo(const QString &cardId, const QString &requirement,
                             const ProcessedPhoto &photo);
    static NewEvidence video(const QString &cardId, const QString &requirement,
                             const QByteArray &bytes, const QString &mime);
    // meta: summary (what the signer saw), its hash, the stroke points and their hash, signer.
    static NewEvidence signature(const QString &cardId, const EvidenceRequirement &requirement,
                                 const SignatureArtifact &art, const QString &summary);
    // A typed value (reading, number, seal number, text, barcode, check "yes"/"no"); meta gets
    // the requirement's meter and register, and source "manual" unless the caller named one.
    static NewEvidence value(const QString &cardId, const EvidenceRequirement &requirement,
                             const QString &value, QJsonObject meta);
    // A read over the optical or RS-485 port: one row of kind meter_frames (a JSON file with every
    // frame, hex and timestamps) and one meter_reading row per register read (forward_total,
    // forward_t1..t4, reverse_total, remaining_energy, remaining_money). The register the
    // requirement asks for carries the requirement key; the others "<key>.<register>". Every
    // reading row names the frames row in meta.frames and has source "meter_port".
    static QList<NewEvidence> meterRead(const QString &cardId,
                                        const EvidenceRequirement &requirement,
                                        const meter::SwapSetReading &reading,
                                        const QList<meter::CrossCheckWarning> &warnings,
                                        const QString &assetNo);
};

} // namespace ms
