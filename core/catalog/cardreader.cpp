#include "catalog/cardreader.h"

#include <QRegularExpression>
#include <QSet>

namespace ms::detail {

namespace {

const QStringList kCardKeys{
    QStringLiteral("id"), QStringLiteral("flow"), QStringLiteral("title"), QStringLiteral("role"),
    QStringLiteral("scope"), QStringLiteral("source"), QStringLiteral("equipment"),
    QStringLiteral("materials"), QStringLiteral("documents"), QStringLiteral("steps"),
    QStringLiteral("checkpoints"), QStringLiteral("precautions"), QStringLiteral("illustrations"),
    QStringLiteral("evidence"), QStringLiteral("forms"), QStringLiteral("decision"),
    QStringLiteral("next")};
const QStringList kRequirementKeys{
    QStringLiteral("key"),         QStringLiteral("kind"),         QStringLiteral("label"),
    QStringLiteral("required"),    QStringLiteral("min_count"),    QStringLiteral("meter"),
    QStringLiteral("register"),    QStringLiteral("unit"),         QStringLiteral("decimals"),
    QStringLiteral("min"),         QStringLiteral("max"),          QStringLiteral("plausible"),
    QStringLiteral("pattern"),     QStringLiteral("pattern_hint"), QStringLiteral("signer"),
    QStringLiteral("max_seconds"), QStringLiteral("when"),         QStringLiteral("blocking"),
    QStringLiteral("one_of"),      QStringLiteral("matches")};
const QStringList kEdgeKeys{QStringLiteral("to"), QStringLiteral("choice"), QStringLiteral("label"),
                            QStringLiteral("when"), QStringLiteral("wait")};
const QStringList kScopes{QStringLiteral("job"), QStringLiteral("task"), QStringLiteral("crew_day"),
                          QStringLiteral("stock"), QStringLiteral("office")};
const QStringList kSources{QStringLiteral("seed"), QStringLiteral("reconstructed")};
const QStringList kMeters{QStringLiteral("old"), QStringLiteral("new")};
const QStringList kRegisters{
    QStringLiteral("forward_total"), QStringLiteral("forward_t1"), QStringLiteral("forward_t2"),
    QStringLiteral("forward_t3"), QStringLiteral("forward_t4"), QStringLiteral("reverse_total"),
    QStringLiteral("remaining_energy"), QStringLiteral("remaining_money"),
    QStringLiteral("mechanical_register")};
const QStringList kSigners{QStringLiteral("customer"), QStringLiteral("installer"),
                           QStringLiteral("witness"), QStringLiteral("crew_leader"),
                           QStringLiteral("supervisor"), QStringLiteral("clerk")};
const QStringList kKinds{QStringLiteral("photo"), QStringLiteral("video"),
                         QStringLiteral("signature"), QStringLiteral("meter_reading"),
                         QStringLiteral("barcode"), QStringLiteral("seal_number"),
                         QStringLiteral("number"), QStringLiteral("text"), QStringLiteral("check")};

const QRegularExpression &keyPattern()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_]+$"));
    return re;
}

QString at(const QString &field, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(field).arg(i);
}

} // namespace

QString CardReader::conditionError(const QString &when)
{
    static const QStringList facts{QStringLiteral("customer.mismatch"),
                                   QStringLiteral("customer.prepaid"),
                                   QStringLiteral("customer.postpaid"),
                                   QStringLiteral("check.failed"), QStringLiteral("check.passed")};
    static const QRegularExpression choiceRe(QStringLiteral("^choice\\.[a-z0-9_]+$"));
    static const QRegularExpression failedRe(QStringLiteral("^failed\\.[1-9]\\d*\\.[1-9]\\d*$"));
    static const QRegularExpression noRe(
        QStringLiteral("^no\\.[1-9]\\d*\\.[1-9]\\d*\\.[a-z0-9_]+$"));
    const QString fact = when.startsWith(QLatin1Char('!')) ? when.mid(1) : when;
    if (facts.contains(fact) || choiceRe.match(fact).hasMatch() || failedRe.match(fact).hasMatch()
        || noRe.match(fact).hasMatch())
        return {};
    return CatalogTr::tr("未知的条件“%1”：应为 [!]customer.mismatch | customer.prepaid | "
                         "customer.postpaid | check.failed | check.passed | choice.<分支 id> | "
                         "failed.<卡片编号> | no.<卡片编号>.<检查项 key>")
        .arg(when);
}

Card CardReader::read(const QJsonObject &obj)
{
    Card c;
    c.id = m_f.string(obj, QStringLiteral("id"), QStringLiteral("id"), true);
    m_f.setCardId(c.id);
    static const QRegularExpression idRe(QStringLiteral("^[1-9]\\d*\\.[1-9]\\d*$"));
    if (!c.id.isEmpty() && !idRe.match(c.id).hasMatch())
        m_f.problem(QStringLiteral("id"), CatalogTr::tr("卡片编号“%1”格式不对：应为“流程号.步骤号”，如 21.4").arg(c.id));
    m_f.rejectUnknown(obj, kCardKeys, {});
    c.flow = m_f.string(obj, QStringLiteral("flow"), QStringLiteral("flow"), true);
    c.title = m_f.string(obj, QStringLiteral("title"), QStringLiteral("title"), true);
    c.role = m_f.string(obj, QStringLiteral("role"), QStringLiteral("role"), true);
    if (obj.contains(QStringLiteral("scope"))) {
        c.scope = m_f.string(obj, QStringLiteral("scope"), QStringLiteral("scope"), true);
        if (!c.scope.isEmpty() && !kScopes.contains(c.scope))
            m_f.problem(QStringLiteral("scope"), CatalogTr::tr("未知的 scope“%1”：应为 %2")
                                                    .arg(c.scope, kScopes.join(QStringLiteral(" | "))));
    }
    if (obj.contains(QStringLiteral("source"))) {
        c.source = m_f.string(obj, QStringLiteral("source"), QStringLiteral("source"), true);
        if (!c.source.isEmpty() && !kSources.contains(c.source))
            m_f.problem(QStringLiteral("source"), CatalogTr::tr("未知的 source“%1”：应为 seed 或 reconstructed").arg(c.source));
    }
    c.equipment = m_f.stringList(obj, QStringLiteral("equipment"), QStringLiteral("equipment"), true, true);
    c.materials = m_f.stringList(obj, QStringLiteral("materials"), QStringLiteral("materials"), true, true);
    c.documents = m_f.stringList(obj, QStringLiteral("documents"), QStringLiteral("documents"), true, true);
    const auto steps = m_f.objectList(obj, QStringLiteral("steps"), QStringLiteral("steps"), true, true);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString field = at(QStringLiteral("steps"), i);
        if (steps.at(i).isEmpty())
            continue;
        m_f.rejectUnknown(steps.at(i), {QStringLiteral("text"), QStringLiteral("safety")}, field);
        Step s;
        s.text = m_f.string(steps.at(i), QStringLiteral("text"), field + QStringLiteral(".text"), true);
        s.safety = m_f.boolean(steps.at(i), QStringLiteral("safety"), field + QStringLiteral(".safety")).value_or(false);
        c.steps.append(s);
    }
    c.checkpoints = m_f.stringList(obj, QStringLiteral("checkpoints"), QStringLiteral("checkpoints"), true, true);
    c.precautions = m_f.stringList(obj, QStringLiteral("precautions"), QStringLiteral("precautions"), true, true);
    const auto ills = m_f.objectList(obj, QStringLiteral("illustrations"), QStringLiteral("illustrations"), false, false);
    for (qsizetype i = 0; i < ills.size(); ++i) {
        const QString field = at(QStringLiteral("illustrations"), i);
        m_f.rejectUnknown(ills.at(i), {QStringLiteral("file"), QStringLiteral("caption")}, field);
        c.illustrations.append(Illustration{
            m_f.string(ills.at(i), QStringLiteral("file"), field + QStringLiteral(".file"), true),
            m_f.string(ills.at(i), QStringLiteral("caption"), field + QStringLiteral(".caption"), true)});
    }
    readEvidence(obj, QStringLiteral("evidence"), c);
    c.forms = m_f.stringList(obj, QStringLiteral("forms"), QStringLiteral("forms"), false, false);
    for (qsizetype i = 0; i < c.forms.size(); ++i) {
        bool isNumber = false;
        const int n = c.forms.at(i).toInt(&isNumber);
        if (!isNumber || n < 1 || n > 31 || QString::number(n) != c.forms.at(i))
            m_f.problem(at(QStringLiteral("forms"), i),
                        CatalogTr::tr("附录编号“%1”不存在：应为 1 到 31 的数字（不补零）").arg(c.forms.at(i)));
    }
    if (c.forms.removeDuplicates() > 0)
        m_f.problem(QStringLiteral("forms"), CatalogTr::tr("同一附录列出了多次：请删除重复的编号"));
    if (obj.contains(QStringLiteral("decision"))) {
        const QJsonValue d = obj.value(QStringLiteral("decision"));
        if (!d.isObject()) {
            m_f.problem(QStringLiteral("decision"), CatalogTr::tr("应为对象 {\"id\", \"question\"}，实际是%1").arg(JsonFields::typeName(d)));
        } else {
            const QJsonObject o = d.toObject();
            m_f.rejectUnknown(o, {QStringLiteral("id"), QStringLiteral("question")}, QStringLiteral("decision"));
            Decision dec{m_f.string(o, QStringLiteral("id"), QStringLiteral("decision.id"), true),
                         m_f.string(o, QStringLiteral("question"), QStringLiteral("decision.question"), true)};
            if (!dec.id.isEmpty() && !keyPattern().match(dec.id).hasMatch())
                m_f.problem(QStringLiteral("decision.id"), CatalogTr::tr("“%1”只能由小写字母、数字和下划线组成").arg(dec.id));
            c.decision = dec;
        }
    }
    readEdges(obj, c);
    checkDecision(c);
    return c;
}

void CardReader::readEvidence(const QJsonObject &obj, const QString &field, Card &card)
{
    const auto reqs = m_f.objectList(obj, QStringLiteral("evidence"), field, false, false);
    QSet<QString> keys;
    QSet<QString> labels;
    for (qsizetype i = 0; i < reqs.size(); ++i) {
        const QString f = at(field, i);
        if (reqs.at(i).isEmpty())
            continue;
        EvidenceRequirement r = readRequirement(reqs.at(i), f);
        if (!r.key.isEmpty() && keys.contains(r.key))
            m_f.problem(f + QStringLiteral(".key"), CatalogTr::tr("证据键“%1”重复：同一张卡片内每个键只能用一次").arg(r.key));
        if (!r.label.isEmpty() && labels.contains(r.label))
            m_f.problem(f + QStringLiteral(".label"), CatalogTr::tr("证据名称“%1”重复：请写清两者的区别").arg(r.label));
        keys.insert(r.key);
        labels.insert(r.label);
        card.evidence.append(r);
    }
}

EvidenceRequirement CardReader::readRequirement(const QJsonObject &o, const QString &f)
{
    EvidenceRequirement r;
    m_f.rejectUnknown(o, kRequirementKeys, f);
    r.key = m_f.string(o, QStringLiteral("key"), f + QStringLiteral(".key"), true);
    if (!r.key.isEmpty() && !keyPattern().match(r.key).hasMatch())
        m_f.problem(f + QStringLiteral(".key"), CatalogTr::tr("证据键“%1”只能由小写字母、数字和下划线组成").arg(r.key));
    const QString kind = m_f.string(o, QStringLiteral("kind"), f + QStringLiteral(".kind"), true);
    if (!kind.isEmpty()) {
        if (kKinds.contains(kind))
            r.kind = *evidenceKindFromKey(kind);
        else
            m_f.problem(f + QStringLiteral(".kind"), CatalogTr::tr("未知的证据类型“%1”：应为 %2")
                                                       .arg(kind, kKinds.join(QStringLiteral(" | "))));
    }
    r.label = m_f.string(o, QStringLiteral("label"), f + QStringLiteral(".label"), true);
    r.required = m_f.boolean(o, QStringLiteral("required"), f + QStringLiteral(".required")).value_or(true);
    r.minCount = m_f.integer(o, QStringLiteral("min_count"), f + QStringLiteral(".min_count"), 1, 50).value_or(1);
    r.meter = m_f.string(o, QStringLiteral("meter"), f + QStringLiteral(".meter"), false);
    if (!r.meter.isEmpty() && !kMeters.contains(r.meter))
        m_f.problem(f + QStringLiteral(".meter"), CatalogTr::tr("meter 应为 old 或 new，实际是“%1”").arg(r.meter));
    r.registerName = m_f.string(o, QStringLiteral("register"), f + QStringLiteral(".register"), false);
    if (!r.registerName.isEmpty() && !kRegisters.contains(r.registerName))
        m_f.problem(f + QStringLiteral(".register"), CatalogTr::tr("未知的示数项“%1”：应为 %2")
                                                        .arg(r.registerName, kRegisters.join(QStringLiteral(" | "))));
    if (r.kind == EvidenceKind::MeterReading && kind == QLatin1String("meter_reading")) {
        if (!o.contains(QStringLiteral("register")))
            m_f.problem(f + QStringLiteral(".register"), CatalogTr::tr("表计示数必须写明示数项（register），如 forward_total"));
        if (!o.contains(QStringLiteral("meter")))
            m_f.problem(f + QStringLiteral(".meter"), CatalogTr::tr("表计示数必须写明是旧表还是新表（meter: old | new）"));
    }
    r.unit = m_f.string(o, QStringLiteral("unit"), f + QStringLiteral(".unit"), false);
    readNumericLimits(o, f, r);
    r.pattern = m_f.string(o, QStringLiteral("pattern"), f + QStringLiteral(".pattern"), false);
    if (!r.pattern.isEmpty()) {
        const QRegularExpression re(r.pattern);
        if (!re.isValid())
            m_f.problem(f + QStringLiteral(".pattern"), CatalogTr::tr("正则表达式无法编译（位置 %1：%2）：请修正")
                                                          .arg(re.patternErrorOffset()).arg(re.errorString()));
        if (r.isNumeric() || r.kind == EvidenceKind::Photo || r.kind == EvidenceKind::Video
            || r.kind == EvidenceKind::Signature || r.kind == EvidenceKind::Check)
            m_f.problem(f + QStringLiteral(".pattern"), CatalogTr::tr("pattern 只用于 text、seal_number、barcode 类型"));
    }
    r.patternHint = m_f.string(o, QStringLiteral("pattern_hint"), f + QStringLiteral(".pattern_hint"), false);
    if (!r.pattern.isEmpty() && r.patternHint.isEmpty())
        m_f.problem(f + QStringLiteral(".pattern_hint"), CatalogTr::tr("有 pattern 时必须写 pattern_hint，告诉施工人员应该输入什么"));
    r.signer = m_f.string(o, QStringLiteral("signer"), f + QStringLiteral(".signer"), false);
    if (!r.signer.isEmpty() && !kSigners.contains(r.signer))
        m_f.problem(f + QStringLiteral(".signer"), CatalogTr::tr("未知的签字人“%1”：应为 %2")
                                                      .arg(r.signer, kSigners.join(QStringLiteral(" | "))));
    if (kind == QLatin1String("signature") && r.signer.isEmpty() && !o.contains(QStringLiteral("signer")))
        m_f.problem(f + QStringLiteral(".signer"), CatalogTr::tr("签字必须写明由谁签（signer）"));
    r.when = m_f.string(o, QStringLiteral("when"), f + QStringLiteral(".when"), false);
    if (!r.when.isEmpty())
        if (const QString err = conditionError(r.when); !err.isEmpty())
            m_f.problem(f + QStringLiteral(".when"), err);
    r.maxSeconds = m_f.integer(o, QStringLiteral("max_seconds"), f + QStringLiteral(".max_seconds"), 1, 600).value_or(0);
    r.blocking =
        m_f.boolean(o, QStringLiteral("blocking"), f + QStringLiteral(".blocking")).value_or(false);
    if (r.blocking && r.kind != EvidenceKind::Check)
        m_f.problem(f + QStringLiteral(".blocking"), CatalogTr::tr("blocking 只用于 check 类型"));
    r.matches = m_f.string(o, QStringLiteral("matches"), f + QStringLiteral(".matches"), false);
    static const QRegularExpression matchesRe(
        QStringLiteral("^[1-9]\\d*\\.[1-9]\\d*\\.[a-z0-9_]+$"));
    if (!r.matches.isEmpty() && !matchesRe.match(r.matches).hasMatch())
        m_f.problem(
            f + QStringLiteral(".matches"),
            CatalogTr::tr("matches 应为“卡片编号.证据项 key”，如 24.3.old_meter_custody_seal"));
    r.oneOf = m_f.string(o, QStringLiteral("one_of"), f + QStringLiteral(".one_of"), false);
    if (!r.oneOf.isEmpty() && !keyPattern().match(r.oneOf).hasMatch())
        m_f.problem(f + QStringLiteral(".one_of"),
                    CatalogTr::tr("“%1”只能由小写字母、数字和下划线组成").arg(r.oneOf));
    return r;
}

void CardReader::readNumericLimits(const QJsonObject &o, const QString &f, EvidenceRequirement &r)
{
    const bool numeric = r.isNumeric();
    for (const char *k : {"decimals", "min", "max", "plausible"}) {
        if (o.contains(QLatin1String(k)) && !numeric)
            m_f.problem(f + QLatin1Char('.') + QLatin1String(k),
                        CatalogTr::tr("%1 只用于 meter_reading 和 number 类型").arg(QLatin1String(k)));
    }
    r.decimals = m_f.integer(o, QStringLiteral("decimals"), f + QStringLiteral(".decimals"), 0, 6);
    r.min = m_f.number(o, QStringLiteral("min"), f + QStringLiteral(".min"));
    r.max = m_f.number(o, QStringLiteral("max"), f + QStringLiteral(".max"));
    if (r.min && r.max && *r.min > *r.max)
        m_f.problem(f + QStringLiteral(".min"), CatalogTr::tr("范围颠倒：min %1 大于 max %2").arg(*r.min).arg(*r.max));
    const QJsonValue p = o.value(QStringLiteral("plausible"));
    if (p.isUndefined())
        return;
    const QString pf = f + QStringLiteral(".plausible");
    const QJsonArray a = p.toArray();
    if (!p.isArray() || a.size() != 2 || !a.at(0).isDouble() || !a.at(1).isDouble()) {
        m_f.problem(pf, CatalogTr::tr("应为两个数字 [下限, 上限]，例如 [0, 1]"));
        return;
    }
    const double lo = a.at(0).toDouble();
    const double hi = a.at(1).toDouble();
    if (lo > hi) {
        m_f.problem(pf, CatalogTr::tr("范围颠倒：下限 %1 大于上限 %2").arg(lo).arg(hi));
        return;
    }
    if ((r.min && lo < *r.min) || (r.max && hi > *r.max))
        m_f.problem(pf, CatalogTr::tr("合理范围 [%1, %2] 超出了硬性范围 min/max：请收窄").arg(lo).arg(hi));
    r.plausibleLow = lo;
    r.plausibleHigh = hi;
}

void CardReader::readEdges(const QJsonObject &obj, Card &card)
{
    const auto edges = m_f.objectList(obj, QStringLiteral("next"), QStringLiteral("next"), true, false);
    QSet<QString> choices;
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QString f = at(QStringLiteral("next"), i);
        if (edges.at(i).isEmpty())
            continue;
        m_f.rejectUnknown(edges.at(i), kEdgeKeys, f);
        Edge e;
        e.to = m_f.string(edges.at(i), QStringLiteral("to"), f + QStringLiteral(".to"), true);
        e.choice = m_f.string(edges.at(i), QStringLiteral("choice"), f + QStringLiteral(".choice"), false);
        e.label = m_f.string(edges.at(i), QStringLiteral("label"), f + QStringLiteral(".label"), false);
        e.when = m_f.string(edges.at(i), QStringLiteral("when"), f + QStringLiteral(".when"), false);
        e.wait = m_f.string(edges.at(i), QStringLiteral("wait"), f + QStringLiteral(".wait"), false);
        if (!e.when.isEmpty())
            if (const QString err = conditionError(e.when); !err.isEmpty())
                m_f.problem(f + QStringLiteral(".when"), err);
        if (!e.wait.isEmpty() && e.wait != QLatin1String("appointment"))
            m_f.problem(f + QStringLiteral(".wait"), CatalogTr::tr("未知的等待类型“%1”：目前只有 appointment").arg(e.wait));
        if (!e.choice.isEmpty()) {
            if (!keyPattern().match(e.choice).hasMatch())
                m_f.problem(f + QStringLiteral(".choice"), CatalogTr::tr("“%1”只能由小写字母、数字和下划线组成").arg(e.choice));
            if (choices.contains(e.choice))
                m_f.problem(f + QStringLiteral(".choice"), CatalogTr::tr("分支“%1”重复：每个分支的 choice 必须不同").arg(e.choice));
            choices.insert(e.choice);
        }
        card.next.append(e);
    }
}

void CardReader::checkDecision(const Card &card)
{
    qsizetype userEdges = 0;
    for (const Edge &e : card.next)
        if (e.when.isEmpty())
            ++userEdges;
    if (userEdges > 1) {
        if (!card.decision)
            m_f.problem(QStringLiteral("decision"), CatalogTr::tr("有 %1 个由人选择的分支却没有 decision：请写明要问施工人员的问题").arg(userEdges));
        for (qsizetype i = 0; i < card.next.size(); ++i) {
            const Edge &e = card.next.at(i);
            if (!e.when.isEmpty())
                continue;
            const QString f = at(QStringLiteral("next"), i);
            if (e.choice.isEmpty())
                m_f.problem(f + QStringLiteral(".choice"), CatalogTr::tr("多分支时每个由人选择的分支都要有 choice"));
            if (e.label.isEmpty())
                m_f.problem(f + QStringLiteral(".label"), CatalogTr::tr("多分支时每个由人选择的分支都要有 label（按钮上的文字）"));
        }
    } else if (card.decision && userEdges < 2) {
        m_f.problem(QStringLiteral("decision"), CatalogTr::tr("没有可供选择的多个分支，不需要 decision：请删除它或补全分支"));
    }
}

} // namespace ms::detail
