#include "catalog/catalogloader.h"

#include "catalog/cardreader.h"
#include "catalog/catalogvalidator.h"
#include "catalog/jsonfields.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <algorithm>
#include <optional>

namespace ms {

using detail::CatalogTr;
using detail::JsonFields;

QString CatalogProblem::toString() const
{
    return QStringLiteral("%1: %2: %3: %4").arg(file, cardId, field, message);
}

namespace {

// Reads `rel` under `root` as a JSON object; a syntax error names line, column and offset.
std::optional<QJsonObject> readObject(const QString &root, const QString &rel,
                                      QList<CatalogProblem> &out)
{
    QFile file(root + QLatin1Char('/') + rel);
    if (!file.open(QIODevice::ReadOnly)) {
        out.append({rel, {}, {}, CatalogTr::tr("无法读取文件（%1）：请确认目录完整").arg(file.errorString())});
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(err.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const qsizetype column = QString::fromUtf8(before.mid(lineStart)).size() + 1;
        out.append({rel, {}, {},
                     CatalogTr::tr("JSON 语法错误，第 %1 行第 %2 列（偏移 %3）：%4。请修正后重试")
                         .arg(line).arg(column).arg(err.offset).arg(err.errorString())});
        return std::nullopt;
    }
    if (!doc.isObject()) {
        out.append({rel, {}, {}, CatalogTr::tr("文件顶层应为 JSON 对象 {…}")});
        return std::nullopt;
    }
    return doc.object();
}

void readHeader(const QJsonObject &o, Catalog &c, JsonFields &f)
{
    f.rejectUnknown(o, {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
                        QStringLiteral("publisher"), QStringLiteral("entry"),
                        QStringLiteral("job_entry"), QStringLiteral("roles"),
                        QStringLiteral("phases"), QStringLiteral("flows")},
                    {});
    if (!o.contains(QStringLiteral("format")))
        f.problem(QStringLiteral("format"), CatalogTr::tr("缺少必填字段：请补上（\"format\": 1）"));
    c.format = f.integer(o, QStringLiteral("format"), QStringLiteral("format"), 1, 1000).value_or(1);
    if (c.format != 1)
        f.problem(QStringLiteral("format"),
                  CatalogTr::tr("不支持的格式版本 %1：本程序只读格式 1，请升级程序").arg(c.format));
    c.version = f.string(o, QStringLiteral("version"), QStringLiteral("version"), true);
    c.title = f.string(o, QStringLiteral("title"), QStringLiteral("title"), true);
    c.entry = f.string(o, QStringLiteral("entry"), QStringLiteral("entry"), true);
    c.jobEntry = f.string(o, QStringLiteral("job_entry"), QStringLiteral("job_entry"), true);
    const auto roles = f.objectList(o, QStringLiteral("roles"), QStringLiteral("roles"), true, true);
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const QString p = QStringLiteral("roles[%1]").arg(i);
        f.rejectUnknown(roles.at(i), {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("where")}, p);
        c.roles.append(Role{f.string(roles.at(i), QStringLiteral("id"), p + QStringLiteral(".id"), true),
                            f.string(roles.at(i), QStringLiteral("name"), p + QStringLiteral(".name"), true),
                            f.string(roles.at(i), QStringLiteral("where"), p + QStringLiteral(".where"), true)});
    }
    const auto phases = f.objectList(o, QStringLiteral("phases"), QStringLiteral("phases"), true, true);
    for (qsizetype i = 0; i < phases.size(); ++i) {
        const QString p = QStringLiteral("phases[%1]").arg(i);
        f.rejectUnknown(phases.at(i), {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("flows")}, p);
        c.phases.append(Phase{f.string(phases.at(i), QStringLiteral("id"), p + QStringLiteral(".id"), true),
                              f.string(phases.at(i), QStringLiteral("name"), p + QStringLiteral(".name"), true),
                              f.stringList(phases.at(i), QStringLiteral("flows"), p + QStringLiteral(".flows"), true, true)});
    }
    const auto flows = f.objectList(o, QStringLiteral("flows"), QStringLiteral("flows"), true, true);
    for (qsizetype i = 0; i < flows.size(); ++i) {
        const QString p = QStringLiteral("flows[%1]").arg(i);
        const QJsonObject &fo = flows.at(i);
        f.rejectUnknown(fo, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("phase"),
                             QStringLiteral("role"), QStringLiteral("cards")}, p);
        Flow flow;
        flow.id = f.string(fo, QStringLiteral("id"), p + QStringLiteral(".id"), true);
        flow.name = f.string(fo, QStringLiteral("name"), p + QStringLiteral(".name"), true);
        flow.phase = f.string(fo, QStringLiteral("phase"), p + QStringLiteral(".phase"), true);
        flow.role = f.string(fo, QStringLiteral("role"), p + QStringLiteral(".role"), true);
        const auto cards = f.objectList(fo, QStringLiteral("cards"), p + QStringLiteral(".cards"), true, true);
        for (qsizetype k = 0; k < cards.size(); ++k) {
            const QString cp = QStringLiteral("%1.cards[%2]").arg(p).arg(k);
            f.rejectUnknown(cards.at(k), {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("source")}, cp);
            FlowCard fc{f.string(cards.at(k), QStringLiteral("id"), cp + QStringLiteral(".id"), true),
                        f.string(cards.at(k), QStringLiteral("title"), cp + QStringLiteral(".title"), true),
                        f.string(cards.at(k), QStringLiteral("source"), cp + QStringLiteral(".source"), false)};
            if (fc.source.isEmpty())
                fc.source = QStringLiteral("seed");
            flow.cards.append(fc);
        }
        c.flows.append(flow);
    }
}

// Reads cards/*.json; returns the cards in file order.
QList<Card> readCardFiles(const QString &root, QList<CatalogProblem> &out)
{
    QList<Card> cards;
    QDir dir(root + QStringLiteral("/cards"));
    QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.section(QLatin1Char('.'), 0, 0).toInt() < b.section(QLatin1Char('.'), 0, 0).toInt();
    });
    static const QRegularExpression nameRe(QStringLiteral("^([1-9]\\d*)\\.json$"));
    for (const QString &name : names) {
        const QString rel = QStringLiteral("cards/") + name;
        const auto obj = readObject(root, rel, out);
        if (!obj)
            continue;
        JsonFields f(out, rel);
        const auto m = nameRe.match(name);
        if (!m.hasMatch())
            f.problem({}, CatalogTr::tr("文件名应为“流程号.json”（如 21.json，不补零）"));
        f.rejectUnknown(*obj, {QStringLiteral("flow"), QStringLiteral("cards")}, {});
        const QString flow = f.string(*obj, QStringLiteral("flow"), QStringLiteral("flow"), true);
        if (m.hasMatch() && !flow.isEmpty() && flow != m.captured(1))
            f.problem(QStringLiteral("flow"), CatalogTr::tr("文件 %1 应写流程 %2，实际写的是 %3")
                                                  .arg(name, m.captured(1), flow));
        const auto list = f.objectList(*obj, QStringLiteral("cards"), QStringLiteral("cards"), true, true);
        for (const QJsonObject &co : list) {
            if (co.isEmpty())
                continue;
            JsonFields cf(out, rel);
            Card card = detail::CardReader(cf).read(co);
            card.file = rel;
            if (!flow.isEmpty() && !card.flow.isEmpty() && card.flow != flow)
                cf.problem(QStringLiteral("flow"), CatalogTr::tr("卡片属于流程 %1，却写在流程 %2 的文件里").arg(card.flow, flow));
            cards.append(card);
        }
    }
    return cards;
}

} // namespace

CatalogLoad CatalogLoader::load(const QString &root)
{
    CatalogLoad result;
    if (!QFileInfo(root).isDir()) {
        result.problems.append({root, {}, {}, CatalogTr::tr("目录不存在：请给出作业卡目录所在的文件夹")});
        return result;
    }
    const auto header = readObject(root, QStringLiteral("catalog.json"), result.problems);
    if (header) {
        JsonFields f(result.problems, QStringLiteral("catalog.json"));
        readHeader(*header, result.catalog, f);
    }
    QList<Card> defined = readCardFiles(root, result.problems);
    // Manual order: as catalog.json lists them; cards it does not list go last (the validator
    // reports them).
    QList<Card> ordered;
    for (const Flow &flow : std::as_const(result.catalog.flows))
        for (const FlowCard &fc : flow.cards)
            for (qsizetype i = 0; i < defined.size(); ++i)
                if (defined.at(i).id == fc.id) {
                    ordered.append(defined.takeAt(i));
                    break;
                }
    ordered.append(defined);
    result.catalog.cards = ordered;
    result.catalog.reindex();
    if (header)
        result.problems.append(CatalogValidator::validate(result.catalog, root));
    return result;
}

Result<Catalog> CatalogLoader::loadStrict(const QString &root)
{
    CatalogLoad load = CatalogLoader::load(root);
    if (load.ok())
        return std::move(load.catalog);
    QStringList lines;
    for (const CatalogProblem &p : std::as_const(load.problems))
        lines.append(p.toString());
    return makeError(QStringLiteral("catalog.invalid"),
                     CatalogTr::tr("作业卡目录有 %1 处问题：\n%2").arg(load.problems.size()).arg(lines.join(QLatin1Char('\n'))));
}

} // namespace ms
