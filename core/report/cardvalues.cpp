#include "report/cardvalues.h"

#include <QCoreApplication>

namespace ms {

namespace {

enum class Mode {
    Latest,    // the latest capture of the first source that has one
    JoinAll,   // every distinct value of every source, in capture order, joined with 、
    DateIfYes, // the date a check source was answered "yes"
};

struct Source
{
    const char *card;
    const char *requirement;
};

struct Rule
{
    const char *path;
    Mode mode;
    QList<Source> from; // preferred first
};

const QList<Rule> &rules()
{
    static const QList<Rule> table{
        {"card.number", Mode::Latest, {{"34.3", "card_number"}, {"34.4", "readback_card_no"}}},
        {"card.id_last4", Mode::Latest, {{"35.1", "id_last4"}, {"35.3", "id_last4"}}},
        {"card.issued_at",
         Mode::DateIfYes,
         {{"35.1", "card_handed_over"}, {"35.3", "card_collected"}}},
        {"card.receiver", Mode::Latest, {{"35.1", "receiver_name"}, {"35.3", "receiver_name"}}},
        {"notice.collect_time", Mode::Latest, {{"34.2", "collect_time"}}},
        {"notice.collect_place", Mode::Latest, {{"34.2", "collect_place"}}},
        {"notice.documents", Mode::Latest, {{"34.2", "collect_documents"}}},
        {"notice.outage_minutes", Mode::Latest, {{"10.2", "outage_minutes"}}},
        {"notice.work_hours", Mode::Latest, {{"10.2", "work_hours"}}},
        {"concentrator.old_asset_no", Mode::Latest, {{"19.1", "old_concentrator_asset"}}},
        {"meter.ct_ratio", Mode::Latest, {{"21.3", "ct_ratio"}}},
        {"meter.multiplier", Mode::Latest, {{"21.3", "ct_multiplier"}}},
        {"meter.old_reading_basis", Mode::Latest, {{"21.3", "old_reading_basis"}}},
        {"concentrator.count", Mode::Latest, {{"39.1", "concentrator_count"}}},
        {"concentrator.success_rate", Mode::Latest, {{"39.1", "station_success_rate"}}},
        {"concentrator.asset_no",
         Mode::Latest,
         {{"19.1", "concentrator_barcode"},
          {"27.5", "concentrator_asset"},
          {"36.1", "concentrator_asset"}}},
        {"concentrator.location", Mode::Latest, {{"2.4", "location_text"}}},
        {"concentrator.comm", Mode::Latest, {{"36.2", "transport"}}},
        {"concentrator.sim", Mode::Latest, {{"36.3", "sim_iccid"}, {"19.1", "sim_iccid"}}},
        {"concentrator.master_ip", Mode::Latest, {{"36.1", "master_ip"}}},
        {"concentrator.master_port", Mode::Latest, {{"36.2", "master_port"}}},
        {"concentrator.apn", Mode::Latest, {{"36.3", "apn"}}},
        {"concentrator.region_code", Mode::Latest, {{"36.4", "region_code"}}},
        {"concentrator.terminal_address", Mode::Latest, {{"36.5", "terminal_address"}}},
        {"concentrator.seal",
         Mode::JoinAll,
         {{"19.1", "concentrator_seals"}, {"28.4", "concentrator_box_seal"}}},
        {"concentrator.assets",
         Mode::JoinAll,
         {{"19.1", "concentrator_barcode"},
          {"27.5", "concentrator_asset"},
          {"36.1", "concentrator_asset"}}},
        {"concentrator.remote_read_ok", Mode::Latest, {{"38.1", "remote_read_ok"}}},
    };
    return table;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("ms::CardValues", text);
}

bool matches(const Evidence &e, const Source &s)
{
    return e.cardId == QLatin1String(s.card) && e.requirement == QLatin1String(s.requirement)
        && !e.value.trimmed().isEmpty();
}

void apply(const Rule &rule, const QList<Evidence> &evidence, RecordedValues &out)
{
    if (rule.mode == Mode::JoinAll) {
        QStringList parts;
        RecordedValue v;
        for (const Source &s : rule.from)
            for (const Evidence &e : evidence)
                if (matches(e, s) && !parts.contains(e.value.trimmed())) {
                    parts << e.value.trimmed();
                    v.at = std::max(v.at, e.capturedAt);
                }
        if (!parts.isEmpty()) {
            v.text = parts.join(QStringLiteral("、"));
            out.insert(QLatin1String(rule.path), v);
        }
        return;
    }
    for (int rank = 0; rank < rule.from.size(); ++rank) {
        const Evidence *best = nullptr;
        for (const Evidence &e : evidence) {
            if (!matches(e, rule.from.at(rank)))
                continue;
            if (rule.mode == Mode::DateIfYes && e.value != QLatin1String("yes"))
                continue;
            if (!best || e.capturedAt >= best->capturedAt)
                best = &e;
        }
        if (!best)
            continue;
        const QString text = rule.mode == Mode::DateIfYes
            ? best->capturedAt.toLocalTime().date().toString(QStringLiteral("yyyy-MM-dd"))
            : best->value.trimmed();
        out.insert(QLatin1String(rule.path), RecordedValue{text, best->capturedAt, rank});
        return;
    }
}

} // namespace

RecordedValues CardValues::fromJob(const QList<Evidence> &evidence, const QJsonObject &branches)
{
    RecordedValues out;
    for (const Rule &rule : rules())
        apply(rule, evidence, out);

    // 安装方式: the choice at 2.4, else which of 4.1 (明装) / 4.2 (暗装) has a record.
    const QJsonObject mounting = branches.value(QLatin1String("2.4")).toObject();
    const QString choice = mounting.value(QLatin1String("choice")).toString();
    const QDateTime chosenAt = QDateTime::fromString(mounting.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
    if (choice == QLatin1String("surface") || choice == QLatin1String("concealed")) {
        out.insert(QStringLiteral("concentrator.mounting"),
                   RecordedValue{choice == QLatin1String("surface") ? tr("明装") : tr("暗装"), chosenAt, 0});
    } else {
        for (const Evidence &e : evidence) {
            const bool surface = e.cardId == QLatin1String("4.1");
            if (!surface && e.cardId != QLatin1String("4.2"))
                continue;
            const RecordedValue v{surface ? tr("明装") : tr("暗装"), e.capturedAt, 1};
            if (!out.contains(QStringLiteral("concentrator.mounting"))
                || out.value(QStringLiteral("concentrator.mounting")).at <= v.at)
                out.insert(QStringLiteral("concentrator.mounting"), v);
        }
    }
    return out;
}

RecordedValues CardValues::fromTask(const QList<Evidence> &evidence, const QJsonObject &choices)
{
    // The same table: the cards read are the same, only the owner differs.
    return fromJob(evidence, choices);
}

void CardValues::preferTask(RecordedValues &fromJobs, const RecordedValues &fromTask)
{
    for (auto it = fromTask.begin(); it != fromTask.end(); ++it) {
        const auto have = fromJobs.constFind(it.key());
        // A fallback card on the task (e.g. 27.5's asset number) does not hide the preferred card
        // (19.1) recorded on a job; otherwise the task wins.
        if (have == fromJobs.constEnd() || it->rank <= have->rank)
            fromJobs.insert(it.key(), it.value());
    }
}

void CardValues::merge(RecordedValues &into, const RecordedValues &from)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        const auto have = into.constFind(it.key());
        if (have == into.constEnd() || it->rank < have->rank
            || (it->rank == have->rank && it->at > have->at))
            into.insert(it.key(), it.value());
    }
}

QStringList CardValues::requirementsRead()
{
    QStringList out;
    for (const Rule &rule : rules())
        for (const Source &s : rule.from)
            out << QStringLiteral("%1/%2").arg(QLatin1String(s.card), QLatin1String(s.requirement));
    return out;
}

QStringList CardValues::paths()
{
    QStringList out;
    for (const Rule &rule : rules())
        out << QLatin1String(rule.path);
    out << QStringLiteral("concentrator.mounting");
    return out;
}

} // namespace ms
