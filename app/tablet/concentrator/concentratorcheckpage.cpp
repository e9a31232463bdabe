#include "concentrator/concentratorcheckpage.h"

#include "meter/portpicker.h"
#include "service/concentratorcheck.h"
#include "service/concentratorresults.h"
#include "service/devicesettings.h"
#include "service/jobsession.h"
#include "style.h"
#include "uilog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace ms {

namespace gdw = gdw1376;

namespace {

QPushButton *bigButton(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setMinimumHeight(style::kTouch);
    b->setMinimumWidth(style::kTouch * 3);
    return b;
}

QString verdictText(meter::PointCheck::Verdict v)
{
    using V = meter::PointCheck::Verdict;
    switch (v) {
    case V::Ok: return ConcentratorCheckPage::tr("正常");
    case V::NotRead: return ConcentratorCheckPage::tr("未抄到");
    case V::NotInArchive: return ConcentratorCheckPage::tr("档案中没有");
    case V::BelowStart: return ConcentratorCheckPage::tr("示数小于起码");
    case V::Implausible: return ConcentratorCheckPage::tr("示数增长异常");
    }
    return {};
}

} // namespace

ConcentratorCheckPage::ConcentratorCheckPage(AppContext &ctx, JobSession &session, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(session)
{
    buildUi();
}

ConcentratorCheckPage::~ConcentratorCheckPage()
{
    if (m_link)
        m_link->cancelAll();
}

void ConcentratorCheckPage::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setSpacing(8);
    auto *title = new QLabel(tr("采集档案与抄读核查（维护口 · Q/GDW 1376.1）"), this);
    QFont big = title->font();
    big.setPixelSize(style::kBaseFont + 6);
    big.setBold(true);
    title->setFont(big);
    root->addWidget(title);

    auto *row = new QHBoxLayout;
    auto *form = new QFormLayout;
    m_ports = new PortPicker(this);
    form->addRow(tr("串口"), m_ports);
    m_baud = new QComboBox(this);
    for (int baud : {1200, 2400, 4800, 9600, 19200})
        m_baud->addItem(tr("%1 bit/s 8E1").arg(baud), baud);
    m_baud->setCurrentIndex(m_baud->findData(9600));
    m_baud->setMinimumHeight(style::kTouchMin);
    form->addRow(tr("波特率"), m_baud);
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("如 1101-1234（行政区划码-终端地址）"));
    m_address->setMinimumHeight(style::kTouchMin);
    form->addRow(tr("集中器地址"), m_address);
    row->addLayout(form, 2);
    auto *buttons = new QVBoxLayout;
    m_check = bigButton(tr("读取档案并逐户核查"), this);
    m_save = bigButton(tr("保存到各户 37.2 / 38.1"), this);
    m_save->setEnabled(false);
    buttons->addWidget(m_check);
    buttons->addWidget(m_save);
    row->addLayout(buttons, 1);
    root->addLayout(row);
    connect(m_check, &QPushButton::clicked, this, &ConcentratorCheckPage::runCheck);
    connect(m_save, &QPushButton::clicked, this, &ConcentratorCheckPage::save);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    root->addWidget(m_status);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    root->addWidget(m_summary);

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels({tr("户号"), tr("通信地址"), tr("测量点"),
                                        tr("集中器示数 kWh"), tr("起码 kWh"), tr("结论")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    root->addWidget(m_table, 3);

    auto *writeRow = new QHBoxLayout;
    m_writeNote = new QLabel(this);
    m_writeNote->setWordWrap(true);
    writeRow->addWidget(m_writeNote, 2);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("设置密码，32 位十六进制（不保存）"));
    m_password->setMinimumHeight(style::kTouchMin);
    writeRow->addWidget(m_password, 1);
    m_writeMissing = bigButton(tr("写入缺失档案"), this);
    m_writeMissing->setEnabled(false);
    writeRow->addWidget(m_writeMissing);
    root->addLayout(writeRow);
    connect(m_writeMissing, &QPushButton::clicked, this, &ConcentratorCheckPage::writeMissing);
    const bool allowed = m_session.task().concentratorArchiveWrite;
    m_password->setVisible(allowed);
    m_writeMissing->setVisible(allowed);
    m_writeNote->setText(
        allowed ? tr("主站已授权本任务在现场写入缺失的档案。")
                : tr("本任务未获主站授权在现场写入档案：请把下面的清单交主站建档下发。"));

    root->addWidget(new QLabel(tr("给主站的档案问题清单（报装联络单，附录3）："), this));
    m_masterList = new QPlainTextEdit(this);
    m_masterList->setReadOnly(true);
    m_masterList->setMaximumHeight(110);
    root->addWidget(m_masterList, 1);

    QList<Evidence> evidence;
    for (const char *card : {"36.4", "36.5"})
        evidence += m_session.evidence(QLatin1String(card));
    const ConcentratorSheet sheet = concentratorSheetOf(evidence);
    if (!sheet.area.isEmpty() && sheet.terminal)
        m_address->setText(QStringLiteral("%1-%2").arg(sheet.area).arg(sheet.terminal));
    auto meter = DeviceSettings(m_ctx.store).meter();
    if (meter && !meter->port.isEmpty())
        m_ports->setPortName(meter->port);
}

QString ConcentratorCheckPage::statusText() const
{
    return m_status->text();
}

QString ConcentratorCheckPage::summaryText() const
{
    return m_summary->text();
}

QString ConcentratorCheckPage::masterListText() const
{
    return m_masterList->toPlainText();
}

void ConcentratorCheckPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: %1;").arg(style::missingColor().name())
                                  : QString());
}

void ConcentratorCheckPage::runCheck()
{
    const auto address = gdw::Address::fromText(m_address->text().trimmed().toStdString());
    if (!address) {
        setStatus(tr("请填写集中器终端地址：行政区划码-终端地址（如 1101-1234）。"), true);
        return;
    }
    auto installed = installedMeters(m_ctx.store, m_session.task().id);
    if (!installed) {
        setStatus(installed.error().message, true);
        return;
    }
    m_installed = installed.value();
    meter::LinkSettings s = meter::ConcentratorClient::defaultSettings(m_ports->portName());
    s.baud = m_baud->currentData().toInt();
    s.replyTimeoutMs = m_timeoutMs;
    m_client.reset();
    m_link = std::make_unique<meter::SerialLink>(s);
    if (auto opened = m_link->open(); !opened) {
        setStatus(opened.error().message, true);
        return;
    }
    m_client = std::make_unique<meter::ConcentratorClient>(m_link.get(), *address);
    m_result.reset();
    m_requests = 0;
    m_check->setEnabled(false);
    m_save->setEnabled(false);
    setStatus(tr("正在读取集中器档案…"));
    m_client->readArchive([this](const meter::ConcentratorArchive &a) { onArchive(a); });
}

void ConcentratorCheckPage::onArchive(const meter::ConcentratorArchive &archive)
{
    m_archive = archive;
    m_requests += archive.traffic.requests;
    if (!archive.ok) {
        setStatus(archive.message, true);
        m_check->setEnabled(true);
        emit checkFinished(false);
        return;
    }
    m_diff = meter::compareArchive(archive.entries, m_installed);
    QList<int> points;
    for (const meter::InstalledMeter &m : m_installed)
        for (const auto &e : archive.entries)
            if (e.point && QString::fromStdString(e.commAddress) == m.commAddress
                && !points.contains(e.point))
                points << e.point;
    std::sort(points.begin(), points.end());
    setStatus(tr("档案 %1 条记录；正在逐户抄读 %n 个测量点…", nullptr, int(points.size()))
                  .arg(archive.entries.size()));
    m_client->readEnergy(points, [this](const meter::ConcentratorEnergy &e) { onEnergy(e); });
}

void ConcentratorCheckPage::onEnergy(const meter::ConcentratorEnergy &energy)
{
    m_requests += energy.traffic.requests;
    m_check->setEnabled(true);
    if (!energy.ok) {
        setStatus(energy.message, true);
        emit checkFinished(false);
        return;
    }
    m_result = meter::checkReadings(m_archive.entries, m_installed, energy.readings);
    setStatus(tr("核查完成（%1 次请求）。").arg(m_requests));
    showResult();
    m_save->setEnabled(true);
    m_writeMissing->setEnabled(!m_diff.missing.isEmpty());
    emit checkFinished(true);
}

void ConcentratorCheckPage::showResult()
{
    const meter::ReadCheck &r = *m_result;
    const int failures = int(r.failures().size());
    m_summary->setText(
        tr("本任务已装 %n 户，集中器抄到 %1 户，采集成功率 %2%。", nullptr, int(r.points.size()))
            .arg(r.readCount)
            .arg(QString::number(r.successRate * 100.0, 'f', 1))
        + tr("档案：缺失 %1，多余 %2，规约错误 %3，一址多点 %4。")
              .arg(m_diff.missing.size())
              .arg(m_diff.extra.size())
              .arg(m_diff.wrongProtocol.size())
              .arg(m_diff.duplicated.size())
        + tr("需现场处理（38.2）%n 户。", nullptr, failures));
    m_table->setRowCount(int(r.points.size()));
    for (int i = 0; i < r.points.size(); ++i) {
        const meter::PointCheck &p = r.points.at(i);
        const QString cells[6] = {
            p.accountNo,
            p.commAddress,
            p.point ? QString::number(p.point) : QStringLiteral("—"),
            p.reading ? QString::number(*p.reading, 'f', 2) : QStringLiteral("—"),
            p.startReading ? QString::number(*p.startReading, 'f', 2) : QStringLiteral("—"),
            verdictText(p.verdict)};
        for (int c = 0; c < 6; ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
        m_table->item(i, 5)->setForeground(p.ok() ? style::okColor() : style::missingColor());
    }
    const QStringList list = masterStationList(m_diff, r);
    m_masterList->setPlainText(list.isEmpty() ? tr("档案与现场一致，无需主站处理。")
                                              : list.join(QLatin1Char('\n')));
}

void ConcentratorCheckPage::writeMissing()
{
    if (!m_client || !m_result || m_diff.missing.isEmpty()
        || !m_session.task().concentratorArchiveWrite)
        return;
    const QString hex = m_password->text().trimmed();
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (hex.size() != 2 * int(gdw::PasswordBytes) || bytes.size() != int(gdw::PasswordBytes)) {
        setStatus(tr("写入档案需要设置密码：32 位十六进制（0–9、A–F），按运维下发的密码输入。"),
                  true);
        return;
    }
    std::array<std::uint8_t, gdw::PasswordBytes> pw{};
    std::copy(bytes.begin(), bytes.end(), pw.begin());
    m_client->setPassword(pw);
    QList<meter::InstalledMeter> missing;
    for (const meter::InstalledMeter &m : m_installed)
        for (const meter::ArchiveDifference &d : m_diff.missing)
            if (d.commAddress == m.commAddress)
                missing << m;
    const auto entries = meter::entriesForMissing(m_archive.entries, missing);
    m_writeMissing->setEnabled(false);
    m_check->setEnabled(false);
    setStatus(tr("正在写入缺失档案…"));
    m_client->writeArchive(entries, [this, entries](const meter::ConcentratorArchiveWrite &w) {
        m_check->setEnabled(true);
        if (!w.ok) {
            setStatus(w.message, true);
            m_writeMissing->setEnabled(true);
            return;
        }
        for (const auto &e : entries)
            m_written << QString::fromStdString(e.commAddress);
        // Read the archive again (the comparison is of what the concentrator holds), once this
        // callback has returned: runCheck() replaces the link that is calling it.
        QTimer::singleShot(0, this, &ConcentratorCheckPage::runCheck);
    });
}

void ConcentratorCheckPage::save()
{
    if (!m_result || !m_client)
        return;
    const QJsonObject meta{{QStringLiteral("logical_address"),
                            QString::fromStdString(m_client->address().logicalText())},
                           {QStringLiteral("success_rate"), m_result->successRate},
                           {QStringLiteral("requests"), m_requests},
                           {QStringLiteral("written"), QJsonArray::fromStringList(m_written)}};
    auto filed =
        recordConcentratorCheck(m_ctx.store, m_ctx.catalog, m_ctx.workflow, m_ctx.actor(),
                                m_session.task().id, m_archive.entries, m_diff, *m_result, meta);
    if (!filed) {
        setStatus(filed.error().message, true);
        return;
    }
    qCInfo(lcUi) << "concentrator check filed on" << filed->households << "households";
    if (!filed->problems.isEmpty()) {
        setStatus(tr("已保存 %n 户；以下未能保存：%1", nullptr, filed->households)
                      .arg(filed->problems.join(QStringLiteral("；"))),
                  true);
        return;
    }
    setStatus(tr("已保存 %n 户的 37.2 / 38.1 核查结果。", nullptr, filed->households));
    // The records were written by sessions of their own: show them here too.
    if (auto reloaded = m_session.reload(); !reloaded)
        qCWarning(lcUi) << "reload after the concentrator check:" << reloaded.error().message;
    emit finished(true);
}

} // namespace ms
