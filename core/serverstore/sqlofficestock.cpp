// SqlOfficeStock: issue (出库), return (退料 / 拆旧入库), batches; the crew's stock row and
// stock_use are in sqlofficestockfeed.cpp. Rules: docs/decisions/0017-stock.md.
#include "serverstore/sqlofficestock.h"

#include "serverstore/sqlconnection.h"
#include "serverstore/stockranges.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUuid>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::SqlOfficeStock)
};

// An empty QString binds as NULL; the NOT NULL text columns take "".
QString text(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("") : s;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// The names listed in an error: at most 20, then how many more.
QString listed(const QStringList &numbers)
{
    QStringList shown = numbers.mid(0, 20);
    QString text = shown.join(QStringLiteral("、"));
    if (numbers.size() > shown.size())
        text += Tr::tr(" 等 %1 个").arg(numbers.size());
    return text;
}

struct StockNumbers
{
    QStringList meters, seals;
};

// A request's meters and seals, ranges expanded; `none` when it names neither.
Result<StockNumbers> expandRequest(const QStringList &meters, const QStringList &seals,
                                   const QString &none)
{
    StockNumbers out;
    auto m = expandStockNumbers(meters, StockKind::Meter);
    if (!m)
        return makeError(m.error().code, Tr::tr("表计：") + m.error().message);
    auto s = expandStockNumbers(seals, StockKind::Seal);
    if (!s)
        return makeError(s.error().code, Tr::tr("封印：") + s.error().message);
    if (m->isEmpty() && s->isEmpty())
        return makeError(QStringLiteral("stock.bad_request"), none);
    out.meters = std::move(m).value();
    out.seals = std::move(s).value();
    return out;
}

} // namespace

SqlOfficeStock::SqlOfficeStock(SqlConnection &db) : m_db(db) {}

Result<std::optional<StockOutcome>> SqlOfficeStock::beginBatch(const QString &kind, QString *uuid)
{
    // One issue or return at a time across servers (PostgreSQL): a number is checked and
    // taken under the lock, so it never goes to two crews. Then "assignments" (refreshCrew).
    if (auto locked = m_db.lockKey(QStringLiteral("stock")); !locked)
        return locked.error();
    if (uuid->isEmpty())
        *uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto held = batch(*uuid);
    if (!held)
        return held.error();
    if (!held->has_value())
        return std::optional<StockOutcome>();
    if ((*held)->kind != kind)
        return makeError(QStringLiteral("stock.request_reused"),
                         Tr::tr("请求编号 %1 已用于另一笔出入库；请重新发起。").arg(*uuid));
    StockOutcome out;
    out.batch = **held;
    out.repeated = true;
    return std::optional<StockOutcome>(out);
}

Result<void> SqlOfficeStock::addBatch(const StockBatch &b)
{
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO stock_batches(uuid, kind, crew, by_user, by_device, at) VALUES(?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, b.uuid).bindText(2, b.kind).bindText(3, text(b.crew));
    st.value().bindText(4, text(b.byUser)).bindText(5, text(b.byDevice)).bindText(6, b.at);
    if (auto ok = st.value().run(); !ok)
        return ok;
    int seq = 0;
    for (const StockLine &l : b.lines) {
        auto line = m_db.prepare(QStringLiteral("INSERT INTO stock_lines(batch, kind, number, "
                                                "crew, job_uuid, seq) VALUES(?,?,?,?,?,?)"));
        if (!line)
            return line.error();
        line.value().bindText(1, b.uuid).bindText(2, l.kind).bindText(3, l.number);
        line.value().bindText(4, text(l.crew)).bindText(5, text(l.jobUuid)).bindInt(6, ++seq);
        if (auto ok = line.value().run(); !ok)
            return ok;
    }
    return {};
}

Result<StockOutcome> SqlOfficeStock::issue(const StockIssueRequest &request)
{
    const QString crew = request.crew.trimmed();
    if (crew.isEmpty())
        return makeError(QStringLiteral("stock.bad_request"),
                         Tr::tr("出库需要领料的班组（任务上写的施工班组名）。"));
    auto numbers = expandRequest(request.meters, request.seals,
                                 Tr::tr("没有要出库的表计或封印；请给出资产编号或封印号段。"));
    if (!numbers)
        return numbers.error();
    SqlTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QString uuid = request.uuid;
    auto again = beginBatch(QStringLiteral("issue"), &uuid);
    if (!again)
        return again.error();
    if (again->has_value())
        return **again;
    StockOutcome out;
    out.batch = StockBatch{
        uuid, QStringLiteral("issue"), crew, request.byUser, request.byDevice, now(), {}};
    QStringList elsewhere;
    const struct
    {
        const QStringList *numbers;
        const char *table, *column, *kind;
    } parts[] = {{&numbers->meters, "stock_meters", "asset_no", "meter"},
                 {&numbers->seals, "stock_seals", "seal_no", "seal"}};
    for (const auto &part : parts) {
        const QString table = QLatin1String(part.table), column = QLatin1String(part.column);
        for (const QString &n : *part.numbers) {
            auto held = m_db.prepare(
                QStringLiteral("SELECT crew, returned_at FROM %1 WHERE %2 = ?").arg(table, column));
            if (!held)
                return held.error();
            held.value().bindText(1, n);
            if (held.value().step() && held.value().text(1).isEmpty()) {
                if (held.value().text(0) == crew)
                    ++out.already;
                else
                    elsewhere << Tr::tr("%1（在 %2）").arg(n, held.value().text(0));
                continue;
            }
            if (held.value().failed())
                return held.value().error();
            // New, or returned before and issued again: the newest issue is the one that counts.
            auto up = m_db.prepare(
                QStringLiteral(
                    "INSERT INTO %1(%2, crew, batch, issued_at, returned_at) VALUES(?,?,?,?,'') "
                    "ON CONFLICT(%2) DO UPDATE SET crew = excluded.crew, batch = excluded.batch, "
                    "issued_at = excluded.issued_at, returned_at = ''")
                    .arg(table, column));
            if (!up)
                return up.error();
            up.value().bindText(1, n).bindText(2, crew).bindText(3, uuid).bindText(4, out.batch.at);
            if (auto ok = up.value().run(); !ok)
                return ok.error();
            out.batch.lines << StockLine{QLatin1String(part.kind), n, crew, {}, {}};
        }
    }
    if (!elsewhere.isEmpty())
        return makeError(QStringLiteral("stock.already_issued"),
                         Tr::tr("这些编号已发给别的班组、尚未退回：%1。请先办理退料，或核对编号。"
                                "本次出库没有保存。")
                             .arg(listed(elsewhere)));
    if (auto ok = addBatch(out.batch); !ok)
        return ok.error();
    if (auto ok = refreshCrew(crew); !ok)
        return ok.error();
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return out;
}

Result<StockOutcome> SqlOfficeStock::returnStock(const StockReturnRequest &request)
{
    auto numbers = expandRequest(request.meters, request.seals,
                                 Tr::tr("没有要入库的表计或封印；请扫描资产编号或给出封印号段。"));
    if (!numbers)
        return numbers.error();
    SqlTransaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QString uuid = request.uuid;
    auto again = beginBatch(QStringLiteral("return"), &uuid);
    if (!again)
        return again.error();
    if (again->has_value())
        return **again;
    StockOutcome out;
    out.batch =
        StockBatch{uuid, QStringLiteral("return"), {}, request.byUser, request.byDevice, now(), {}};
    QStringList unknown;
    QSet<QString> crews;
    const auto markReturned = [&](const QString &table, const QString &column, const QString &n,
                                  const QString &kind) -> Result<bool> {
        auto held = m_db.prepare(
            QStringLiteral("SELECT crew, returned_at FROM %1 WHERE %2 = ?").arg(table, column));
        if (!held)
            return held.error();
        held.value().bindText(1, n);
        if (!held.value().step())
            return held.value().failed() ? Result<bool>(held.value().error()) : Result<bool>(false);
        if (!held.value().text(1).isEmpty()) {
            ++out.already;
            return true;
        }
        const QString crew = held.value().text(0);
        auto up = m_db.prepare(
            QStringLiteral("UPDATE %1 SET returned_at = ? WHERE %2 = ?").arg(table, column));
        if (!up)
            return up.error();
        up.value().bindText(1, out.batch.at).bindText(2, n);
        if (auto ok = up.value().run(); !ok)
            return ok.error();
        out.batch.lines << StockLine{kind, n, crew, {}, {}};
        crews.insert(crew);
        return true;
    };
    for (const QString &n : std::as_const(numbers->meters)) {
        auto unused = markReturned(QStringLiteral("stock_meters"), QStringLiteral("asset_no"), n,
                                   QStringLiteral("meter"));
        if (!unused)
            return unused.error();
        if (*unused)
            continue;
        // An old meter: the job whose in-force old asset number it is (the latest such job).
        auto job = m_db.prepare(QStringLiteral(
            "SELECT j.uuid, j.crew, coalesce(r.asset_no, '') FROM office_evidence e "
            "JOIN office_jobs j ON j.uuid = e.job_uuid "
            "LEFT JOIN stock_old_returns r ON r.asset_no = e.value "
            "WHERE e.requirement = 'old_meter_asset' AND e.value = ?1 AND NOT EXISTS("
            "SELECT 1 FROM office_evidence s WHERE s.supersedes = e.uuid AND s.supersedes <> '') "
            "ORDER BY e.received_at DESC LIMIT 1"));
        if (!job)
            return job.error();
        SqlStatement &s = job.value();
        s.bindText(1, n);
        if (!s.step()) {
            if (s.failed())
                return s.error();
            unknown << n;
            continue;
        }
        if (!s.text(2).isEmpty()) {
            ++out.already;
            continue;
        }
        const QString jobUuid = s.text(0), crew = s.text(1);
        auto ins = m_db.prepare(QStringLiteral("INSERT INTO stock_old_returns(asset_no, job_uuid, "
                                               "crew, batch, at) VALUES(?,?,?,?,?)"));
        if (!ins)
            return ins.error();
        ins.value().bindText(1, n).bindText(2, jobUuid).bindText(3, crew).bindText(4, uuid);
        ins.value().bindText(5, out.batch.at);
        if (auto ok = ins.value().run(); !ok)
            return ok.error();
        out.batch.lines << StockLine{QStringLiteral("old_meter"), n, crew, jobUuid, {}};
        crews.insert(crew);
    }
    for (const QString &n : std::as_const(numbers->seals)) {
        auto unused = markReturned(QStringLiteral("stock_seals"), QStringLiteral("seal_no"), n,
                                   QStringLiteral("seal"));
        if (!unused)
            return unused.error();
        if (!*unused)
            unknown << n;
    }
    if (!unknown.isEmpty())
        return makeError(
            QStringLiteral("stock.unknown_number"),
            Tr::tr("这些编号既不是发出未退的新表或封印，也不是已同步的工单拆下的旧表：%1。"
                   "请核对编号；旧表请等施工班组同步后再入库。本次入库没有保存。")
                .arg(listed(unknown)));
    QStringList crewList(crews.begin(), crews.end());
    crewList.sort();
    out.batch.crew = crewList.join(QLatin1Char(','));
    if (auto ok = addBatch(out.batch); !ok)
        return ok.error();
    for (const QString &crew : std::as_const(crewList)) {
        auto settled =
            m_db.prepare(QStringLiteral("INSERT INTO stock_settled(crew, at) VALUES(?1, ?2) "
                                        "ON CONFLICT(crew) DO UPDATE SET at = excluded.at"));
        if (!settled)
            return settled.error();
        settled.value().bindText(1, crew).bindText(2, out.batch.at);
        if (auto ok = settled.value().run(); !ok)
            return ok.error();
        if (auto ok = refreshCrew(crew); !ok)
            return ok.error();
    }
    auto stored = batch(uuid); // as the forms print it: with each old meter's customer
    if (!stored)
        return stored.error();
    if (stored->has_value())
        out.batch = **stored;
    if (auto ok = tx.commit(); !ok)
        return ok.error();
    return out;
}

Result<std::optional<StockBatch>> SqlOfficeStock::batch(const QString &uuid)
{
    auto head = m_db.prepare(QStringLiteral(
        "SELECT uuid, kind, crew, by_user, by_device, at FROM stock_batches WHERE uuid = ?"));
    if (!head)
        return head.error();
    SqlStatement &h = head.value();
    h.bindText(1, uuid);
    if (!h.step())
        return h.failed() ? Result<std::optional<StockBatch>>(h.error())
                          : Result<std::optional<StockBatch>>(std::optional<StockBatch>());
    StockBatch b{h.text(0), h.text(1), h.text(2), h.text(3), h.text(4), h.text(5), {}};
    auto lines = m_db.prepare(QStringLiteral(
        "SELECT l.kind, l.number, l.crew, l.job_uuid, coalesce((SELECT json_extract(c.payload, "
        "'$.account_no') FROM office_jobs j JOIN records c ON c.uuid = j.customer_uuid "
        "WHERE j.uuid = l.job_uuid), (SELECT json_extract(a.payload, '$.account_no') FROM "
        "office_jobs j JOIN assignments a ON a.uuid = j.customer_uuid WHERE j.uuid = l.job_uuid), "
        "'') FROM stock_lines l WHERE l.batch = ? ORDER BY l.seq"));
    if (!lines)
        return lines.error();
    SqlStatement &s = lines.value();
    s.bindText(1, uuid);
    while (s.step())
        b.lines << StockLine{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4)};
    if (s.failed())
        return s.error();
    return std::optional<StockBatch>(b);
}

Result<QList<StockBatch>> SqlOfficeStock::batches(const QString &crew)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT uuid, kind, crew, by_user, by_device, at FROM stock_batches WHERE ?1 = '' OR "
        "instr(',' || crew || ',', ',' || ?1 || ',') > 0 ORDER BY at DESC LIMIT 500"));
    if (!st)
        return st.error();
    SqlStatement &s = st.value();
    s.bindText(1, text(crew)); // every crew's: "" (a null QString binds as NULL on SQLite)
    QList<StockBatch> out;
    while (s.step())
        out << StockBatch{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), {}};
    if (s.failed())
        return s.error();
    return out;
}

} // namespace ms::server
