#pragma once
// Value types of the sync wire (docs/sync-protocol.md) that both ends speak: what the office
// answered for a pushed record, an assignment handed down to tablets, and how much of an
// evidence file the office holds. The tablet's sync client (core/sync) and the office server's
// storage (core/serverstore) both use them; core/sync/wire.h turns them into bytes.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ms::wire {

// What happened to one pushed outbox record (docs/sync-protocol.md, "POST records").
enum class PushStatus {
    Stored,    // new, or a newer version than the office had
    Duplicate, // the office already holds this uuid at this version with the same content
    Stale,     // the office holds a newer version from the same device; nothing changed
    Refused,   // not applied; `code`/`reason` say why (missing evidence, another device's
               // record, a version jump, a bad record)
    Conflict   // the office holds a different record under this uuid and version (or another
               // device's edit of the same customer/task): both are kept, `fields` name what
               // differs, and the tablet keeps its row until the office resolves it
};
// "stored" | "duplicate" | "stale" | "refused" | "conflict"
QString pushStatusKey(PushStatus s);
std::optional<PushStatus> pushStatusFromKey(const QString &key);

// A record's version may grow by at most this much over what the office holds (or over the
// assignment the office sent, for a task or customer); a bigger jump is refused with
// "record.version_jump", so a stray 2^31-1 cannot make every later version of a uuid stale.
inline constexpr int kMaxVersionStep = 1000;

struct PushResult
{
    qint64 seq = 0;
    QString uuid;
    int version = 0;
    PushStatus status = PushStatus::Refused;
    QString code;   // machine code when refused or in conflict, e.g. "sync.missing_blob"
    QString reason; // human text when refused or in conflict
    QStringList fields = {}; // conflict: the fields that differ ("phone", "old_meter.model")
    // Confirmed means the tablet may mark the outbox row done (stored, duplicate, stale).
    bool confirmed() const
    {
        return status != PushStatus::Refused && status != PushStatus::Conflict;
    }
};

// One assignment row handed down to tablets: a task or a customer, with its JSON payload, or
// a tombstone saying that it was withdrawn from the pulling user (moved to another crew or
// taken out of its task).
struct Assignment
{
    qint64 seq = 0;      // cursor position; pull asks for seq > cursor
    QString entity;      // "task" | "customer"
    QString uuid;
    int version = 1;
    QJsonObject payload; // empty in a tombstone
    QStringList assignees = {}; // import: who gets this customer besides the import's common list
    bool withdrawn = false; // pull: a tombstone (the payload is empty)
    QString taskUuid = {};  // pull: the task a withdrawn customer belonged to
};

// The stock issued to a crew and not returned (entity "stock_issue", issue 15): one row per
// crew, replaced whole at each issue or return; withdrawn when the user left the crew.
struct IssuedStock
{
    QString uuid;
    int version = 1;
    QString crew;
    QStringList meters; // new meter asset numbers
    QStringList seals;
    bool withdrawn = false;
};

struct AssignmentPage
{
    QList<Assignment> items;
    qint64 cursor = 0;   // pass back on the next pull
    bool more = false;   // another page is waiting
};

struct BlobState
{
    qint64 offset = 0;     // bytes held (== size once complete)
    bool complete = false; // verified and stored under its hash
};

} // namespace ms::wire
