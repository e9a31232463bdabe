#include "concentrator/concentratorpage.h"

#include "meter/portpicker.h"
#include "service/concentratorcheck.h"
#include "service/devicesettings.h"
#include "service/jobsession.h"
#include "style.h"
#include "uilog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ms {

namespace gdw = gdw1376;

namespace {

enum Row { RowMaster, RowBackup, RowApn, RowAddress, RowCount };

QPushButton *bigButton(const QString &text, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setMinimumHeight(style::kTouch);
    b->setMinimumWidth(style::kTouch * 3);
    return b;
}

QString endpointText(const gdw::Endpoint &e)
{
    return QString::fromStdString(e.text());
}

QString addressText(const gdw::LogicalAddress &a)
{
    return QString::fromStdString(gdw::Address{a.area, a.terminal}.displayText());
}

} // namespace

ConcentratorPage::ConcentratorPage(AppContext &ctx, JobSession &session, const QString &cardId,
                                   QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(session), m_cardId(cardId)
{
    buildUi();
    prefill();
    refreshTable();
}

ConcentratorPage::~ConcentratorPage()
{
    if (m_link)
        m_link->cancelAll();
}

void ConcentratorPage::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setSpacing(10);
    auto *title = new QLabel(tr("集中器参数（维护口 · Q/GDW 1376.1）"), this);
    QFont big = title->font();
    big.setPixelSize(style::kBaseFont + 6);
    big.setBold(true);
    title->setFont(big);
    root->addWidget(title);

    auto *cols = new QHBoxLayout;
    auto *portBox = new QGroupBox(tr("维护口"), this);
    auto *portForm = new QFormLayout(portBox);
    m_ports = new PortPicker(portBox);
    portForm->addRow(tr("串口"), m_ports);
    m_baud = new QComboBox(portBox);
    for (int baud : {1200, 2400, 4800, 9600, 19200})
        m_baud->addItem(tr("%1 bit/s 8E1").arg(baud), baud);
    m_baud->setCurrentIndex(m_baud->findData(9600));
    m_baud->setMinimumHeight(style::kTouchMin);
    portForm->addRow(tr("波特率"), m_baud);
    m_address = new QLineEdit(portBox);
    m_address->setPlaceholderText(tr("如 1101-1234（行政区划码-终端地址）"));
    m_address->setMinimumHeight(style::kTouchMin);
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    m_discover = new QPushButton(tr("查找地址"), portBox);
    m_discover->setMinimumHeight(style::kTouchMin);
    addressRow->addWidget(m_discover);
    connect(m_discover, &QPushButton::clicked, this, &ConcentratorPage::discoverAddress);
    portForm->addRow(tr("集中器当前地址"), addressRow);
    m_addressForms = new QLabel(portBox);
    portForm->addRow(QString(), m_addressForms);
    m_password = new QLineEdit(portBox);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("运维下发的设置密码，32 位十六进制（不保存）"));
    m_password->setMinimumHeight(style::kTouchMin);
    portForm->addRow(tr("设置密码"), m_password);
    cols->addWidget(portBox, 1);

    auto *sheetBox = new QGroupBox(tr("参数单（本台区，录入一次）"), this);
    auto *sheetForm = new QFormLayout(sheetBox);
    const auto edit = [&](const QString &placeholder) {
        auto *e = new QLineEdit(sheetBox);
        e->setPlaceholderText(placeholder);
        e->setMinimumHeight(style::kTouchMin);
        connect(e, &QLineEdit::textChanged, this, &ConcentratorPage::refreshTable);
        return e;
    };
    m_master = edit(tr("IP:端口，如 10.0.1.20:9001"));
    m_backup = edit(tr("IP:端口（参数单有时填写）"));
    m_apn = edit(tr("如 DLCJ.BJ"));
    m_sheetAddress = edit(tr("行政区划码-终端地址，如 1101-1234"));
    sheetForm->addRow(tr("主用主站"), m_master);
    sheetForm->addRow(tr("备用主站"), m_backup);
    sheetForm->addRow(tr("APN"), m_apn);
    sheetForm->addRow(tr("终端地址"), m_sheetAddress);
    cols->addWidget(sheetBox, 1);
    root->addLayout(cols);
    connect(m_address, &QLineEdit::textChanged, this, [this](const QString &text) {
        const auto a = gdw::Address::fromText(text.trimmed().toStdString());
        m_addressForms->setText(a ? tr("逻辑地址 %1").arg(QString::fromStdString(a->logicalText()))
                                  : QString());
    });

    auto *buttons = new QHBoxLayout;
    m_read = bigButton(tr("读取集中器"), this);
    m_set = bigButton(tr("设置不一致项并回读"), this);
    m_save = bigButton(tr("保存为证据"), this);
    m_set->setEnabled(false);
    m_save->setEnabled(false);
    buttons->addWidget(m_read);
    buttons->addWidget(m_set);
    buttons->addWidget(m_save);
    buttons->addStretch();
    root->addLayout(buttons);
    connect(m_read, &QPushButton::clicked, this, &ConcentratorPage::readConcentrator);
    connect(m_set, &QPushButton::clicked, this, &ConcentratorPage::setDiffering);
    connect(m_save, &QPushButton::clicked, this, &ConcentratorPage::save);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    root->addWidget(m_status);

    m_table = new QTableWidget(RowCount, 3, this);
    m_table->setHorizontalHeaderLabels({tr("参数单"), tr("集中器"), tr("核对")});
    m_table->setVerticalHeaderLabels({tr("主用主站"), tr("备用主站"), tr("APN"), tr("终端地址")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    root->addWidget(m_table, 1);

    auto *fallback = new QLabel(
        tr("维护口不通时，按本卡步骤用集中器面板按键设置，拍照记录（原流程不变）。"), this);
    fallback->setWordWrap(true);
    root->addWidget(fallback);
}

void ConcentratorPage::prefill()
{
    QList<Evidence> evidence;
    for (const char *card : {"36.1", "36.2", "36.3", "36.4", "36.5"})
        evidence += m_session.evidence(QLatin1String(card));
    const ConcentratorSheet sheet = concentratorSheetOf(evidence);
    if (!sheet.masterIp.isEmpty() && sheet.masterPort)
        m_master->setText(QStringLiteral("%1:%2").arg(sheet.masterIp).arg(sheet.masterPort));
    if (!sheet.backupIp.isEmpty() && sheet.masterPort)
        m_backup->setText(QStringLiteral("%1:%2").arg(sheet.backupIp).arg(sheet.masterPort));
    m_apn->setText(sheet.apn);
    if (!sheet.area.isEmpty() && sheet.terminal) {
        const QString a = QStringLiteral("%1-%2").arg(sheet.area).arg(sheet.terminal);
        m_sheetAddress->setText(a);
        m_address->setText(a);
    }
    auto meter = DeviceSettings(m_ctx.store).meter();
    if (meter && !meter->port.isEmpty())
        m_ports->setPortName(meter->port);
}

QString ConcentratorPage::statusText() const
{
    return m_status->text();
}

void ConcentratorPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: %1;").arg(style::missingColor().name())
                                  : QString());
}

void ConcentratorPage::setBusy(bool busy)
{
    m_read->setEnabled(!busy);
    m_discover->setEnabled(!busy);
    m_set->setEnabled(!busy && m_params.has_value());
    m_save->setEnabled(!busy && m_params.has_value() && m_params->ok);
    emit busyChanged(busy);
}

bool ConcentratorPage::openLink(bool needAddress)
{
    auto address = gdw::Address::fromText(m_address->text().trimmed().toStdString());
    if (!address && !needAddress)
        address = gdw::Address::broadcast(); // discovery re-addresses the client
    if (!address) {
        setStatus(tr("请填写集中器当前的终端地址：行政区划码-终端地址（如 1101-1234），或 8 "
                     "位逻辑地址（如 110104D2）。"),
                  true);
        return false;
    }
    meter::LinkSettings s = meter::ConcentratorClient::defaultSettings(m_ports->portName());
    s.baud = m_baud->currentData().toInt();
    s.replyTimeoutMs = m_timeoutMs;
    if (!m_link || m_link->settings().portName != s.portName || m_link->settings().baud != s.baud) {
        m_client.reset();
        m_link = std::make_unique<meter::SerialLink>(s);
        if (auto opened = m_link->open(); !opened) {
            setStatus(opened.error().message, true);
            m_link.reset();
            return false;
        }
        m_client = std::make_unique<meter::ConcentratorClient>(m_link.get(), *address);
    }
    m_client->setAddress(*address);
    std::array<std::uint8_t, gdw::PasswordBytes> pw{};
    const QString hex = m_password->text().trimmed();
    if (!hex.isEmpty()) {
        const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
        if (hex.size() != 2 * int(gdw::PasswordBytes) || bytes.size() != int(gdw::PasswordBytes)) {
            setStatus(tr("设置密码应为 32 位十六进制（0–9、A–F）。请按运维下发的密码重新输入。"),
                      true);
            return false;
        }
        std::copy(bytes.begin(), bytes.end(), pw.begin());
    }
    m_client->setPassword(pw);
    return true;
}

void ConcentratorPage::discoverAddress()
{
    const QString typed = m_address->text();
    if (!openLink(false))
        return;
    setBusy(true);
    setStatus(tr("正在用广播地址查找集中器…"));
    m_client->discover([this, typed](const meter::ConcentratorParameters &p) {
        m_traffic.frames += p.traffic.frames;
        if (p.ok) {
            m_address->setText(QString::fromStdString(m_client->address().displayText()));
            setStatus(tr("找到集中器：终端地址 %1（逻辑地址 %2）。")
                          .arg(QString::fromStdString(m_client->address().displayText()),
                               QString::fromStdString(m_client->address().logicalText())));
        } else {
            m_address->setText(typed);
            setStatus(p.message, true);
        }
        setBusy(false);
        emit operationFinished(p.ok);
    });
}

void ConcentratorPage::readConcentrator()
{
    if (!openLink())
        return;
    setBusy(true);
    setStatus(tr("正在读取集中器参数…"));
    m_client->readParameters([this](const meter::ConcentratorParameters &p) {
        m_traffic.frames += p.traffic.frames;
        showParameters(p);
        setBusy(false);
        emit operationFinished(p.ok);
    });
}

void ConcentratorPage::showParameters(const meter::ConcentratorParameters &p)
{
    m_params = p;
    if (!p.ok) {
        setStatus(p.message, true);
    } else {
        const gdw::LogicalAddress a = p.logical.value_or(
            gdw::LogicalAddress{m_client->address().area, m_client->address().terminal});
        const gdw::Address full{a.area, a.terminal};
        setStatus(tr("已读取：终端地址 %1（逻辑地址 %2）。核对下表，不一致的可设置。")
                      .arg(QString::fromStdString(full.displayText()),
                           QString::fromStdString(full.logicalText())));
    }
    refreshTable();
}

void ConcentratorPage::refreshTable()
{
    const auto set = [this](int row, int col, const QString &text) {
        auto *item = new QTableWidgetItem(text.isEmpty() ? QStringLiteral("—") : text);
        m_table->setItem(row, col, item);
        return item;
    };
    const QString sheet[RowCount] = {m_master->text().trimmed(), m_backup->text().trimmed(),
                                     m_apn->text().trimmed(), m_sheetAddress->text().trimmed()};
    QString device[RowCount];
    if (m_params && m_params->ok && m_params->master) {
        device[RowMaster] = endpointText(m_params->master->main);
        device[RowBackup] = endpointText(m_params->master->backup);
        device[RowApn] = QString::fromStdString(m_params->master->apn);
        if (m_params->logical)
            device[RowAddress] = addressText(*m_params->logical);
    }
    for (int row = 0; row < RowCount; ++row) {
        set(row, 0, sheet[row]);
        set(row, 1, device[row]);
        QString verdict;
        bool same = true;
        if (!device[row].isEmpty() && !sheet[row].isEmpty()) {
            same = sheet[row] == device[row];
            if (row == RowAddress) {
                const auto a = gdw::Address::fromText(sheet[row].toStdString());
                same = a && QString::fromStdString(a->displayText()) == device[row];
            }
            verdict = same ? tr("一致 ✓") : tr("不一致");
        }
        QTableWidgetItem *item = set(row, 2, verdict);
        if (!verdict.isEmpty())
            item->setForeground(same ? style::okColor() : style::missingColor());
    }
}

std::optional<meter::ConcentratorParameterSet> ConcentratorPage::differences(QString *problem) const
{
    meter::ConcentratorParameterSet set;
    if (!m_params || !m_params->ok || !m_params->master) {
        *problem = tr("请先读取集中器。");
        return std::nullopt;
    }
    gdw::MasterStation m = *m_params->master;
    for (const auto &[edit, target] :
         {std::pair{m_master, &m.main}, std::pair{m_backup, &m.backup}}) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            continue;
        const auto e = gdw::Endpoint::fromText(text.toStdString());
        if (!e) {
            *problem = tr("“%1”不是 IP:端口（如 10.0.1.20:9001）。请按参数单改正。").arg(text);
            return std::nullopt;
        }
        *target = *e;
    }
    if (!m_apn->text().trimmed().isEmpty())
        m.apn = m_apn->text().trimmed().toStdString();
    if (m.apn.size() > gdw::ApnBytes) {
        *problem = tr("APN 最多 16 个字符。");
        return std::nullopt;
    }
    if (!(m == *m_params->master))
        set.master = m;
    const QString sheetAddress = m_sheetAddress->text().trimmed();
    if (!sheetAddress.isEmpty()) {
        const auto a = gdw::Address::fromText(sheetAddress.toStdString());
        if (!a) {
            *problem = tr("参数单的终端地址“%1”无效：应为 行政区划码-终端地址，如 1101-1234。")
                           .arg(sheetAddress);
            return std::nullopt;
        }
        const gdw::LogicalAddress wanted{a->area, a->terminal};
        if (!m_params->logical || !(*m_params->logical == wanted))
            set.logical = wanted;
    }
    return set;
}

void ConcentratorPage::setDiffering()
{
    QString problem;
    const auto set = differences(&problem);
    if (!set) {
        setStatus(problem, true);
        return;
    }
    if (!set->master && !set->logical) {
        setStatus(tr("集中器参数与参数单一致，无需设置。"));
        return;
    }
    if (!openLink())
        return;
    setBusy(true);
    setStatus(tr("正在设置并回读…"));
    m_client->setParameters(*set, [this](const meter::ConcentratorSetResult &r) {
        m_traffic.frames += r.traffic.frames;
        m_written = m_written || r.confirmed;
        if (r.readBack.ok) {
            showParameters(r.readBack);
            m_address->setText(QString::fromStdString(m_client->address().displayText()));
        }
        if (!r.ok)
            setStatus(r.message, true);
        else
            setStatus(tr("已设置并回读，与参数单一致。请保存为证据。"));
        setBusy(false);
        emit operationFinished(r.ok);
    });
}

void ConcentratorPage::save()
{
    if (!m_params || !m_params->ok || !m_params->master)
        return;
    QJsonArray frames;
    for (const meter::RawFrame &f : m_traffic.frames)
        frames.append(
            QJsonObject{{QStringLiteral("dir"), f.direction == meter::RawFrame::Direction::Tx
                                                    ? QStringLiteral("tx")
                                                    : QStringLiteral("rx")},
                        {QStringLiteral("at"), f.at.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("hex"), f.hex()}});
    const QJsonObject meta{{QStringLiteral("frames"), frames},
                           {QStringLiteral("written"), m_written},
                           {QStringLiteral("logical_address"),
                            QString::fromStdString(m_client->address().logicalText())}};
    auto saved = m_session.addPortValues(portValuesOf(*m_params->master, m_params->logical), meta);
    if (!saved) {
        setStatus(saved.error().message, true);
        return;
    }
    qCInfo(lcUi) << "concentrator values saved:" << saved->size();
    setStatus(tr("已保存 %n 项集中器参数（含报文）到 36.1–36.5。", nullptr, int(saved->size())));
    emit finished(true);
}

} // namespace ms
