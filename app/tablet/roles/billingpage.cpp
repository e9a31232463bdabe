#include "roles/billingpage.h"

#include "roles/officejson.h"
#include "sync/officedesk.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ms {

using officejson::when;

namespace {
constexpr int kUuidRole = Qt::UserRole + 1;

QString str(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? QString() : v.toVariant().toString();
}

QTableWidget *table(int columns, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, columns, parent);
    t->setHorizontalHeaderLabels(headers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSortingEnabled(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}
} // namespace

BillingPage::BillingPage(sync::OfficeDesk &desk, QWidget *parent) : QWidget(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("BillingPage"));
    auto *col = new QVBoxLayout(this);
    auto *title = new QLabel(tr("电费信息审核（33.1）"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    col->addWidget(title);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    col->addWidget(m_status);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_queue = table(14,
                    {tr("户号"), tr("客户"), tr("旧表"), tr("旧表止码（总）"), tr("尖"), tr("峰"),
                     tr("平"), tr("谷"), tr("新表"), tr("新表起码"), tr("机电不符差额"),
                     tr("档位"), tr("预付费余额"), tr("审核通过")},
                    split);
    m_queue->setObjectName(QStringLiteral("billingQueue"));
    auto *logBox = new QWidget(split);
    auto *logCol = new QVBoxLayout(logBox);
    logCol->setContentsMargins(0, 0, 0, 0);
    logCol->addWidget(new QLabel(tr("导出记录"), logBox));
    m_log = table(5, {tr("批次"), tr("类型"), tr("导出人"), tr("时间"), tr("工单数")}, logBox);
    m_log->setObjectName(QStringLiteral("exportLog"));
    logCol->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    col->addWidget(split, 1);

    auto *bar = new QHBoxLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("退回内勤的原因（必填）"));
    auto *confirm = new QPushButton(tr("确认 (Ctrl+Enter)"), this);
    confirm->setObjectName(QStringLiteral("confirm"));
    confirm->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    auto *back = new QPushButton(tr("退回内勤 (Ctrl+B)"), this);
    back->setObjectName(QStringLiteral("sendBack"));
    back->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    auto *exportNew = new QPushButton(tr("导出已确认工单…"), this);
    exportNew->setObjectName(QStringLiteral("export"));
    auto *reexport = new QPushButton(tr("重新导出所选批次…"), this);
    reexport->setObjectName(QStringLiteral("reexport"));
    auto *refresh = new QPushButton(tr("刷新"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    bar->addWidget(m_reason, 1);
    bar->addWidget(back);
    bar->addWidget(confirm);
    bar->addSpacing(24);
    bar->addWidget(exportNew);
    bar->addWidget(reexport);
    bar->addWidget(refresh);
    col->addLayout(bar);

    connect(confirm, &QPushButton::clicked, this, &BillingPage::confirmSelected);
    connect(back, &QPushButton::clicked, this, &BillingPage::sendBackSelected);
    connect(refresh, &QPushButton::clicked, this, &BillingPage::reload);
    const auto ask = [this](const QString &batch) {
        const QString name = batch.isEmpty() ? tr("电费导出-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate))
                                             : tr("电费导出-%1.csv").arg(batch);
        const QString path = QFileDialog::getSaveFileName(
            this, tr("保存导出文件"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') + name,
            tr("CSV 文件 (*.csv)"));
        if (!path.isEmpty())
            exportTo(path, batch);
    };
    connect(exportNew, &QPushButton::clicked, this, [ask] { ask({}); });
    connect(reexport, &QPushButton::clicked, this, [this, ask] {
        const int row = m_log->currentRow();
        if (row < 0)
            return setStatus(tr("请先在导出记录中选中要重新导出的批次。"), true);
        ask(m_log->item(row, 0)->text());
    });
    connect(&m_desk, &sync::OfficeDesk::retryRequested, this, &BillingPage::reload);
    connect(&m_desk, &sync::OfficeDesk::decisionApplied, this, &BillingPage::reload);
    reload();
}

QString BillingPage::status() const
{
    return m_status->text();
}

void BillingPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
}

QString BillingPage::jobUuidAt(int row) const
{
    const QTableWidgetItem *item = m_queue->item(row, 0);
    return item ? item->data(kUuidRole).toString() : QString();
}

QString BillingPage::selectedJob() const
{
    return jobUuidAt(m_queue->currentRow());
}

void BillingPage::reload()
{
    if (auto kept = m_desk.cached(QStringLiteral("billing.queue")))
        fillQueue(kept->body);
    if (auto kept = m_desk.cached(QStringLiteral("billing.exports")))
        fillLog(kept->body);
    m_pending = 2;
    setStatus(tr("正在从办公室服务器 %1 读取…").arg(m_desk.serverName()));
    const auto done = [this](const sync::OfficeDesk::Answer &a, bool queue) {
        --m_pending;
        if (!a.error || a.cached)
            queue ? fillQueue(a.body) : fillLog(a.body);
        if (a.error)
            setStatus(a.cached ? tr("显示的是 %1 取到的数据：%2")
                                     .arg(when(a.fetchedAt.toString(Qt::ISODateWithMs)), a.error->message)
                               : a.error->message,
                      true);
        else if (m_pending == 0)
            setStatus(tr("%n 个工单等待电费信息审核。", nullptr, m_queue->rowCount()));
    };
    m_desk.fetch(QStringLiteral("billing.queue"), QStringLiteral("office/billing/queue"), {}, this,
                 [done](const sync::OfficeDesk::Answer &a) { done(a, true); });
    m_desk.fetch(QStringLiteral("billing.exports"), QStringLiteral("office/billing/exports"), {}, this,
                 [done](const sync::OfficeDesk::Answer &a) { done(a, false); });
}

void BillingPage::fillQueue(const QJsonObject &answer)
{
    m_queue->setSortingEnabled(false);
    const QJsonArray jobs = answer.value(QStringLiteral("jobs")).toArray();
    m_queue->setRowCount(int(jobs.size()));
    for (int r = 0; r < jobs.size(); ++r) {
        const QJsonObject j = jobs.at(r).toObject();
        const QJsonArray t = j.value(QStringLiteral("old_reading_tariffs")).toArray();
        const bool mismatch = j.value(QStringLiteral("mismatch")).toBool();
        // the old reading as the register keeps it, with the CT multiplier and how a dead
        // display's reading was obtained; the balance in the meter's own unit
        QString oldTotal = str(j.value(QStringLiteral("old_reading_total")));
        const QString multiplier = str(j.value(QStringLiteral("multiplier")));
        if (!multiplier.isEmpty() && multiplier != QLatin1String("1"))
            oldTotal = tr("%1（倍率 %2）").arg(oldTotal, multiplier);
        const QString note = str(j.value(QStringLiteral("old_reading_note")));
        if (!note.isEmpty())
            oldTotal = tr("%1［黑屏：%2］").arg(oldTotal, note);
        const QString balance = str(j.value(QStringLiteral("prepaid_balance")));
        const QStringList cells{
            str(j.value(QStringLiteral("account_no"))),
            str(j.value(QStringLiteral("customer_name"))),
            str(j.value(QStringLiteral("old_asset_no"))),
            oldTotal,
            str(t.at(0)),
            str(t.at(1)),
            str(t.at(2)),
            str(t.at(3)),
            str(j.value(QStringLiteral("new_asset_no"))),
            str(j.value(QStringLiteral("new_reading_total"))),
            mismatch ? str(j.value(QStringLiteral("mismatch_difference"))) : QString(),
            mismatch ? str(j.value(QStringLiteral("mismatch_tier"))) : QString(),
            balance.isEmpty()
                ? QString()
                : tr("%1 %2").arg(balance, str(j.value(QStringLiteral("prepaid_balance_unit")))),
            tr("%1 %2").arg(str(j.value(QStringLiteral("approved_by"))),
                            when(str(j.value(QStringLiteral("approved_at")))))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (mismatch && (c == 10 || c == 11))
                item->setBackground(QColor(0xffe0b2));
            m_queue->setItem(r, c, item);
        }
        m_queue->item(r, 0)->setData(kUuidRole, str(j.value(QStringLiteral("uuid"))));
    }
    m_queue->setSortingEnabled(true);
    m_queue->resizeColumnsToContents();
    emit loaded(m_queue->rowCount());
}

void BillingPage::fillLog(const QJsonObject &answer)
{
    m_log->setSortingEnabled(false);
    const QJsonArray rows = answer.value(QStringLiteral("exports")).toArray();
    m_log->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonObject e = rows.at(r).toObject();
        const bool again = str(e.value(QStringLiteral("kind"))) == QLatin1String("re-export");
        const QStringList cells{str(e.value(QStringLiteral("batch"))), again ? tr("重新导出") : tr("导出"),
                                str(e.value(QStringLiteral("by"))), when(str(e.value(QStringLiteral("at")))),
                                str(e.value(QStringLiteral("count")))};
        for (int c = 0; c < cells.size(); ++c)
            m_log->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_log->setSortingEnabled(true);
    m_log->resizeColumnsToContents();
}

void BillingPage::confirmSelected()
{
    const QString job = selectedJob();
    if (job.isEmpty())
        return setStatus(tr("请先选中一个工单。"), true);
    const QString account = m_queue->item(m_queue->currentRow(), 0)->text();
    auto queued = m_desk.decide(job, QStringLiteral("billing-confirm"), {}, tr("电费确认 %1").arg(account));
    if (!queued)
        return setStatus(tr("决定没有保存：%1").arg(queued.error().message), true);
    setStatus(tr("已确认 %1。").arg(account));
}

void BillingPage::sendBackSelected()
{
    const QString job = selectedJob();
    if (job.isEmpty())
        return setStatus(tr("请先选中一个工单。"), true);
    const QString reason = m_reason->text().trimmed();
    if (reason.isEmpty())
        return setStatus(tr("没有退回：请写明退回内勤的原因。"), true);
    const QString account = m_queue->item(m_queue->currentRow(), 0)->text();
    auto queued = m_desk.decide(job, QStringLiteral("billing-send-back"), {{QStringLiteral("reason"), reason}},
                                tr("电费退回 %1：%2").arg(account, reason));
    if (!queued)
        return setStatus(tr("决定没有保存：%1").arg(queued.error().message), true);
    m_reason->clear();
    setStatus(tr("已退回内勤：%1。").arg(account));
}

void BillingPage::exportTo(const QString &path, const QString &batch)
{
    setStatus(tr("正在从办公室服务器导出…"));
    const QJsonObject body{{QStringLiteral("batch"), batch.isEmpty() ? QJsonValue() : QJsonValue(batch)}};
    m_desk.postBytes(QStringLiteral("office/billing/export"), body, this,
                     [this, path](Result<QByteArray> csv) {
                         if (!csv) {
                             setStatus(tr("没有导出：%1").arg(csv.error().message), true);
                             emit exported(path, false);
                             return;
                         }
                         QSaveFile f(path);
                         if (!f.open(QIODevice::WriteOnly) || f.write(csv.value()) != csv->size() || !f.commit()) {
                             setStatus(tr("导出文件没有写成 %1：%2。请换一个文件夹再导出；办公室已记下这一批，"
                                          "可在导出记录中重新导出。").arg(path, f.errorString()), true);
                             emit exported(path, false);
                             return;
                         }
                         setStatus(tr("已导出到 %1。").arg(path));
                         emit exported(path, true);
                         reload();
                     });
}

} // namespace ms
