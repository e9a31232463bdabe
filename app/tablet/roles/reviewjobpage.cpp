#include "roles/reviewjobpage.h"

#include "roles/officejson.h"
#include "roles/photoviewer.h"
#include "roles/videoviewer.h"
#include "sync/officedesk.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ms {

using officejson::str;
using officejson::when;

namespace {
constexpr int kCardRole = Qt::UserRole + 1;
constexpr int kRequirementRole = Qt::UserRole + 2;
constexpr int kShaRole = Qt::UserRole + 3;
constexpr int kKindRole = Qt::UserRole + 4;

} // namespace

ReviewJobPage::ReviewJobPage(sync::OfficeDesk &desk, const Catalog *catalog, QWidget *parent)
    : QWidget(parent), m_desk(desk), m_catalog(catalog)
{
    setObjectName(QStringLiteral("ReviewJobPage"));
    auto *col = new QVBoxLayout(this);
    m_head = new QLabel(this);
    m_head->setObjectName(QStringLiteral("pageTitle"));
    m_head->setWordWrap(true);
    col->addWidget(m_head);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    col->addWidget(m_status);
    m_findings = new QListWidget(this);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setMaximumHeight(84);
    m_findings->setStyleSheet(QStringLiteral("color:#8a4b00; background:#fff8e1;"));
    col->addWidget(m_findings);
    m_changes = new QListWidget(this);
    m_changes->setObjectName(QStringLiteral("changes"));
    m_changes->setMaximumHeight(84);
    m_changes->setStyleSheet(QStringLiteral("color:#0b5394; background:#e8f0fe;"));
    col->addWidget(m_changes);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_cards = new QTreeWidget(split);
    m_cards->setObjectName(QStringLiteral("cards"));
    m_cards->setHeaderLabels({tr("卡片 / 要求（勾选 = 退回此项）"), tr("内容"), tr("时间")});
    // Long step texts wrap in the first column instead of pushing 内容 and 时间 off screen.
    m_cards->setWordWrap(true);
    m_cards->setUniformRowHeights(false);
    m_cards->header()->setStretchLastSection(false);
    m_cards->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cards->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_cards->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_cards->setColumnWidth(1, 220);
    auto *side = new QWidget(split);
    auto *sideCol = new QVBoxLayout(side);
    sideCol->setContentsMargins(0, 0, 0, 0);
    sideCol->addWidget(new QLabel(tr("照片、签名与视频（点击看原图）"), side));
    m_photos = new QListWidget(side);
    m_photos->setObjectName(QStringLiteral("photos"));
    m_photos->setViewMode(QListView::IconMode);
    m_photos->setIconSize(QSize(200, 150));
    m_photos->setGridSize(QSize(220, 200));
    m_photos->setResizeMode(QListView::Adjust);
    m_photos->setMovement(QListView::Static);
    m_photos->setWordWrap(true);
    sideCol->addWidget(m_photos, 1);
    // Seals and history share one tabbed box, so the photos keep the room at 1280×800.
    auto *tabs = new QTabWidget(side);
    tabs->setObjectName(QStringLiteral("sideTabs"));
    tabs->setMaximumHeight(200);
    m_seals = new QTableWidget(0, 2, tabs);
    m_seals->setObjectName(QStringLiteral("seals"));
    m_seals->setHorizontalHeaderLabels({tr("位置"), tr("封印号")});
    m_seals->horizontalHeader()->setStretchLastSection(true);
    m_seals->verticalHeader()->hide();
    m_seals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history = new QListWidget(tabs);
    m_history->setObjectName(QStringLiteral("history"));
    tabs->addTab(m_history, tr("历史"));
    tabs->addTab(m_seals, tr("封印"));
    sideCol->addWidget(tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    col->addWidget(split, 1);

    auto *bar = new QHBoxLayout;
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->addItems({tr("照片不清晰"), tr("读数与照片不符"), tr("缺少照片"), tr("封印号不清"),
                        tr("签名缺失"), tr("其他")});
    m_reasonText = new QLineEdit(this);
    m_reasonText->setObjectName(QStringLiteral("reasonText"));
    m_reasonText->setPlaceholderText(tr("补充说明（选“其他”时必填）"));
    m_approve = new QPushButton(tr("通过 (Ctrl+Enter)"), this);
    m_approve->setObjectName(QStringLiteral("approve"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_sendBack = new QPushButton(tr("退回所选项 (Ctrl+B)"), this);
    m_sendBack->setObjectName(QStringLiteral("sendBack"));
    m_sendBack->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    auto *next = new QPushButton(tr("下一个 (Ctrl+N)"), this);
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    bar->addWidget(new QLabel(tr("退回原因"), this));
    bar->addWidget(m_reason);
    bar->addWidget(m_reasonText, 1);
    bar->addWidget(m_sendBack);
    bar->addWidget(m_approve);
    bar->addWidget(next);
    col->addLayout(bar);

    connect(m_approve, &QPushButton::clicked, this, &ReviewJobPage::approve);
    connect(m_sendBack, &QPushButton::clicked, this, &ReviewJobPage::sendBack);
    connect(next, &QPushButton::clicked, this, &ReviewJobPage::nextRequested);
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this, [this] { approve(); });
    connect(m_photos, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString sha = item->data(kShaRole).toString();
        if (item->data(kKindRole).toString() == QLatin1String("video")) {
            auto *viewer = new VideoViewer(m_desk, sha, item->text(), this);
            viewer->setAttribute(Qt::WA_DeleteOnClose);
            viewer->open();
            return;
        }
        auto *viewer = new PhotoViewer(m_desk, sha, item->text(), this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->open();
    });
    connect(m_photos, &QListWidget::itemClicked, m_photos, &QListWidget::itemActivated);
}

QString ReviewJobPage::status() const
{
    return m_status->text();
}

void ReviewJobPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
}

void ReviewJobPage::open(const QString &jobUuid)
{
    m_job = jobUuid;
    const QString key = QStringLiteral("job/") + jobUuid;
    if (auto kept = m_desk.cached(key))
        showAnswer(kept->body);
    else
        showAnswer({});
    m_loading = true;
    setStatus(tr("正在从办公室服务器读取工单…"));
    const int generation = ++m_generation;
    m_desk.fetch(key, QStringLiteral("office/jobs/") + jobUuid, {}, this,
                 [this, generation](const sync::OfficeDesk::Answer &a) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     if (!a.error || a.cached)
                         showAnswer(a.body);
                     if (!a.error)
                         setStatus({});
                     else if (a.cached)
                         setStatus(tr("显示的是 %1 取到的数据：%2")
                                       .arg(a.fetchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                                            a.error->message), true);
                     else
                         setStatus(tr("工单读不到：%1").arg(a.error->message), true);
                 });
}

void ReviewJobPage::showAnswer(const QJsonObject &job)
{
    m_answer = job;
    const QJsonObject customer = job.value(QStringLiteral("customer")).toObject();
    const QJsonObject task = job.value(QStringLiteral("task")).toObject();
    m_head->setText(job.isEmpty() ? tr("工单")
                                  : tr("%1 %2　%3　班组 %4　第 %5 次提交（%6）")
                                        .arg(str(job, "account_no"), str(customer, "name"),
                                             str(task, "name"), str(job, "crew"))
                                        .arg(job.value(QStringLiteral("submission")).toInt())
                                        .arg(when(str(job, "submitted_at"))));
    m_findings->clear();
    for (const QJsonValue &v : job.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        m_findings->addItem(tr("⚠ %1 %2：%3")
                                .arg(str(f, "card"), label(str(f, "card"), str(f, "requirement")),
                                     str(f, "message")));
    }
    m_findings->setVisible(m_findings->count() > 0);
    fillChanges(job);
    fillCards(job);
    fillPhotos(job);
    fillSide(job);
}

void ReviewJobPage::fillPhotos(const QJsonObject &job)
{
    m_photos->clear();
    m_thumbsLoaded = 0;
    const int generation = m_generation;
    for (const QJsonValue &v : job.value(QStringLiteral("evidence")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString kind = str(e, "kind"), sha = str(e, "sha256");
        if (sha.isEmpty() || e.value(QStringLiteral("superseded")).toBool())
            continue;
        auto *item = new QListWidgetItem(
            tr("%1 %2").arg(str(e, "card"), label(str(e, "card"), str(e, "requirement"))),
            m_photos);
        item->setData(kShaRole, sha);
        item->setData(kKindRole, kind);
        if (kind == QLatin1String("video")) {
            item->setText(item->text() + tr("\n▶ 视频"));
            continue;
        }
        QPixmap blank(200, 150);
        blank.fill(Qt::lightGray);
        item->setIcon(QIcon(blank));
        m_desk.fetchBytes(QStringLiteral("blobs/%1/thumb").arg(sha), this,
                          [this, item, generation](Result<QByteArray> bytes) {
                              if (generation != m_generation || m_photos->row(item) < 0)
                                  return; // another job is on screen now
                              QPixmap p;
                              if (bytes && p.loadFromData(bytes.value())) {
                                  item->setIcon(QIcon(p));
                                  ++m_thumbsLoaded;
                              } else {
                                  item->setToolTip(bytes ? tr("缩略图无法显示") : bytes.error().message);
                              }
                          });
    }
}

QString ReviewJobPage::reasonWords() const
{
    const QString extra = m_reasonText->text().trimmed();
    const bool other = m_reason->currentIndex() == m_reason->count() - 1;
    if (other)
        return extra;
    return extra.isEmpty() ? m_reason->currentText() : tr("%1：%2").arg(m_reason->currentText(), extra);
}

void ReviewJobPage::approve()
{
    if (m_job.isEmpty())
        return;
    auto queued = m_desk.decide(m_job, QStringLiteral("approve"), {},
                                tr("通过 %1").arg(str(m_answer, "account_no")));
    if (!queued)
        return setStatus(tr("审核决定没有保存：%1").arg(queued.error().message), true);
    setStatus(tr("已通过。"));
    emit decided(m_job);
}

void ReviewJobPage::sendBack()
{
    if (m_job.isEmpty())
        return;
    const QString reason = reasonWords();
    if (reason.isEmpty())
        return setStatus(tr("没有退回：选了“其他”，请在补充说明中写明原因。"), true);
    QJsonArray items;
    QStringList words;
    for (QTreeWidgetItemIterator it(m_cards); *it; ++it)
        if ((*it)->checkState(0) == Qt::Checked) {
            const QString card = (*it)->data(0, kCardRole).toString();
            const QString req = (*it)->data(0, kRequirementRole).toString();
            items.append(QJsonObject{{QStringLiteral("card"), card},
                                     {QStringLiteral("requirement"), req},
                                     {QStringLiteral("reason"), reason}});
            words << tr("%1 %2").arg(card, label(card, req));
        }
    if (items.isEmpty())
        return setStatus(tr("没有退回：请先勾选要班组重做的项目（卡片下的要求前的方框）。"), true);
    auto queued = m_desk.decide(m_job, QStringLiteral("send-back"), {{QStringLiteral("items"), items}},
                                tr("退回 %1：%2（%3）")
                                    .arg(str(m_answer, "account_no"), words.join(QStringLiteral("、")), reason));
    if (!queued)
        return setStatus(tr("审核决定没有保存：%1").arg(queued.error().message), true);
    setStatus(tr("已退回 %n 项。", nullptr, int(items.size())));
    emit decided(m_job);
}

} // namespace ms
