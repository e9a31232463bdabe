#pragma once
// The job-card catalog (作业指导卡片目录) as plain values: phases, roles, flows and cards, exactly
// as forms/README.md specifies them. Load it with CatalogLoader; these types do no I/O.
#include "model/types.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ms {

// 责任岗位 — a responsible role ("installer", "crew_leader", ...).
struct Role
{
    QString id;
    QString name;  // 施工人员
    QString where; // office | field | community | warehouse
};

// 阶段 — one of the manual's four phases.
struct Phase
{
    QString id;        // planning | publicity | field | commissioning
    QString name;      // 现场实施
    QStringList flows; // flow ids in manual order
};

// A card as catalog.json lists it inside its flow (before cards/NN.json is read).
struct FlowCard
{
    QString id;     // "21.4"
    QString title;  // 换装智能电能表、开关
    QString source; // seed | reconstructed
};

// 流程 — one of the 43 flows.
struct Flow
{
    QString id;   // "21"
    QString name; // 更换智能电能表及配套设施
    QString phase;
    QString role;
    QList<FlowCard> cards;
    QStringList cardIds() const;
};

// 操作步骤 — one step the installer ticks.
struct Step
{
    QString text;
    bool safety = false; // 安全措施: shown highlighted
};

// 操作示例图
struct Illustration
{
    QString file; // relative to the catalog root, e.g. "illustrations/single-phase-wiring.svg"
    QString caption;
};

// 证据要求 — what must be captured before a card can be completed.
struct EvidenceRequirement
{
    QString key; // unique within the card, [a-z0-9_]+
    EvidenceKind kind = EvidenceKind::Photo;
    QString label;
    bool required = true;
    int minCount = 1;         // photos, videos, seals: how many captures
    QString meter;            // meter_reading, barcode: "old" | "new" | ""
    QString registerName;     // meter_reading: forward_total, forward_t1.., remaining_money, ...
    QString unit;             // "kWh", "元", "V"
    std::optional<int> decimals;
    std::optional<double> min; // hard limits
    std::optional<double> max;
    std::optional<double> plausibleLow; // soft range: outside asks the user to confirm
    std::optional<double> plausibleHigh;
    QString pattern;     // regular expression the whole value must match
    QString patternHint; // shown when the pattern fails ("11 位手机号")
    QString signer;      // signature: customer | installer | witness | crew_leader | supervisor | clerk
    int maxSeconds = 0;  // video; 0 = no limit
    QString when;        // the requirement applies only when this condition holds ("" = always)
    // check: a "no" always blocks the card, even on a card with a check.failed edge (a safety
    // check such as "no voltage verified" is never a way into an exception branch)
    bool blocking = false;
    // alternatives: the card needs the captures of any one applicable requirement of the group
    // (remaining energy in kWh, or remaining money in 元: the unit the meter keeps)
    QString oneOf;
    // a value re-entered to be checked: it must be one recorded by this requirement
    // ("24.3.old_meter_custody_seal"; text, seal_number, barcode)
    QString matches;

    bool isNumeric() const; // meter_reading or number
};

// 分支 — one way out of a card.
struct Edge
{
    QString to;     // target card id
    QString choice; // choice id when the card has a decision
    QString label;  // button text
    QString when;   // condition the workflow evaluates itself (see forms/README.md), or empty
    QString wait;   // "appointment" or empty
};

// 决策点 — the question asked when a card has more than one edge.
struct Decision
{
    QString id;
    QString question;
};

// 作业指导卡片
struct Card
{
    QString id; // "21.4"
    QString flow;
    QString title;
    QString role;
    QString scope = QStringLiteral("job"); // job | task | crew_day | stock | office
    QString source = QStringLiteral("seed"); // seed | reconstructed
    QStringList equipment;  // 工作装备
    QStringList materials;  // 所需材料
    QStringList documents;  // 工作单据及宣传材料
    QList<Step> steps;      // 操作步骤
    QStringList checkpoints; // 检查要点
    QStringList precautions; // 注意事项
    QList<Illustration> illustrations;
    QList<EvidenceRequirement> evidence;
    QStringList forms; // appendix numbers this card fills ("8", "30")
    std::optional<Decision> decision;
    QList<Edge> next; // empty = end of this path
    QString file;     // where it was read from, e.g. "cards/21.json" (for messages)

    const EvidenceRequirement *requirement(const QString &key) const;
    bool isFinal() const { return next.isEmpty(); }
};

// The whole catalog. Cards are stored in manual order (flow by flow, as catalog.json lists them).
class Catalog
{
public:
    int format = 1;
    QString version;
    QString title;
    QString entry;    // first card of the manual ("1.1")
    QString jobEntry; // first card of a customer's job ("20.1")
    QList<Role> roles;
    QList<Phase> phases;
    QList<Flow> flows;
    QList<Card> cards;

    const Card *card(const QString &id) const;
    const Flow *flow(const QString &id) const;
    const Role *role(const QString &id) const;
    const Phase *phase(const QString &id) const;
    const Phase *phaseOfFlow(const QString &flowId) const;
    QList<const Card *> cardsOfFlow(const QString &flowId) const;
    QList<const Card *> cardsForRole(const QString &roleId) const;
    // The title catalog.json gives a card id (also for cards whose file is still missing).
    QString plannedTitle(const QString &cardId) const;

    // Rebuild the id indexes after changing the lists by hand (the loader does it for you).
    void reindex();

private:
    QHash<QString, qsizetype> m_cardIndex;
    QHash<QString, qsizetype> m_flowIndex;
};

} // namespace ms
