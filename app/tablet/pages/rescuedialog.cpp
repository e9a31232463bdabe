#include "rescuedialog.h"

#include "startup.h"
#include "uilog.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

RescueDialog::RescueDialog(const OpenNotice &notice, const RescueReport &report,
                           int evidenceFiles, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("数据库已损坏"));
    setMinimumWidth(720);
    // Read at arm's length, in sunlight: the same sizes as the app's pages.
    setStyleSheet(QStringLiteral("QLabel { font-size: 18px; } QPushButton { font-size: 20px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(16);
    auto *title = new QLabel(tr("本机的数据库文件已损坏，已被原样移到一旁保存。"), this);
    title->setStyleSheet(QStringLiteral("font-weight:bold; font-size:22px"));
    title->setWordWrap(true);
    layout->addWidget(title);

    auto addLine = [&](const QString &text, const QString &name) {
        auto *l = new QLabel(text, this);
        l->setObjectName(name);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(l);
    };
    addLine(tr("损坏的文件：%1（没有删除，技术支持可用它找回记录）").arg(notice.movedTo),
            QStringLiteral("movedTo"));
    addLine(tr("证据文件（照片、视频、签名）：%n 个都还在数据目录中，没有删除。", nullptr, evidenceFiles),
            QStringLiteral("evidenceFiles"));
    addLine(report.message, QStringLiteral("rescue"));

    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    m_restore = new QPushButton(tr("恢复这些记录"), this);
    m_restore->setObjectName(QStringLiteral("restore"));
    m_restore->setMinimumHeight(64);
    m_restore->setVisible(report.recovered);
    m_continue = new QPushButton(report.recovered ? tr("不恢复，用新的空数据库继续")
                                                  : tr("用新的空数据库继续"),
                                 this);
    m_continue->setObjectName(QStringLiteral("continue"));
    m_continue->setMinimumHeight(64);
    buttons->addWidget(m_restore, 1);
    buttons->addWidget(m_continue, 1);
    layout->addLayout(buttons);
    connect(m_restore, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_continue, &QPushButton::clicked, this, &QDialog::reject);
    if (report.recovered)
        m_restore->setDefault(true);
}

Result<void> RescueDialog::offer(Services &services, const StartupOptions &options)
{
    const OpenNotice notice = services.store->openNotice();
    if (!notice.movedAside)
        return {};
    const QString dataDir = services.store->dataDir();
    auto found = DatabaseRescue::inspect(notice.movedTo);
    RescueReport report = found ? found.value() : RescueReport{};
    if (!found)
        report.message = found.error().message;
    RescueDialog dialog(notice, report, DatabaseRescue::evidenceFilesOnDisk(dataDir));
    if (dialog.exec() != QDialog::Accepted || !report.recovered)
        return {};
    services.store.reset(); // the rescued copy goes in place of a closed database
    auto adopted = DatabaseRescue::adopt(dataDir, report);
    auto restarted = startServices(options);
    if (!restarted)
        return restarted.error();
    services = std::move(restarted).value();
    if (!adopted) {
        qCWarning(lcUi) << "rescue not adopted:" << adopted.error().message;
        QMessageBox::warning(nullptr, tr("未能恢复"), adopted.error().message);
    }
    return {};
}

} // namespace ms
