#include "service/fieldwalk.h"

#include "service/jobsession.h"
#include "workflow/valuevalidator.h"

#include <QCoreApplication>
#include <QDateTime>

namespace ms {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::FieldWalk)
};

// The choice a crew makes at a decision on the normal path (21.1: the customer is at home).
const QStringList kNormalChoices = {QStringLiteral("home")};

// A signature drawn on the pad: a few strokes, long enough to count as one.
Signature drawnSignature(int n)
{
    Signature s(QSize(800, 300));
    qint64 t = 0;
    for (int stroke = 0; stroke < 3; ++stroke) {
        s.beginStroke(QPointF(100 + stroke * 200, 150 + n % 7), t);
        for (int i = 1; i <= 12; ++i)
            s.addPoint(QPointF(100 + stroke * 200 + i * 12, 150 + ((i % 2) ? 40 : -40)), t += 15);
    }
    return s;
}

QString digits(const QString &s)
{
    QString out;
    for (QChar c : s)
        if (c.isDigit())
            out += c;
    return out;
}

} // namespace

FieldWalk::FieldWalk(const Catalog &catalog, PhotoSource photos)
    : m_catalog(catalog), m_photos(std::move(photos))
{
}

QString FieldWalk::valueFor(const JobSession &session, const EvidenceRequirement &req, int n) const
{
    const Customer &c = session.customer();
    QStringList candidates;
    if (req.kind == EvidenceKind::Check)
        return QStringLiteral("yes");
    if (req.isNumeric()) {
        double v = req.plausibleLow.value_or(req.min.value_or(0));
        if (req.meter == QLatin1String("old") && req.registerName == QLatin1String("forward_total"))
            v = c.lastBilledReading.value_or(1000.0) + 86.4 + n; // a month's use past the bill
        else if (req.meter == QLatin1String("old") && req.registerName.startsWith(QStringLiteral("forward_t")))
            v = (c.lastBilledReading.value_or(1000.0) + 86.4) / 4.0;
        else if (req.registerName == QLatin1String("remaining_money"))
            v = 12.5;
        if (req.max)
            v = qMin(v, *req.max);
        return QString::number(v, 'f', req.decimals.value_or(0));
    }
    if (req.kind == EvidenceKind::Barcode && req.meter == QLatin1String("old"))
        candidates << c.oldMeter.assetNo;
    if (req.kind == EvidenceKind::Barcode && req.meter == QLatin1String("new"))
        candidates << c.newMeter.assetNo;
    if (req.key.contains(QLatin1String("comm_address")))
        candidates << c.newMeter.commAddress << digits(c.newMeter.assetNo).right(12);
    if (req.key.contains(QLatin1String("phone")))
        candidates << c.phone;
    // Seal numbers are unique across the job and its task (29.1 after 28.4's concentrator seal).
    if (req.kind == EvidenceKind::SealNumber)
        n += int(session.seals().size() + session.taskSeals().size());
    const QString serial = QStringLiteral("%1").arg(c.id * 100 + n, 8, 10, QLatin1Char('0'));
    candidates << QStringLiteral("BJ26%1").arg(serial)
               << QStringLiteral("1380013%1").arg(serial.right(4))
               << QStringLiteral("1100%1%2").arg(serial, serial)
               << QStringLiteral("YX-%1").arg(serial)
               << serial.right(12).rightJustified(12, QLatin1Char('0'))
               << QStringLiteral("已核对（%1）").arg(n + 1)
               << QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    for (const QString &v : std::as_const(candidates))
        if (!v.isEmpty() && ValueValidator::check(req, v).ok())
            return v;
    return QStringLiteral("OK%1").arg(serial);
}

Result<void> FieldWalk::capture(JobSession &session, const QString &cardId,
                                const EvidenceRequirement &req, int n) const
{
    switch (req.kind) {
    case EvidenceKind::Photo: {
        auto r = session.addPhoto(cardId, req.key, m_photos(cardId, req.key, n));
        return r ? Result<void>() : Result<void>(r.error());
    }
    case EvidenceKind::Video: {
        auto r = session.addVideo(cardId, req.key,
                                  QByteArray("demo-video-") + req.key.toUtf8()
                                      + QByteArray(4096, 'v'),
                                  QStringLiteral("video/mp4"));
        return r ? Result<void>() : Result<void>(r.error());
    }
    case EvidenceKind::Signature: {
        // A supervisor's or crew leader's signature is given under their own sign-in: through
        // their session when the walk has one, then the walking session reads what they wrote.
        JobSession *signer = m_signers ? m_signers(req.signer) : nullptr;
        JobSession &by = signer ? *signer : session;
        if (signer)
            if (auto fresh = signer->reload(); !fresh)
                return fresh;
        auto art = SignatureRenderer::render(drawnSignature(n), by.signatureSummary());
        if (!art)
            return art.error();
        auto r = by.addSignature(cardId, req.key, art.value(), by.signatureSummary());
        if (!r)
            return r.error();
        return signer ? session.reload() : Result<void>();
    }
    case EvidenceKind::MeterFrames:
        return makeError(QStringLiteral("service.wrong_kind"),
                         Tr::tr("卡片 %1 的 %2 只能读表得到。").arg(cardId, req.key));
    default: {
        auto r = session.addValue(cardId, req.key, valueFor(session, req, n));
        return r ? Result<void>() : Result<void>(r.error());
    }
    }
}

Result<void> FieldWalk::fillCard(JobSession &session, const QString &cardId) const
{
    const Card *card = m_catalog.card(cardId);
    if (!card)
        return makeError(QStringLiteral("workflow.unknown_card"),
                         Tr::tr("作业卡目录中没有卡片 %1：请更新作业卡目录。").arg(cardId));
    const CardProgress before = session.progress(cardId);
    for (const StepState &step : before.steps)
        if (!step.done)
            if (auto r = session.setStep(cardId, step.index, true); !r)
                return r;
    for (const RequirementState &rs : session.progress(cardId).evidence) {
        if (!rs.required)
            continue;
        const EvidenceRequirement *req = card->requirement(rs.key);
        for (int n = rs.have; req && n < rs.need; ++n)
            if (auto r = capture(session, cardId, *req, n); !r)
                return r;
    }
    return {};
}

Result<QStringList> FieldWalk::run(JobSession &session) const
{
    QStringList walked;
    QString cardId = session.state().currentCard;
    for (int guard = 0; guard < 100 && !cardId.isEmpty(); ++guard) {
        if (auto filled = fillCard(session, cardId); !filled)
            return filled.error();
        if (session.progress(cardId).needsDecision) {
            QString choice;
            const QList<Edge> edges = session.state().choices;
            for (const Edge &e : edges)
                if (choice.isEmpty() || kNormalChoices.contains(e.choice))
                    choice = e.choice;
            if (auto r = session.choose(cardId, choice, {}); !r)
                return r.error();
            if (auto filled = fillCard(session, cardId); !filled) // what the choice asks for
                return filled.error();
        }
        auto next = session.completeCard(cardId);
        if (!next)
            return next.error();
        walked << cardId;
        cardId = session.state().status == JobStatus::Done ? QString() : next.value();
    }
    if (session.state().status != JobStatus::Done)
        return makeError(QStringLiteral("workflow.incomplete"),
                         Tr::tr("工单没有走到最后一张卡片（停在 %1）。")
                             .arg(session.state().currentCard));
    return walked;
}

} // namespace ms
