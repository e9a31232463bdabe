#include "catalog/catalogvalidator.h"

#include "catalog/jsonfields.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace ms {

using detail::CatalogTr;

namespace {

const QString kCatalogFile = QStringLiteral("catalog.json");

QString cardFileOf(const QString &cardId)
{
    return QStringLiteral("cards/%1.json").arg(cardId.section(QLatin1Char('.'), 0, 0));
}

class Checker
{
public:
    Checker(const Catalog &c, QString root) : m_c(c), m_root(std::move(root)) {}

    QList<CatalogProblem> run()
    {
        checkHeader();
        checkListing();
        checkCards();
        checkChoiceConditions();
        checkOneOfGroups();
        checkMatches();
        checkReachable();
        return m_out;
    }

private:
    void add(const QString &file, const QString &card, const QString &field, const QString &msg)
    {
        m_out.append(CatalogProblem{file, card, field, msg});
    }

    void checkHeader()
    {
        QSet<QString> seen;
        auto dup = [&](const QString &id, const QString &field, const QString &what) {
            if (id.isEmpty())
                return;
            if (seen.contains(id))
                add(kCatalogFile, {}, field, CatalogTr::tr("%1“%2”重复：编号必须唯一").arg(what, id));
            seen.insert(id);
        };
        for (qsizetype i = 0; i < m_c.roles.size(); ++i)
            dup(m_c.roles.at(i).id, QStringLiteral("roles[%1].id").arg(i), CatalogTr::tr("岗位"));
        seen.clear();
        for (qsizetype i = 0; i < m_c.phases.size(); ++i)
            dup(m_c.phases.at(i).id, QStringLiteral("phases[%1].id").arg(i), CatalogTr::tr("阶段"));
        seen.clear();
        for (qsizetype i = 0; i < m_c.flows.size(); ++i)
            dup(m_c.flows.at(i).id, QStringLiteral("flows[%1].id").arg(i), CatalogTr::tr("流程"));
        if (!m_c.entry.isEmpty() && !m_c.card(m_c.entry))
            add(kCatalogFile, {}, QStringLiteral("entry"),
                CatalogTr::tr("入口卡片 %1 没有定义：请指向一张存在的卡片").arg(m_c.entry));
        if (!m_c.jobEntry.isEmpty() && !m_c.card(m_c.jobEntry))
            add(kCatalogFile, {}, QStringLiteral("job_entry"),
                CatalogTr::tr("工单入口卡片 %1 没有定义：请指向一张存在的卡片").arg(m_c.jobEntry));
    }

    void checkListing()
    {
        QHash<QString, int> phaseCount;
        for (qsizetype i = 0; i < m_c.phases.size(); ++i) {
            const Phase &p = m_c.phases.at(i);
            for (qsizetype k = 0; k < p.flows.size(); ++k) {
                const QString &fid = p.flows.at(k);
                if (!m_c.flow(fid))
                    add(kCatalogFile, {}, QStringLiteral("phases[%1].flows[%2]").arg(i).arg(k),
                        CatalogTr::tr("阶段 %1 列出了不存在的流程 %2").arg(p.id, fid));
                ++phaseCount[fid];
            }
        }
        QSet<QString> listed;
        for (qsizetype i = 0; i < m_c.flows.size(); ++i) {
            const Flow &f = m_c.flows.at(i);
            const QString at = QStringLiteral("flows[%1]").arg(i);
            if (!f.phase.isEmpty() && !m_c.phase(f.phase))
                add(kCatalogFile, {}, at + QStringLiteral(".phase"), CatalogTr::tr("未知的阶段“%1”").arg(f.phase));
            if (!f.role.isEmpty() && !m_c.role(f.role))
                add(kCatalogFile, {}, at + QStringLiteral(".role"), CatalogTr::tr("未知的岗位“%1”").arg(f.role));
            const int n = phaseCount.value(f.id);
            if (!f.id.isEmpty() && n != 1)
                add(kCatalogFile, {}, at + QStringLiteral(".id"),
                    CatalogTr::tr("流程 %1 出现在 %2 个阶段的列表里：每个流程必须恰好属于一个阶段").arg(f.id).arg(n));
            else if (n == 1 && m_c.phase(f.phase) && !m_c.phase(f.phase)->flows.contains(f.id))
                add(kCatalogFile, {}, at + QStringLiteral(".phase"),
                    CatalogTr::tr("流程 %1 写的阶段是 %2，却列在另一个阶段里").arg(f.id, f.phase));
            for (qsizetype k = 0; k < f.cards.size(); ++k) {
                const FlowCard &fc = f.cards.at(k);
                const QString cat = QStringLiteral("%1.cards[%2]").arg(at).arg(k);
                if (fc.id.isEmpty())
                    continue;
                if (listed.contains(fc.id))
                    add(kCatalogFile, fc.id, cat + QStringLiteral(".id"), CatalogTr::tr("卡片编号重复：每张卡片只能列一次"));
                listed.insert(fc.id);
                if (fc.id.section(QLatin1Char('.'), 0, 0) != f.id)
                    add(kCatalogFile, fc.id, cat + QStringLiteral(".id"),
                        CatalogTr::tr("卡片编号应以流程号 %1. 开头").arg(f.id));
                if (fc.source != QLatin1String("seed") && fc.source != QLatin1String("reconstructed"))
                    add(kCatalogFile, fc.id, cat + QStringLiteral(".source"),
                        CatalogTr::tr("未知的 source“%1”：应为 seed 或 reconstructed").arg(fc.source));
                if (!m_c.card(fc.id))
                    add(cardFileOf(fc.id), fc.id, {},
                        CatalogTr::tr("目录中列出了这张卡片，但卡片文件里没有定义：请在 %1 中补上").arg(cardFileOf(fc.id)));
            }
        }
    }

    const FlowCard *listing(const QString &cardId, const Flow **flowOut) const
    {
        for (const Flow &f : m_c.flows)
            for (const FlowCard &fc : f.cards)
                if (fc.id == cardId) {
                    *flowOut = &f;
                    return &fc;
                }
        return nullptr;
    }

    void checkCards()
    {
        QSet<QString> defined;
        for (const Card &card : m_c.cards) {
            if (card.id.isEmpty())
                continue;
            if (defined.contains(card.id)) {
                add(card.file, card.id, QStringLiteral("id"), CatalogTr::tr("卡片编号重复定义：每张卡片只能定义一次"));
                continue;
            }
            defined.insert(card.id);
            const Flow *flow = nullptr;
            const FlowCard *fc = listing(card.id, &flow);
            if (!fc) {
                add(card.file, card.id, QStringLiteral("id"),
                    CatalogTr::tr("卡片没有列在 catalog.json 的流程里：请在对应流程的 cards 中加上它，或删除这张卡片"));
            } else {
                if (!card.flow.isEmpty() && card.flow != flow->id)
                    add(card.file, card.id, QStringLiteral("flow"),
                        CatalogTr::tr("流程应为 %1（catalog.json 中的位置），实际写的是 %2").arg(flow->id, card.flow));
                if (!card.title.isEmpty() && card.title != fc->title)
                    add(card.file, card.id, QStringLiteral("title"),
                        CatalogTr::tr("标题与 catalog.json 不一致：应为“%1”").arg(fc->title));
                if (card.source != fc->source)
                    add(card.file, card.id, QStringLiteral("source"),
                        CatalogTr::tr("来源与 catalog.json 不一致：应为 %1").arg(fc->source));
            }
            if (!card.role.isEmpty() && !m_c.role(card.role))
                add(card.file, card.id, QStringLiteral("role"), CatalogTr::tr("未知的岗位“%1”：应为 catalog.json 中 roles 的 id").arg(card.role));
            for (qsizetype i = 0; i < card.next.size(); ++i) {
                const QString &to = card.next.at(i).to;
                if (!to.isEmpty() && !m_c.card(to))
                    add(card.file, card.id, QStringLiteral("next[%1].to").arg(i),
                        CatalogTr::tr("指向的卡片 %1 不存在：请检查编号").arg(to));
                if (to == card.id)
                    add(card.file, card.id, QStringLiteral("next[%1].to").arg(i), CatalogTr::tr("卡片不能指向自己"));
            }
            if (!m_root.isEmpty())
                for (qsizetype i = 0; i < card.illustrations.size(); ++i) {
                    const QString &file = card.illustrations.at(i).file;
                    if (!file.isEmpty() && !QFileInfo::exists(m_root + QLatin1Char('/') + file))
                        add(card.file, card.id, QStringLiteral("illustrations[%1].file").arg(i),
                            CatalogTr::tr("示意图文件 %1 不存在：请放入目录或删除引用").arg(file));
                }
        }
    }

    bool namedCheck(const QString &ref) const // "21.3.old_seals_intact"
    {
        const qsizetype dot = ref.lastIndexOf(QLatin1Char('.'));
        const Card *card = m_c.card(ref.left(dot));
        const EvidenceRequirement *r = card ? card->requirement(ref.mid(dot + 1)) : nullptr;
        return r && r->kind == EvidenceKind::Check;
    }

    // one_of groups: at least two requirements, all required or all optional.
    void checkOneOfGroups()
    {
        for (const Card &card : m_c.cards) {
            QHash<QString, QList<const EvidenceRequirement *>> groups;
            for (const EvidenceRequirement &r : card.evidence)
                if (!r.oneOf.isEmpty())
                    groups[r.oneOf].append(&r);
            for (auto it = groups.constBegin(); it != groups.constEnd(); ++it) {
                bool mixed = false;
                for (const EvidenceRequirement *r : it.value())
                    mixed = mixed || r->required != it.value().first()->required;
                if (it.value().size() < 2 || mixed)
                    add(card.file, card.id, QStringLiteral("evidence"),
                        CatalogTr::tr("one_of 组“%1”要有至少两项、且都同为必填或都同为选填")
                            .arg(it.key()));
            }
        }
    }

    // `matches` names an existing requirement of the same kind of value.
    void checkMatches()
    {
        for (const Card &card : m_c.cards)
            for (qsizetype i = 0; i < card.evidence.size(); ++i) {
                const EvidenceRequirement &r = card.evidence.at(i);
                if (r.matches.isEmpty())
                    continue;
                const qsizetype dot = r.matches.lastIndexOf(QLatin1Char('.'));
                const Card *other = m_c.card(r.matches.left(dot));
                const EvidenceRequirement *target =
                    other ? other->requirement(r.matches.mid(dot + 1)) : nullptr;
                if (!target)
                    add(card.file, card.id, QStringLiteral("evidence[%1].matches").arg(i),
                        CatalogTr::tr("matches 指向的证据项 %1 不存在").arg(r.matches));
            }
    }

    bool failedCheckCard(const QString &cardId) const
    {
        const Card *card = m_c.card(cardId);
        if (!card)
            return false;
        for (const EvidenceRequirement &r : card->evidence)
            if (r.kind == EvidenceKind::Check)
                return true;
        return false;
    }

    // `choice.X` conditions must name a choice some card offers; `failed.N.M` a card with a check.
    void checkChoiceConditions()
    {
        QSet<QString> choices;
        for (const Card &card : m_c.cards)
            for (const Edge &e : card.next)
                if (!e.choice.isEmpty())
                    choices.insert(e.choice);
        auto check = [&](const Card &card, const QString &when, const QString &field) {
            const QString fact = when.startsWith(QLatin1Char('!')) ? when.mid(1) : when;
            if (fact.startsWith(QLatin1String("choice.")) && !choices.contains(fact.mid(7)))
                add(card.file, card.id, field,
                    CatalogTr::tr("条件 %1 引用的分支 %2 在任何卡片中都不存在").arg(when, fact.mid(7)));
            if (fact.startsWith(QLatin1String("no.")) && !namedCheck(fact.mid(3)))
                add(card.file, card.id, field,
                    CatalogTr::tr("条件 %1 引用的检查项不存在：应为 no.<卡片编号>.<该卡片上 check "
                                  "证据项的 key>")
                        .arg(when));
            if (fact.startsWith(QLatin1String("failed.")) && !failedCheckCard(fact.mid(7)))
                add(card.file, card.id, field,
                    CatalogTr::tr(
                        "条件 %1 引用的卡片 %2 不存在或没有“check”证据项：请指向一张有检查项的卡片")
                        .arg(when, fact.mid(7)));
        };
        for (const Card &card : m_c.cards) {
            for (qsizetype i = 0; i < card.next.size(); ++i)
                check(card, card.next.at(i).when, QStringLiteral("next[%1].when").arg(i));
            for (qsizetype i = 0; i < card.evidence.size(); ++i)
                check(card, card.evidence.at(i).when, QStringLiteral("evidence[%1].when").arg(i));
        }
    }

    void checkReachable()
    {
        if (m_c.entry.isEmpty() || !m_c.card(m_c.entry))
            return;
        QSet<QString> seen{m_c.entry};
        QList<QString> queue{m_c.entry};
        while (!queue.isEmpty()) {
            const Card *card = m_c.card(queue.takeFirst());
            if (!card)
                continue;
            for (const Edge &e : card->next)
                if (!seen.contains(e.to) && m_c.card(e.to)) {
                    seen.insert(e.to);
                    queue.append(e.to);
                }
        }
        QSet<QString> reported;
        for (const Card &card : m_c.cards)
            if (!card.id.isEmpty() && !seen.contains(card.id) && !reported.contains(card.id)) {
                reported.insert(card.id);
                add(card.file, card.id, QStringLiteral("id"),
                    CatalogTr::tr("从入口 %1 无法到达这张卡片：请在前一张卡片的 next 中指向它").arg(m_c.entry));
            }
    }

    const Catalog &m_c;
    QString m_root;
    QList<CatalogProblem> m_out;
};

} // namespace

QList<CatalogProblem> CatalogValidator::validate(const Catalog &catalog, const QString &root)
{
    return Checker(catalog, root).run();
}

} // namespace ms
