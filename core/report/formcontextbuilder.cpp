#include "report/formcontextbuilder.h"

#include "report/cardvalues.h"
#include "store/store.h"
#include "workflow/mismatch.h"

#include <QCoreApplication>

namespace ms {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::FormContextBuilder", text);
}

QString date(const QDate &d)
{
    return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : QString();
}

QString dateTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString kwh(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 2) : QString();
}

QString numberText(const QString &value)
{
    bool ok = false;
    const double v = value.toDouble(&ok);
    return ok ? QString::number(v, 'f', 2) : value;
}

void put(QHash<QString, QString> &values, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        values.insert(key, value);
}
} // namespace

FormContextBuilder::FormContextBuilder(Store &store, const Catalog *catalog,
                                       const MismatchConfig *tiers)
    : m_store(store), m_catalog(catalog), m_tiers(tiers)
{
}

Result<void> FormContextBuilder::addUnit(FormContext &ctx)
{
    auto &v = ctx.values;
    const std::pair<const char *, const char *> unit[] = {
        {"unit.name", ""}, {"unit.station", ""}, {"unit.phone", "95598"}, {"unit.contractor", ""}};
    for (const auto &[key, fallback] : unit) {
        auto value = m_store.settings().value(QLatin1String(key), QLatin1String(fallback));
        if (!value)
            return value.error();
        put(v, QLatin1String(key), value.value());
    }
    put(v, QStringLiteral("doc.date"), date(m_date));
    put(v, QStringLiteral("doc.year"), QString::number(m_date.year()));
    return {};
}

Result<void> FormContextBuilder::addTask(FormContext &ctx, const Task &task)
{
    if (auto unit = addUnit(ctx); !unit)
        return unit.error();
    auto &v = ctx.values;
    put(v, QStringLiteral("doc.serial"), task.code);
    put(v, QStringLiteral("task.code"), task.code);
    put(v, QStringLiteral("task.name"), task.name);
    put(v, QStringLiteral("task.area_name"), task.areaName);
    put(v, QStringLiteral("task.area_code"), task.areaCode);
    QStringList area{task.areaName};
    if (!task.areaCode.isEmpty())
        area << task.areaCode;
    put(v, QStringLiteral("task.area"), area.join(QStringLiteral(" / ")));
    put(v, QStringLiteral("task.address"), task.address);
    put(v, QStringLiteral("task.crew"), task.crew);
    put(v, QStringLiteral("task.leader"), task.leader);
    put(v, QStringLiteral("task.planned_start"), date(task.plannedStart));
    put(v, QStringLiteral("task.planned_end"), date(task.plannedEnd));
    if (task.plannedStart.isValid() && task.plannedEnd.isValid())
        put(v, QStringLiteral("doc.date_range"),
            tr("自 %1 至 %2").arg(date(task.plannedStart), date(task.plannedEnd)));

    QList<FormRow> rows;
    QList<FormRow> returns; // 附录24's lines
    int done = 0;
    int mismatch = 0;
    QDateTime exportedAt;
    RecordedValues recorded; // what the task's cards recorded, on whichever job
    auto customers = m_store.tasks().customers(task.id);
    if (!customers)
        return customers.error();
    for (const Customer &c : customers.value()) {
        auto made = customerRow(c, &recorded, &returns);
        if (!made)
            return made.error();
        FormRow row = made.value();
        done += row.tags.contains(QStringLiteral("swapped"));
        mismatch += row.tags.contains(QStringLiteral("mismatch"));
        const auto p = m_store.mismatch().purchase(c.accountNo);
        if (!p)
            return p.error();
        if (p.value() && p.value()->importedAt > exportedAt)
            exportedAt = p.value()->importedAt;
        rows.append(row);
    }
    put(v, QStringLiteral("task.customer_count"), QString::number(rows.size()));
    put(v, QStringLiteral("task.done_count"), QString::number(done));
    put(v, QStringLiteral("task.mismatch_count"), QString::number(mismatch));
    put(v, QStringLiteral("purchase.exported_at"), date(exportedAt.date()));
    // The task-level cards' own records (2.4, 4.x, 19.1, 27.5, 28.4, 36.x) win; what a job recorded
    // for them only fills the gaps.
    QJsonObject taskChoices;
    auto cards = m_store.taskCards().cards(task.id);
    auto taskEvidence = m_store.evidence().list(RecordOwner::task(task.id));
    if (!cards || !taskEvidence)
        return !cards ? cards.error() : taskEvidence.error();
    for (const TaskCardRecord &r : cards.value())
        if (!r.choice.isEmpty())
            taskChoices.insert(r.cardId, QJsonObject{{QStringLiteral("choice"), r.choice},
                                                     {QStringLiteral("at"), r.chosenAt.toString(Qt::ISODateWithMs)}});
    CardValues::preferTask(recorded, CardValues::fromTask(taskEvidence.value(), taskChoices));
    for (auto it = recorded.begin(); it != recorded.end(); ++it)
        if (it.key().startsWith(QLatin1String("concentrator."))
            || it.key().startsWith(QLatin1String("notice.")))
            put(v, it.key(), it->text);
    // Appendix 22: 集中器数 and 采集成功率 as the master station reported them at 39.1; where 39.1
    // has none yet, what the crew recorded: the distinct concentrator asset numbers, and the
    // households 38.1 recorded as read by the concentrator, of those it recorded at all.
    int asked = 0;
    int read = 0;
    for (const FormRow &row : rows) {
        const QString ok = row.values.value(QStringLiteral("concentrator.remote_read_ok"));
        asked += !ok.isEmpty();
        read += ok == QLatin1String("yes");
    }
    if (asked > 0) {
        const QString rate = QString::number(100.0 * read / asked, 'f', 1);
        put(v, QStringLiteral("concentrator.read_success_rate"), rate);
        if (v.value(QStringLiteral("concentrator.success_rate")).isEmpty())
            put(v, QStringLiteral("concentrator.success_rate"), rate);
    }
    if (const QString assets = recorded.value(QStringLiteral("concentrator.assets")).text;
        !assets.isEmpty() && v.value(QStringLiteral("concentrator.count")).isEmpty())
        put(v, QStringLiteral("concentrator.count"),
            QString::number(assets.split(QStringLiteral("、")).size()));
    ctx.lists.insert(QStringLiteral("customers"), rows);
    ctx.lists.insert(QStringLiteral("returns"), returns);

    FormRow taskRow;
    for (const char *key : {"task.area", "task.address", "task.customer_count", "task.planned_start",
                            "task.planned_end", "task.crew", "task.leader"})
        put(taskRow.values, QLatin1String(key), v.value(QLatin1String(key)));
    ctx.lists.insert(QStringLiteral("tasks"), {taskRow});
    return {};
}

Result<FormRow> FormContextBuilder::customerRow(const Customer &c, RecordedValues *taskRecorded,
                                                QList<FormRow> *returns)
{
    FormRow row;
    auto &v = row.values;
    put(v, QStringLiteral("customer.account_no"), c.accountNo);
    put(v, QStringLiteral("customer.name"), c.name);
    put(v, QStringLiteral("customer.address"), c.address);
    put(v, QStringLiteral("customer.phone"), c.phone);
    put(v, QStringLiteral("customer.meter_box_no"), c.meterBoxNo);
    const bool prepaid = c.payment == PaymentType::Prepaid;
    put(v, QStringLiteral("customer.payment"), prepaid ? tr("预付费") : tr("后付费"));
    put(v, QStringLiteral("customer.mismatch"), c.mismatchFlag ? tr("是") : tr("否"));
    const auto meter = [&v](const char *prefix, const MeterInfo &m) {
        const QString p = QLatin1String(prefix);
        put(v, p + QStringLiteral(".asset_no"), m.assetNo);
        put(v, p + QStringLiteral(".comm_address"), m.commAddress);
        put(v, p + QStringLiteral(".model"), m.model);
        put(v, p + QStringLiteral(".protocol"), m.protocol);
    };
    meter("old_meter", c.oldMeter);
    meter("new_meter", c.newMeter);
    if (prepaid)
        row.tags << QStringLiteral("prepaid");
    if (c.mismatchFlag)
        row.tags << QStringLiteral("mismatch");
    put(v, QStringLiteral("job.reason"), c.mismatchFlag ? tr("机电不符") : tr("批量轮换"));

    const auto purchase = m_store.mismatch().purchase(c.accountNo);
    if (!purchase)
        return purchase.error();
    if (const auto &p = purchase.value()) {
        put(v, QStringLiteral("purchase.cumulative_kwh"), kwh(p->cumulativeKwh));
        put(v, QStringLiteral("purchase.last_date"), date(p->lastPurchaseDate));
        put(v, QStringLiteral("purchase.count"), QString::number(p->purchaseCount));
    }
    const auto mismatch = m_store.mismatch().forCustomer(c.id);
    if (!mismatch)
        return mismatch.error();
    if (const auto &m = mismatch.value()) {
        put(v, QStringLiteral("reading.old.mechanical_register"), kwh(m->mechanicalRegister));
        put(v, QStringLiteral("reading.old.remaining_energy"), kwh(m->remainingEnergy));
        put(v, QStringLiteral("mismatch.difference"), kwh(m->difference));
        const MismatchTier *tier = m_tiers ? m_tiers->tier(m->tier) : nullptr;
        if (m->tier == QLatin1String(kNeedsPurchaseRecordTier))
            put(v, QStringLiteral("mismatch.tier"), tr("缺购电记录"));
        else
            put(v, QStringLiteral("mismatch.tier"), tier ? tier->name : m->tier);
        if (m->difference)
            put(v, QStringLiteral("mismatch.reason"),
                tr("机电不符：差额电量 %1 kWh（%2）").arg(kwh(m->difference), v.value(QStringLiteral("mismatch.tier"))));
    }

    auto job = m_store.jobs().forCustomer(c.id);
    if (!job)
        return row;
    const Job &j = job.value();
    put(v, QStringLiteral("job.id"), QString::number(j.id));
    put(v, QStringLiteral("job.status"), jobStatusKey(j.status));
    put(v, QStringLiteral("job.started_at"), dateTime(j.startedAt));
    put(v, QStringLiteral("job.first_visit_at"), dateTime(j.startedAt));
    put(v, QStringLiteral("job.finished_at"), dateTime(j.finishedAt));
    put(v, QStringLiteral("job.appointment_at"), dateTime(j.appointmentAt));
    if (j.status == JobStatus::Done)
        row.tags << QStringLiteral("swapped");
    if (j.appointmentAt.isValid() || j.status == JobStatus::WaitingAppointment)
        row.tags << QStringLiteral("appointment");
    if (j.status == JobStatus::Done) {
        put(v, QStringLiteral("row.material"), tr("拆回旧表"));
        put(v, QStringLiteral("row.quantity"), QStringLiteral("1"));
        put(v, QStringLiteral("row.return_reason"), c.mismatchFlag ? tr("机电不符，封存送检") : tr("拆回旧表"));
        put(v, QStringLiteral("row.state"), c.mismatchFlag ? tr("封存") : tr("待报废"));
    }

    auto seals = m_store.seals().list(RecordOwner::job(j.id));
    auto jobEvidence = m_store.evidence().list(RecordOwner::job(j.id));
    if (!seals || !jobEvidence)
        return !seals ? seals.error() : jobEvidence.error();
    for (const Seal &s : seals.value()) {
        const QString key = QStringLiteral("seal.") + s.position;
        v.insert(key, v.contains(key) ? v.value(key) + QStringLiteral("、") + s.number : s.number);
    }
    const QList<Evidence> &evidence = jobEvidence.value();
    const RecordedValues recorded = CardValues::fromJob(evidence, j.branches);
    for (auto it = recorded.begin(); it != recorded.end(); ++it)
        put(v, it.key(), it->text);
    if (taskRecorded)
        CardValues::merge(*taskRecorded, recorded);
    for (const Evidence &e : evidence) {
        const Card *card = m_catalog ? m_catalog->card(e.cardId) : nullptr;
        const EvidenceRequirement *req = card ? card->requirement(e.requirement) : nullptr;
        const QString meterSide = e.meta.value(QLatin1String("meter")).toString(req ? req->meter : QString());
        const QString reg = e.meta.value(QLatin1String("register")).toString(req ? req->registerName : QString());
        auto user = m_store.users().byUuid(e.userUuid);
        if (e.kind == EvidenceKind::MeterReading && !meterSide.isEmpty() && !reg.isEmpty()) {
            v.insert(QStringLiteral("reading.%1.%2").arg(meterSide, reg), numberText(e.value));
        } else if (e.kind == EvidenceKind::Barcode && !meterSide.isEmpty()) {
            const QString key = meterSide + QStringLiteral("_meter.asset_no");
            if (!v.contains(key))
                put(v, key, e.value);
        } else if (e.kind == EvidenceKind::Signature) {
            const QString signer = e.meta.value(QLatin1String("signer")).toString(req ? req->signer : QString());
            if (signer.isEmpty())
                continue;
            FormSignature sig{QImage(m_store.files().path(e.sha256)), e.capturedAt, {}};
            if (signer != QLatin1String("customer") && signer != QLatin1String("witness") && user)
                sig.name = user->name;
            row.signatures.insert(signer, sig);
            if (signer == QLatin1String("installer") && user)
                put(v, QStringLiteral("job.installer"), user->name);
        }
        if (!v.contains(QStringLiteral("job.installer")) && user && user->roles.contains(QStringLiteral("installer")))
            put(v, QStringLiteral("job.installer"), user->name);
    }
    // a CT-connected meter: ratio and multiplier in one box ("150/5（倍率 30）")
    const QString ratio = v.value(QStringLiteral("meter.ct_ratio"));
    if (!ratio.isEmpty())
        put(v, QStringLiteral("meter.ct"),
            tr("%1（倍率 %2）").arg(ratio, v.value(QStringLiteral("meter.multiplier"))));
    const QString basis = v.value(QStringLiteral("meter.old_reading_basis"));
    if (!basis.isEmpty())
        put(v, QStringLiteral("meter.old_reading_basis"),
            tr("旧表黑屏，止码取得方式：%1").arg(basis));
    const QString energy = v.value(QStringLiteral("reading.old.remaining_energy"));
    const QString money = v.value(QStringLiteral("reading.old.remaining_money"));
    if (!energy.isEmpty())
        put(v, QStringLiteral("reading.old.remaining"), energy + QStringLiteral(" kWh"));
    else if (!money.isEmpty())
        put(v, QStringLiteral("reading.old.remaining"), money + tr(" 元"));
    if (returns) {
        if (row.tags.contains(QStringLiteral("swapped")))
            returns->append(row);
        returns->append(faultyMeterRows(evidence, v));
    }
    return row;
}

// Each new meter found faulty at 21.4 and sent back (asset number, fault), in capture order; a
// number captured again counts once.
QList<FormRow> FormContextBuilder::faultyMeterRows(const QList<Evidence> &evidence,
                                                   const QHash<QString, QString> &customer)
{
    QList<const Evidence *> assets, faults;
    for (const Evidence &e : evidence) {
        if (e.requirement == QLatin1String("faulty_meter_asset") && !e.value.isEmpty())
            assets << &e;
        else if (e.requirement == QLatin1String("faulty_meter_fault"))
            faults << &e;
    }
    const auto byTime = [](const Evidence *a, const Evidence *b) {
        return a->capturedAt < b->capturedAt;
    };
    std::stable_sort(assets.begin(), assets.end(), byTime);
    std::stable_sort(faults.begin(), faults.end(), byTime);
    QList<const Evidence *> distinct; // the first capture of each number
    QSet<QString> seen;
    for (const Evidence *a : std::as_const(assets))
        if (!seen.contains(a->value)) {
            seen.insert(a->value);
            distinct << a;
        }
    QList<FormRow> out;
    for (qsizetype i = 0; i < distinct.size(); ++i) {
        // the fault recorded with this meter: the latest one before the next faulty meter
        QString fault;
        const QDateTime until =
            i + 1 < distinct.size() ? distinct.at(i + 1)->capturedAt : QDateTime();
        for (const Evidence *f : std::as_const(faults))
            if (!until.isValid() || f->capturedAt < until)
                fault = f->value;
        FormRow r;
        r.values.insert(QStringLiteral("col.material"), tr("故障新表"));
        r.values.insert(QStringLiteral("col.model"),
                        customer.value(QStringLiteral("new_meter.model")));
        r.values.insert(QStringLiteral("col.asset"), distinct.at(i)->value);
        r.values.insert(QStringLiteral("col.qty"), QStringLiteral("1"));
        r.values.insert(
            QStringLiteral("col.reason"),
            fault.isEmpty()
                ? tr("新表故障（户号 %1）")
                      .arg(customer.value(QStringLiteral("customer.account_no")))
                : tr("新表故障：%1（户号 %2）")
                      .arg(fault, customer.value(QStringLiteral("customer.account_no"))));
        r.values.insert(QStringLiteral("col.state"), tr("故障退回"));
        r.tags << QStringLiteral("faulty_meter");
        out << r;
    }
    return out;
}

Result<FormContext> FormContextBuilder::forTask(RowId taskId)
{
    auto task = m_store.tasks().byId(taskId);
    if (!task)
        return makeError(QStringLiteral("report.not_found"),
                         tr("没有编号为 %1 的换表工作任务。请先用任务列表确认任务编号。").arg(taskId));
    FormContext ctx;
    if (auto added = addTask(ctx, task.value()); !added)
        return added.error();
    return ctx;
}

Result<FormContext> FormContextBuilder::forJob(RowId jobId)
{
    auto job = m_store.jobs().byId(jobId);
    if (!job)
        return makeError(QStringLiteral("report.not_found"),
                         tr("没有编号为 %1 的工单。请先用工单列表确认工单编号。").arg(jobId));
    auto customer = m_store.tasks().customer(job->customerId);
    if (!customer)
        return makeError(QStringLiteral("report.not_found"),
                         tr("工单 %1 的客户记录不存在，数据可能不完整，请重新同步任务。").arg(jobId));
    auto ctx = forTask(job->taskId);
    if (!ctx)
        return ctx;
    const auto made = customerRow(customer.value());
    if (!made)
        return made.error();
    const FormRow &row = made.value();
    for (auto it = row.values.begin(); it != row.values.end(); ++it)
        ctx.value().values.insert(it.key(), it.value());
    ctx.value().signatures = row.signatures;
    const QString code = ctx.value().values.value(QStringLiteral("task.code"));
    ctx.value().values.insert(QStringLiteral("doc.serial"),
                       code.isEmpty() ? customer->accountNo : code + QLatin1Char('-') + customer->accountNo);
    return ctx;
}

Result<FormOwner> FormContextBuilder::ownerFor(const FormSpec &form, RowId jobId, RowId taskId)
{
    if (form.isJobScope() && jobId <= 0)
        return makeError(QStringLiteral("report.needs_job"),
                         tr("附录 %1“%2”按户填写，请指定工单（--job 工单编号）。").arg(form.number).arg(form.title));
    if (jobId > 0) {
        auto job = m_store.jobs().byId(jobId);
        if (!job)
            return makeError(QStringLiteral("report.not_found"),
                             tr("没有编号为 %1 的工单。请先用工单列表确认工单编号。").arg(jobId));
        if (form.isJobScope())
            return FormOwner::job(job->uuid);
        taskId = job->taskId;
    }
    if (taskId <= 0)
        return makeError(QStringLiteral("report.needs_task"),
                         tr("附录 %1“%2”按任务填写，请指定任务（--task 任务编号）。").arg(form.number).arg(form.title));
    auto task = m_store.tasks().byId(taskId);
    if (!task)
        return makeError(QStringLiteral("report.not_found"),
                         tr("没有编号为 %1 的换表工作任务。请先用任务列表确认任务编号。").arg(taskId));
    return FormOwner::task(task->uuid);
}

Result<FormContext> FormContextBuilder::forForm(const FormSpec &form, RowId jobId, RowId taskId)
{
    if (form.scope == QLatin1String("static") && jobId <= 0 && taskId <= 0) {
        FormContext ctx; // publicity material: the unit and date only, nothing typed to keep
        if (auto unit = addUnit(ctx); !unit)
            return unit.error();
        return ctx;
    }
    auto owner = ownerFor(form, jobId, taskId);
    if (!owner)
        return owner.error();
    // A task-level form opened from a job: the job's task, with the job's values.
    auto ctx = jobId > 0 ? forJob(jobId) : forTask(taskId);
    if (!ctx)
        return ctx;
    auto typed = m_store.formEntries().load(form.number, owner.value());
    if (!typed)
        return makeError(typed.error().code,
                         tr("读取附录 %1 已保存的填写内容失败：%2").arg(form.number).arg(typed.error().message));
    ctx.value().entries = typed->entries;
    return ctx;
}

} // namespace ms
