#include "service/filecapture.h"

#include "catalog/catalog.h"
#include "service/jobsession.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QFile>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::FileCapture)
};
} // namespace

FileCapture::FileCapture(Store &store, const Catalog &catalog, const Workflow &workflow,
                         Actor actor, PhotoOptions options)
    : m_store(store), m_catalog(catalog), m_workflow(workflow), m_actor(std::move(actor)),
      m_pipeline(options)
{
}

Result<const EvidenceRequirement *> FileCapture::requirement(const QString &cardId,
                                                             const QString &key) const
{
    const Card *card = m_catalog.card(cardId);
    if (!card)
        return makeError(QStringLiteral("service.unknown_card"),
                         Tr::tr("作业卡目录中没有卡片 %1：请检查卡片编号（例如 21.4）。").arg(cardId));
    if (const EvidenceRequirement *req = card->requirement(key))
        return req;
    QStringList keys;
    for (const EvidenceRequirement &r : card->evidence)
        keys << r.key;
    return makeError(QStringLiteral("service.unknown_requirement"),
                     Tr::tr("卡片 %1 没有证据项“%2”。这张卡片的证据项有：%3。")
                         .arg(cardId, key, keys.join(QStringLiteral(", "))));
}

Result<Evidence> FileCapture::photo(const QString &jobUuid, const QString &cardId,
                                    const QString &key, const QString &path) const
{
    auto req = requirement(cardId, key);
    if (!req)
        return req.error();
    auto job = m_store.jobs().byUuid(jobUuid);
    if (!job)
        return job.error();
    auto session = JobSession::open(m_store, m_catalog, m_workflow, m_actor, job->id);
    if (!session)
        return session.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("service.file"),
                         Tr::tr("读不到照片文件 %1（%2）：请检查路径和权限。")
                             .arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    auto processed = m_pipeline.process(bytes, session.value()->watermark(cardId));
    if (!processed)
        return processed.error();
    return session.value()->addPhoto(cardId, key, processed.value());
}

Result<Evidence> FileCapture::value(const QString &jobUuid, const QString &cardId,
                                    const QString &key, const QString &value,
                                    bool confirmImplausible, const QString &notIssuedReason) const
{
    auto req = requirement(cardId, key);
    if (!req)
        return req.error();
    auto job = m_store.jobs().byUuid(jobUuid);
    if (!job)
        return job.error();
    auto session = JobSession::open(m_store, m_catalog, m_workflow, m_actor, job->id);
    if (!session)
        return session.error();
    QJsonObject meta;
    if (confirmImplausible)
        meta.insert(QStringLiteral("confirmed_implausible"), true);
    if (!notIssuedReason.trimmed().isEmpty())
        meta.insert(QStringLiteral("not_issued_reason"), notIssuedReason.trimmed());
    return session.value()->addValue(cardId, key, value, meta);
}

} // namespace ms
