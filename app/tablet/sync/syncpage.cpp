#include "syncpage.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms::ui {

namespace {
QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

QString entityName(const QString &entity)
{
    if (entity == QLatin1String("customer"))
        return SyncPage::tr("客户");
    if (entity == QLatin1String("task"))
        return SyncPage::tr("任务");
    if (entity == QLatin1String("job"))
        return SyncPage::tr("工单");
    if (entity == QLatin1String("step"))
        return SyncPage::tr("步骤");
    if (entity == QLatin1String("evidence"))
        return SyncPage::tr("证据");
    if (entity == QLatin1String("seal"))
        return SyncPage::tr("封印");
    if (entity == QLatin1String("form_entry"))
        return SyncPage::tr("表单");
    if (entity == QLatin1String("task_card"))
        return SyncPage::tr("任务卡");
    if (entity == QLatin1String("mismatch"))
        return SyncPage::tr("机电不符");
    if (entity == QLatin1String("user"))
        return SyncPage::tr("用户");
    return entity;
}

QString duration(int seconds)
{
    if (seconds < 60)
        return SyncPage::tr("%1 秒").arg(seconds);
    if (seconds < 3600)
        return SyncPage::tr("%1 分钟").arg((seconds + 59) / 60);
    return SyncPage::tr("%1 小时 %2 分钟").arg(seconds / 3600).arg((seconds % 3600) / 60);
}
} // namespace

SyncPage::SyncPage(sync::SyncLocal &local, sync::SyncClient &client, QWidget *parent)
    : QWidget(parent), m_local(local), m_client(client)
{
    setObjectName(QStringLiteral("SyncPage"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("同步到办公室"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    m_waiting = new QLabel(this);
    m_waiting->setObjectName(QStringLiteral("waiting"));
    m_waiting->setWordWrap(true);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_bar->setMinimumHeight(40);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_speed = new QLabel(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_lastSync = new QLabel(this);
    m_lastSync->setObjectName(QStringLiteral("lastSync"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_error->hide(); // shown with a message only (the style gives it a red banner)
    m_rejectedTitle = new QLabel(tr("办公室没有接收的记录（保留在本机，下次同步会再发送）："), this);
    m_rejectedTitle->setObjectName(QStringLiteral("rejectedTitle"));
    m_rejectedTitle->setWordWrap(true);
    m_rejected = new QListWidget(this);
    m_rejected->setObjectName(QStringLiteral("rejected"));
    m_rejected->setWordWrap(true);
    m_rejected->setSelectionMode(QAbstractItemView::NoSelection);
    m_start = new QPushButton(tr("开始同步"), this);
    m_start->setObjectName(QStringLiteral("start"));
    m_pause = new QPushButton(tr("暂停"), this);
    m_pause->setObjectName(QStringLiteral("pause"));
    for (QPushButton *b : {m_start, m_pause})
        b->setMinimumHeight(56); // gloved hands
    layout->addWidget(title);
    layout->addWidget(m_waiting);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addWidget(m_speed);
    layout->addWidget(m_error);
    layout->addWidget(m_rejectedTitle);
    layout->addWidget(m_rejected, 1);
    layout->addWidget(m_lastSync);
    layout->addStretch();
    layout->addWidget(m_start);
    layout->addWidget(m_pause);

    connect(m_start, &QPushButton::clicked, this, [this] {
        setError({});
        m_client.start();
        updateButtons();
    });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        m_client.isPaused() ? m_client.resume() : m_client.pause();
    });
    connect(&m_client, &sync::SyncClient::progressChanged, this, &SyncPage::onProgress);
    connect(&m_client, &sync::SyncClient::finished, this, &SyncPage::onFinished);
    connect(&m_client, &sync::SyncClient::pausedChanged, this, [this](bool paused) {
        m_status->setText(paused ? tr("已暂停，点“继续”接着发送") : tr("正在同步…"));
        updateButtons();
    });
    connect(&m_client, &sync::SyncClient::retrying, this, [this](int attempt, int delayMs, const QString &) {
        m_status->setText(tr("网络中断，%1 秒后第 %2 次重试…").arg((delayMs + 999) / 1000).arg(attempt));
    });
    refresh();
}

void SyncPage::refresh()
{
    // A locked or damaged database is never "nothing to send": say that it could not be read.
    const auto counts = m_local.counts();
    if (!counts)
        m_waiting->setText(tr("读不出待发送的内容：%1").arg(counts.error().message));
    else if (counts->records == 0 && counts->files == 0)
        m_waiting->setText(tr("没有待发送的内容"));
    else
        m_waiting->setText(tr("待发送：%1，%2，共 %3 MB")
                               .arg(tr("%n 条记录", nullptr, int(counts->records)),
                                    tr("%n 个证据文件", nullptr, int(counts->files)))
                               .arg(megabytes(counts->bytes)));
    m_waiting->setStyleSheet(counts ? QString()
                                    : QStringLiteral("color: #b00020; font-weight: bold;"));
    const auto read = m_local.syncState();
    const SyncState state = read ? read.value() : SyncState();
    if (!read)
        m_lastSync->setText(tr("读不出上次同步的情况：%1").arg(read.error().message));
    else
        m_lastSync->setText(state.lastSyncAt.isValid()
                                ? tr("上次成功同步：%1").arg(state.lastSyncAt.toLocalTime().toString(
                                      QStringLiteral("yyyy-MM-dd HH:mm")))
                                : tr("还没有成功同步过"));
    if (!m_client.isRunning() && !state.lastError.isEmpty() && m_error->text().isEmpty())
        setError(state.lastError);
    m_rejected->clear();
    const auto verdicts = m_local.verdicts();
    if (!verdicts)
        new QListWidgetItem(tr("读不出办公室没有收下的记录：%1").arg(verdicts.error().message), m_rejected);
    for (const OutboxVerdict &v : verdicts ? verdicts.value() : QList<OutboxVerdict>()) {
        auto *item = new QListWidgetItem(verdictLine(v), m_rejected);
        item->setToolTip(v.reason);
        item->setData(Qt::UserRole, v.status);
    }
    m_rejectedTitle->setVisible(m_rejected->count() > 0);
    m_rejected->setVisible(m_rejected->count() > 0);
    updateButtons();
}

QString SyncPage::verdictLine(const OutboxVerdict &v)
{
    const QString what = tr("%1 %2（第 %3 版）").arg(entityName(v.entity), v.label).arg(v.version);
    if (v.status == QLatin1String("conflict"))
        return tr("冲突：%1 与办公室已有的不同，不同之处：%2。两份都已保存，请联系办公室核对。")
            .arg(what, v.fields.join(QStringLiteral("、")));
    return tr("被拒收：%1。%2").arg(what, v.reason);
}

void SyncPage::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString SyncPage::plainWords(const Error &error)
{
    if (error.code == QLatin1String("sync.no_network"))
        return tr("没有网络，连不上办公室。到有信号的地方再点“开始同步”；已发送的部分不会重发。");
    if (error.code == QLatin1String("sync.token_refused"))
        return tr("办公室不认可本机的令牌。请向办公室申请新令牌，在设置中更新后再同步。");
    if (error.code == QLatin1String("auth.device_key_mismatch"))
        return tr("办公室为本机令牌登记的签名密钥与本机的不一致（本机数据重建过，或令牌被别的设备用过），为安全起见没有发送。"
                  "请向办公室申请新令牌，在设置中更新后再同步；本机数据都在。");
    if (error.code == QLatin1String("sync.server_disk_full"))
        return tr("办公室服务器磁盘已满，暂时收不了。请电话通知办公室；本机数据都在，稍后再同步。");
    if (error.code.startsWith(QLatin1String("sync.tls")))
        return tr("办公室服务器的证书与本机登记的不一致，为安全起见没有发送。请向办公室核对证书指纹。");
    return error.message;
}

void SyncPage::onProgress(const sync::SyncProgress &p)
{
    using Phase = sync::SyncProgress::Phase;
    const qint64 total = std::max<qint64>(1, p.bytesTotal);
    const double share = p.bytesTotal > 0 ? double(p.bytesDone) / double(total)
                                          : (p.recordsTotal > 0 ? double(p.recordsDone) / p.recordsTotal : 0.0);
    m_bar->setValue(int(std::clamp(share, 0.0, 1.0) * 1000));
    m_bar->setFormat(tr("%1 / %2 MB").arg(megabytes(p.bytesDone), megabytes(p.bytesTotal)));
    switch (p.phase) {
    case Phase::Checking: m_status->setText(tr("正在连接办公室…")); break;
    case Phase::Uploading:
        if (!m_client.isPaused())
            m_status->setText(tr("正在发送：照片 %1/%2，记录 %3/%4")
                                  .arg(p.filesDone).arg(p.filesTotal).arg(p.recordsDone).arg(p.recordsTotal));
        break;
    case Phase::Pulling: m_status->setText(tr("正在接收新任务…")); break;
    case Phase::Done:
    case Phase::Idle: break;
    }
    if (p.bytesPerSecond > 0)
        m_speed->setText(tr("速度 %1 MB/秒，约剩 %2")
                             .arg(megabytes(qint64(p.bytesPerSecond)))
                             .arg(p.secondsLeft >= 0 ? duration(p.secondsLeft) : tr("未知")));
}

void SyncPage::onFinished(const sync::SyncSummary &summary)
{
    if (summary.ok) {
        m_bar->setValue(1000);
        m_status->setText(tr("同步完成：%1，%2；收到 %3")
                              .arg(tr("%n 条记录", nullptr, int(summary.recordsConfirmed)),
                                   tr("%n 个文件", nullptr, int(summary.filesUploaded)),
                                   tr("%n 个新任务", nullptr, int(summary.tasksPulled))));
        setError({});
    } else {
        m_status->setText(tr("同步未完成"));
        setError(plainWords(summary.error));
    }
    refresh();
}

void SyncPage::updateButtons()
{
    const bool running = m_client.isRunning();
    m_start->setEnabled(!running);
    m_pause->setEnabled(running);
    m_pause->setText(m_client.isPaused() ? tr("继续") : tr("暂停"));
}

} // namespace ms::ui
