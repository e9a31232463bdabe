#include "catalog/catalog.h"

namespace ms {

QStringList Flow::cardIds() const
{
    QStringList ids;
    ids.reserve(cards.size());
    for (const FlowCard &c : cards)
        ids.append(c.id);
    return ids;
}

bool EvidenceRequirement::isNumeric() const
{
    return kind == EvidenceKind::MeterReading || kind == EvidenceKind::Number;
}

const EvidenceRequirement *Card::requirement(const QString &key) const
{
    for (const EvidenceRequirement &r : evidence)
        if (r.key == key)
            return &r;
    return nullptr;
}

const Card *Catalog::card(const QString &id) const
{
    const auto it = m_cardIndex.constFind(id);
    return it == m_cardIndex.constEnd() ? nullptr : &cards.at(*it);
}

const Flow *Catalog::flow(const QString &id) const
{
    const auto it = m_flowIndex.constFind(id);
    return it == m_flowIndex.constEnd() ? nullptr : &flows.at(*it);
}

const Role *Catalog::role(const QString &id) const
{
    for (const Role &r : roles)
        if (r.id == id)
            return &r;
    return nullptr;
}

const Phase *Catalog::phase(const QString &id) const
{
    for (const Phase &p : phases)
        if (p.id == id)
            return &p;
    return nullptr;
}

const Phase *Catalog::phaseOfFlow(const QString &flowId) const
{
    const Flow *f = flow(flowId);
    return f ? phase(f->phase) : nullptr;
}

QList<const Card *> Catalog::cardsOfFlow(const QString &flowId) const
{
    QList<const Card *> out;
    for (const Card &c : cards)
        if (c.flow == flowId)
            out.append(&c);
    return out;
}

QList<const Card *> Catalog::cardsForRole(const QString &roleId) const
{
    QList<const Card *> out;
    for (const Card &c : cards)
        if (c.role == roleId)
            out.append(&c);
    return out;
}

QString Catalog::plannedTitle(const QString &cardId) const
{
    for (const Flow &f : flows)
        for (const FlowCard &c : f.cards)
            if (c.id == cardId)
                return c.title;
    return {};
}

void Catalog::reindex()
{
    m_cardIndex.clear();
    m_flowIndex.clear();
    for (qsizetype i = 0; i < cards.size(); ++i)
        if (!m_cardIndex.contains(cards.at(i).id))
            m_cardIndex.insert(cards.at(i).id, i);
    for (qsizetype i = 0; i < flows.size(); ++i)
        if (!m_flowIndex.contains(flows.at(i).id))
            m_flowIndex.insert(flows.at(i).id, i);
}

} // namespace ms
