#include "sync/officedesk.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUuid>

namespace ms::sync {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::sync::OfficeDesk)
};

QString officePath(const QString &kind, const QString &jobUuid)
{
    return QStringLiteral("office/jobs/%1/%2").arg(jobUuid, kind);
}
} // namespace

OfficeDesk::OfficeDesk(Store &store, HttpOptions options, QString userUuid, QObject *parent)
    : QObject(parent), m_store(store), m_options(std::move(options)),
      m_userUuid(std::move(userUuid))
{
    // A person waits at the screen: two quick attempts, then say so (the banner has 重试).
    m_options.maxAttempts = qMin(m_options.maxAttempts, 2);
    m_options.initialBackoffMs = qMin(m_options.initialBackoffMs, 300);
    m_options.timeoutMs = qMin(m_options.timeoutMs, 15000);
}

OfficeDesk::~OfficeDesk() = default;

QString OfficeDesk::serverName() const
{
    const QUrl &u = m_options.server;
    return u.port() > 0 ? QStringLiteral("%1:%2").arg(u.host()).arg(u.port()) : u.host();
}

SyncHttp *OfficeDesk::newCall()
{
    return new SyncHttp(m_nam, m_options, this); // one per call: calls run side by side
}

void OfficeDesk::noteReach(bool reached, const QString &error)
{
    const bool changed = reached != m_reachable || (!reached && error != m_lastError);
    m_reachable = reached;
    m_lastError = reached ? QString() : error;
    if (changed)
        emit reachabilityChanged(m_reachable, m_lastError);
    // The office is back, or answered for the first time since this desk opened (the app was
    // restarted with decisions waiting): send what waited.
    const bool first = reached && !m_answered;
    m_answered = m_answered || reached;
    if (reached && (changed || first))
        flush();
}

std::optional<CachedAnswer> OfficeDesk::cached(const QString &key)
{
    if (key.isEmpty())
        return std::nullopt;
    auto a = m_store.officeDesk().answer(key);
    return a ? a.value() : std::nullopt;
}

void OfficeDesk::fetch(const QString &key, const QString &path, const QUrlQuery &query,
                       QObject *context, AnswerDone done)
{
    SyncHttp *http = newCall();
    QPointer<QObject> guard(context);
    http->get(path, query, [this, http, key, path, guard, done](Result<HttpReply> r) {
        http->deleteLater();
        Answer a;
        if (!r) {
            noteReach(false, r.error().message);
            a.reached = false;
            a.error = r.error();
        } else if (r->status < 200 || r->status > 299) {
            noteReach(true, {});
            a.error = SyncHttp::answerError(r.value());
        } else {
            noteReach(true, {});
            const QJsonDocument doc = QJsonDocument::fromJson(r->body);
            if (!doc.isObject()) {
                a.error = makeError(QStringLiteral("sync.bad_answer"),
                                    Tr::tr("办公室的回答不是 JSON 对象（%1）；请检查服务器地址和版本。")
                                        .arg(path));
            } else {
                a.body = doc.object();
                a.fetchedAt = QDateTime::currentDateTimeUtc();
                if (!key.isEmpty())
                    if (auto kept = m_store.officeDesk().putAnswer(key, a.body); !kept)
                        qWarning().noquote() << "office answer not kept:" << kept.error().message;
            }
        }
        if (a.error) {
            if (auto c = cached(key)) {
                a.body = c->body;
                a.fetchedAt = c->fetchedAt;
                a.cached = true;
            }
        }
        if (guard)
            done(a);
    });
}

void OfficeDesk::fetchBytes(const QString &path, QObject *context, BytesDone done)
{
    SyncHttp *http = newCall();
    QPointer<QObject> guard(context);
    http->get(path, {}, [this, http, guard, done](Result<HttpReply> r) {
        http->deleteLater();
        Result<QByteArray> out = QByteArray();
        if (!r) {
            noteReach(false, r.error().message);
            out = r.error();
        } else if (r->status < 200 || r->status > 299) {
            out = SyncHttp::answerError(r.value());
        } else {
            out = r->body;
        }
        if (guard)
            done(std::move(out));
    });
}

void OfficeDesk::postBytes(const QString &path, const QJsonObject &body, QObject *context,
                           BytesDone done)
{
    SyncHttp *http = newCall();
    QPointer<QObject> guard(context);
    http->post(path, QJsonDocument(body).toJson(QJsonDocument::Compact),
               [this, http, guard, done](Result<HttpReply> r) {
                   http->deleteLater();
                   Result<QByteArray> out = QByteArray();
                   if (!r) {
                       noteReach(false, r.error().message);
                       out = r.error();
                   } else if (r->status < 200 || r->status > 299) {
                       noteReach(true, {});
                       out = SyncHttp::answerError(r.value());
                   } else {
                       noteReach(true, {});
                       out = r->body;
                   }
                   if (guard)
                       done(std::move(out));
               });
}

Result<QString> OfficeDesk::decide(const QString &jobUuid, const QString &kind, QJsonObject body,
                                   const QString &summary)
{
    PendingDecision d;
    d.decisionUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d.jobUuid = jobUuid;
    d.kind = kind;
    body.insert(QStringLiteral("decision_uuid"), d.decisionUuid);
    d.body = body;
    d.summary = summary;
    d.createdAt = QDateTime::currentDateTimeUtc();
    d.userUuid = m_userUuid;
    if (auto kept = m_store.officeDesk().queueDecision(d); !kept)
        return kept.error();
    emit decisionsChanged();
    flush();
    return d.decisionUuid;
}

Result<QList<PendingDecision>> OfficeDesk::pending()
{
    return m_store.officeDesk().pendingDecisions(m_userUuid);
}

Result<void> OfficeDesk::drop(const QString &decisionUuid)
{
    auto done = m_store.officeDesk().removeDecision(decisionUuid);
    if (done)
        emit decisionsChanged();
    return done;
}

void OfficeDesk::retry()
{
    emit retryRequested();
    flush();
}

void OfficeDesk::flush()
{
    if (m_flushing) {
        m_flushAgain = true; // a decision queued while sending: another round after this one
        return;
    }
    auto queue = pending();
    if (!queue) {
        qWarning().noquote() << "office decisions unreadable:" << queue.error().message;
        return;
    }
    QList<PendingDecision> toSend;
    for (const PendingDecision &d : queue.value())
        if (!d.refused)
            toSend << d;
    if (toSend.isEmpty())
        return;
    m_flushing = true;
    sendNext(toSend);
}

void OfficeDesk::sendNext(QList<PendingDecision> queue)
{
    if (queue.isEmpty()) {
        m_flushing = false;
        if (m_flushAgain) {
            m_flushAgain = false;
            flush();
        }
        return;
    }
    const PendingDecision d = queue.takeFirst();
    SyncHttp *http = newCall();
    http->post(officePath(d.kind, d.jobUuid), QJsonDocument(d.body).toJson(QJsonDocument::Compact),
               [this, http, d, queue](Result<HttpReply> r) {
                   http->deleteLater();
                   auto &repo = m_store.officeDesk();
                   if (!r) {
                       // Not reached: keep it, and the rest, for the next time the office answers.
                       if (auto kept = repo.markFailed(d.decisionUuid, r.error().message, false); !kept)
                           qWarning().noquote() << kept.error().message;
                       m_flushing = false;
                       m_flushAgain = false;
                       emit decisionsChanged();
                       noteReach(false, r.error().message);
                       return;
                   }
                   noteReach(true, {});
                   if (r->status >= 200 && r->status <= 299) {
                       if (auto gone = repo.removeDecision(d.decisionUuid); !gone)
                           qWarning().noquote() << gone.error().message;
                       emit decisionsChanged();
                       emit decisionApplied(d.jobUuid, d.kind,
                                            QJsonDocument::fromJson(r->body).object());
                   } else if (r->status >= 500) {
                       // The office failed on it: keep it queued, try again at the next flush.
                       static_cast<void>(repo.markFailed(
                           d.decisionUuid, SyncHttp::answerError(r.value()).message, false));
                       emit decisionsChanged();
                   } else {
                       // Refused (409 the job moved on, 400 a bad item, 403): sending it again
                       // would be refused again. Kept and shown until the user sets it aside.
                       static_cast<void>(repo.markFailed(
                           d.decisionUuid, SyncHttp::answerError(r.value()).message, true));
                       emit decisionsChanged();
                   }
                   sendNext(queue);
               });
}

} // namespace ms::sync
