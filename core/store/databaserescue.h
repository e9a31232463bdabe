#pragma once
// After a corrupt database was moved aside (OpenNotice::movedAside): what can be had back from it,
// and putting that back in place of the new, empty database. Works on copies only: the
// moved-aside file is never changed, so support can still try harder tools on it.
//
//   auto found = DatabaseRescue::inspect(notice.movedTo);   // store may stay open meanwhile
//   if (found && found->recovered) {
//       store.reset();                                      // close it first
//       DatabaseRescue::adopt(dataDir, *found);
//   }
//
// What it repairs: a damaged 100-byte file header (the commonest damage from a bad SD card or an
// interrupted update writing over the start of the file). The readable copy is rebuilt with
// VACUUM INTO, which reads every table through its b-tree and writes a clean file; a database
// whose table pages are damaged cannot be rebuilt this way and is reported as such.
#include "model/result.h"

#include <QString>

namespace ms {

struct RescueReport
{
    bool recovered = false;  // a clean copy passed quick_check and holds the store's tables
    QString movedAside;      // the damaged file (unchanged)
    QString rescuedPath;     // DIR/meterswap.db.rescued-<stamp> when recovered
    bool headerRepaired = false;
    int schemaVersion = 0;
    qint64 jobs = 0;
    qint64 evidence = 0;
    qint64 pendingRecords = 0; // outbox rows not yet confirmed by the office
    qint64 missingFiles = 0;   // evidence rows whose file is not in DIR/evidence
    QString message;           // translated: what was found, or why nothing could be had back
};

class DatabaseRescue
{
public:
    // Makes a clean copy of `movedAside` (+ its -wal) beside it. Never changes the moved-aside
    // file. An error only for the copy itself failing (disk full, permissions); a file that
    // cannot be read gives recovered = false with the reason in message.
    static Result<RescueReport> inspect(const QString &movedAside);

    // Puts the rescued copy in place of DIR/meterswap.db, which must not be open and must hold no
    // work (no evidence, nothing in the outbox): otherwise "store.rescue_refused". The replaced
    // file is kept as meterswap.db.replaced-<stamp>.
    static Result<void> adopt(const QString &dataDir, const RescueReport &report);

    // Evidence files present under DIR/evidence (what the person is told is still there).
    static int evidenceFilesOnDisk(const QString &dataDir);
};

} // namespace ms
