#pragma once
// The office workstation's state (issue 14 §2): the office API reached asynchronously (never
// blocking the UI thread: SyncHttp over the event loop), the last answer of every screen kept in
// the local store (OfficeDeskRepository) so what is on screen survives an unreachable office and
// a restart, and the decisions made here queued in the store with their decision_uuid and sent
// in order when the office answers, each applied once (docs/sync-protocol.md "Office API").
//
//   OfficeDesk desk(store, options);
//   desk.fetch(QStringLiteral("review.queue"), QStringLiteral("office/review/queue"), {}, this,
//              [](const OfficeDesk::Answer &a) { a.error ? showBanner() : show(a.body); });
//   desk.decide(job, QStringLiteral("approve"), {}, tr("通过"));   // queued, then sent
#include "model/result.h"
#include "store/officedeskrepository.h"
#include "sync/synchttp.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace ms {
class Store;
}

namespace ms::sync {

class OfficeDesk : public QObject
{
    Q_OBJECT
public:
    // A screen's answer: fresh from the office, or (error set) the office could not be reached /
    // refused, with the last answer kept in the store when there is one (cached = true).
    struct Answer
    {
        QJsonObject body;
        bool cached = false;
        QDateTime fetchedAt;
        std::optional<Error> error;
        bool reached = true; // false: the office was not reached (network, TLS)
    };
    using AnswerDone = std::function<void(const Answer &)>;
    using BytesDone = std::function<void(Result<QByteArray>)>;

    // `options.maxAttempts` etc. are lowered for a person waiting at a screen unless set.
    // `userUuid`: the signed-in office user whose token `options` carries; the decisions made
    // here are theirs, and only theirs are sent with it (a shared office PC).
    OfficeDesk(Store &store, HttpOptions options, QString userUuid = {}, QObject *parent = nullptr);
    ~OfficeDesk() override;

    QString serverName() const; // host:port, for the banner
    bool isReachable() const { return m_reachable; }
    QString lastError() const { return m_lastError; }

    // GET office `path`; the answer is kept under `key` (empty key: not kept). `done` runs on
    // this thread, only while `context` lives.
    void fetch(const QString &key, const QString &path, const QUrlQuery &query, QObject *context,
               AnswerDone done);
    // The kept answer of `key`, read now (a screen shows it while the office is asked).
    std::optional<CachedAnswer> cached(const QString &key);
    // The bytes of a GET (thumbnails, evidence files), not kept.
    void fetchBytes(const QString &path, QObject *context, BytesDone done);
    // A POST whose answer is not JSON (the billing export's CSV); not queued when unreachable.
    void postBytes(const QString &path, const QJsonObject &body, QObject *context, BytesDone done);

    // Records a decision on `jobUuid` (kind "approve" | "send-back" | "billing-confirm" |
    // "billing-send-back"; `body` without decision_uuid) in the store, then sends the queue.
    // Returns the decision_uuid; an error only when the store could not keep it.
    Result<QString> decide(const QString &jobUuid, const QString &kind, QJsonObject body,
                           const QString &summary);
    Result<QList<PendingDecision>> pending();       // this user's (and unowned older ones)
    Result<void> drop(const QString &decisionUuid); // a refused decision the user set aside
    // Sends the queued decisions in order; stops at the first the office cannot be reached for.
    void flush();
    // The banner's 重试: asks every screen to fetch again (retryRequested) and flushes.
    void retry();

signals:
    void reachabilityChanged(bool reachable, const QString &error);
    void decisionsChanged();                     // queued, sent, refused or dropped
    void decisionApplied(const QString &jobUuid, const QString &kind, const QJsonObject &answer);
    void retryRequested();

private:
    SyncHttp *newCall();
    void noteReach(bool reached, const QString &error);
    void sendNext(QList<PendingDecision> queue);

    Store &m_store;
    HttpOptions m_options;
    QString m_userUuid;
    QNetworkAccessManager m_nam;
    bool m_reachable = true;
    bool m_answered = false; // the office has answered once since this desk opened
    QString m_lastError;
    bool m_flushing = false;
    bool m_flushAgain = false;
};

} // namespace ms::sync
