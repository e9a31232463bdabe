#pragma once
// Plain value types shared by every module.
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace ms {

using RowId = qint64;

// 用户 — a person who signs in on this device. PIN stored only as a salted hash.
struct User
{
    RowId id = 0;
    QString uuid;
    QString name;
    QStringList roles; // role ids from forms/catalog.json, e.g. "installer", "crew_leader"
    QByteArray pinSalt;
    QByteArray pinHash;
    QString pinKdf; // how pinHash was derived, e.g. "pbkdf2-sha256$600000" (store/pinhash.h)
};

// 换表工作任务 — one replacement task: a transformer area (台区) or residential block.
struct Task
{
    RowId id = 0;
    QString uuid;
    QString code;            // task number from the marketing system
    QString name;            // e.g. "朝阳区安贞里3号楼台区智能表更换"
    QString areaName;        // 台区名称
    QString areaCode;        // 台区编号
    QString address;         // 小区或地址
    QString crew;            // 施工班组
    QString leader;          // 工作负责人
    QDate plannedStart;
    QDate plannedEnd;
    int version = 1;
    // The office allows the crew to write the meters missing from the concentrator's archive
    // (37.2) over the maintenance port; otherwise the list goes to the master station.
    bool concentratorArchiveWrite = false;
};

enum class PaymentType { Postpaid, Prepaid }; // 后付费 / 预付费

// 表计 — a meter as known to the job (old one to remove or new one to install).
struct MeterInfo
{
    QString assetNo;     // 资产编号 (barcode on the nameplate)
    QString commAddress; // 12-digit communication address
    QString model;       // 型号
    QString protocol;    // "dlt645-2007" | "dlt645-1997" | "dlt698.45" | ""
};

// 客户 — one household / account in the task.
struct Customer
{
    RowId id = 0;
    QString uuid;
    RowId taskId = 0;
    QString accountNo;   // 户号
    QString name;        // 户名
    QString address;
    QString phone;
    QString meterBoxNo;  // 表箱号/表位号
    PaymentType payment = PaymentType::Postpaid;
    MeterInfo oldMeter;
    MeterInfo newMeter;  // planned new meter (may be empty until scanned)
    std::optional<double> lastBilledReading; // kWh, from the marketing system
    bool mismatchFlag = false; // 机电不符 (set by 7.2)
    int version = 1;
};

enum class JobStatus { NotStarted, InProgress, WaitingAppointment, Done };
QString jobStatusKey(JobStatus s);              // "not_started", ...
std::optional<JobStatus> jobStatusFromKey(const QString &key);

// 工单 — the work on one customer within a task.
struct Job
{
    RowId id = 0;
    QString uuid;
    RowId taskId = 0;
    RowId customerId = 0;
    JobStatus status = JobStatus::NotStarted;
    QString currentCard;     // card id, e.g. "21.4"
    QJsonObject branches;    // decision point -> {"choice": "...", "reason": "...", "at": iso}
    QDateTime appointmentAt; // 约时 (21.8)
    QDateTime startedAt;
    QDateTime finishedAt;
    int version = 1;
    int submission = 0;      // 送审 round: 0 until the field part is first submitted (30.2)
    QDateTime submittedAt;   // when the current round was submitted (UTC)
};

// 步骤记录 — one step of a card ticked (or unticked) by a person.
struct StepRecord
{
    RowId id = 0;
    QString uuid;
    RowId jobId = 0;
    QString cardId;
    int stepIndex = 0;
    bool done = false;
    QString userUuid;
    QDateTime at;
    int version = 1;
    RowId taskId = 0; // set instead of jobId for a task-level card (card scope "task")
};

// 证据 — anything captured against a card's evidence requirement.
enum class EvidenceKind {
    Photo, Video, Signature, MeterReading, Barcode, SealNumber, Number, Text, Check, MeterFrames
};
QString evidenceKindKey(EvidenceKind k);        // "photo", "video", ... "meter_frames"
std::optional<EvidenceKind> evidenceKindFromKey(const QString &key);

struct Evidence
{
    RowId id = 0;
    QString uuid;
    RowId jobId = 0;
    QString cardId;
    QString requirement;   // requirement key within the card, e.g. "old_meter_face"
    EvidenceKind kind = EvidenceKind::Photo;
    QString sha256;        // hex, empty when the evidence has no file (a typed number)
    QString mime;
    qint64 size = 0;
    QString value;         // typed/read value as text ("12345.67", seal number, "yes")
    QString unit;
    QJsonObject meta;      // kind-specific: watermark text, signer, summary hash, frames, ...
    QString userUuid;
    QDateTime capturedAt;
    int version = 1;
    RowId taskId = 0;      // set instead of jobId for a task-level card (card scope "task")
};

// 封印 — a seal placed on the new meter or box (29.1), or removed from the old one.
struct Seal
{
    RowId id = 0;
    QString uuid;
    RowId jobId = 0;
    QString position; // "meter_cover" 表盖, "terminal_cover" 端钮盒, "box" 表箱, "removed",
                      // task seals: "concentrator" 集中器, "concentrator_box" 集中器箱
    QString number;
    QDateTime at;
    int version = 1;
    RowId taskId = 0; // set instead of jobId for a task's seal (concentrator, 19.1 / 28.4)
};

// A record's place in its device's hash chain (记录链), signed with the device key. Definition
// of the bytes: docs/sync-protocol.md "Record chain"; computed by core/model/recordchain.h.
struct ChainLink
{
    qint64 n = 0;        // position in the device's chain, from 1; 0 = not chained
    QString prev;        // hex link of position n - 1 (64 zeros before the first)
    QString link;        // hex SHA-256 link of this record
    QString signature;   // hex Ed25519 signature of the 32 link bytes
};

// 发件箱 — every change appends one row in the same transaction; sync sends them in order.
struct OutboxEntry
{
    qint64 seq = 0;
    QString entity;       // "task" | "customer" | "job" | "step" | "evidence" | "seal" | "reading" | ...
    QString uuid;         // record uuid
    int version = 1;
    QString op;           // "upsert" | "delete"
    QJsonObject payload;  // the record as JSON
    QStringList blobs;    // SHA-256 of evidence files this record names
    QDateTime createdAt;
    QDateTime confirmedAt; // null until the office acknowledged it
    ChainLink chain;       // written with the row, never changed
};

} // namespace ms
