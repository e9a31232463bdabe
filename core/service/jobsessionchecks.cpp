// JobSession: the checks an action passes before it writes — whose signature a sign-in may give,
// and a value re-entered to be checked against the one first recorded.
#include "service/jobsession.h"

namespace ms {

Result<void> JobSession::checkOwnSignature(const EvidenceRequirement &req) const
{
    // The supervisor and the crew leader sign their cards under their own sign-in (on the crew's
    // tablet or their own device), so the signature row carries who gave it.
    const QString signer = req.signer;
    if (m_actor.roles.isEmpty()
        || (signer != QLatin1String("supervisor") && signer != QLatin1String("crew_leader")))
        return {};
    if (m_actor.roles.contains(signer))
        return {};
    const Role *role = m_catalog.role(signer);
    const QString who = role ? role->name : signer;
    return makeError(QStringLiteral("service.wrong_signer"),
                     tr("“%1”须由%2本人签字，%3的账号不能代签：请%2用自己的账号登录"
                        "（在本平板或自己的设备上）后再签。")
                         .arg(req.label, who, m_actor.name));
}

Result<void> JobSession::checkMatches(const EvidenceRequirement &req, const QString &value) const
{
    // A number re-entered at a hand-over (24.6: the sealed old meter's seal) must be one that was
    // recorded where it was first taken (24.3).
    if (req.matches.isEmpty())
        return {};
    const qsizetype dot = req.matches.lastIndexOf(QLatin1Char('.'));
    const QString card = req.matches.left(dot);
    const QStringList recorded =
        m_data.snapshot.evidence.value(card).value(req.matches.mid(dot + 1));
    if (recorded.contains(value))
        return {};
    const Card *source = m_catalog.card(card);
    const EvidenceRequirement *first =
        source ? source->requirement(req.matches.mid(dot + 1)) : nullptr;
    const QString what = first ? first->label : req.matches;
    return makeError(
        QStringLiteral("value.mismatch"),
        recorded.isEmpty()
            ? tr("卡片 %1 还没有记录“%2”，无法核对：请先在卡片 %1 上记录。").arg(card, what)
            : tr("“%1”与卡片 %2 记录的“%3”（%4）不一致：请核对实物上的编号后重新输入。")
                  .arg(value, card, what, recorded.join(QStringLiteral("、"))));
}

} // namespace ms
