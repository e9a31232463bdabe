#include "meter/meterreadpage.h"

#include "meter/portpicker.h"
#include "style.h"
#include "uilog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ms {

namespace {
constexpr int kInfrared = 0;
constexpr int kRs485 = 1;

QPushButton *bigButton(const QString &text, QWidget *parent, int height = style::kTouch)
{
    auto *b = new QPushButton(text, parent);
    b->setMinimumHeight(height);
    b->setMinimumWidth(style::kTouch * 2);
    return b;
}
} // namespace

MeterReadPage::MeterReadPage(MeterReadPageConfig config, meter::ProtocolMemory &memory, QWidget *parent)
    : QWidget(parent), m_config(std::move(config)), m_memory(memory)
{
    buildUi();
}

MeterReadPage::~MeterReadPage()
{
    if (m_reader && m_reader->running())
        m_reader->cancel();
}

void MeterReadPage::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setSpacing(12);

    auto *title = new QLabel(m_config.title.isEmpty() ? tr("读表") : m_config.title, this);
    QFont big = title->font();
    big.setPixelSize(style::kBaseFont + 8);
    big.setBold(true);
    title->setFont(big);
    root->addWidget(title);
    if (!m_config.expectedAddress.isEmpty() || !m_config.expectedAssetNo.isEmpty()) {
        auto *job = new QLabel(tr("工单表计：资产编号 %1　通信地址 %2")
                                   .arg(m_config.expectedAssetNo.isEmpty() ? QStringLiteral("—") : m_config.expectedAssetNo,
                                        m_config.expectedAddress.isEmpty() ? QStringLiteral("—") : m_config.expectedAddress),
                               this);
        root->addWidget(job);
    }

    // Link: infrared / RS-485, port, baud.
    auto *linkRow = new QHBoxLayout;
    m_kind = new QButtonGroup(this);
    auto *ir = bigButton(tr("红外"), this);
    auto *rs = bigButton(tr("RS-485"), this);
    for (QPushButton *b : {ir, rs})
        b->setCheckable(true);
    m_kind->addButton(ir, kInfrared);
    m_kind->addButton(rs, kRs485);
    m_kind->setExclusive(true);
    (m_config.kind == meter::LinkKind::Rs485 ? rs : ir)->setChecked(true);
    linkRow->addWidget(ir);
    linkRow->addWidget(rs);
    m_ports = new PortPicker(this);
    if (!m_config.port.isEmpty())
        m_ports->setPortName(m_config.port);
    linkRow->addWidget(m_ports, 1);
    m_baud = new QComboBox(this);
    m_baud->setMinimumHeight(style::kTouch);
    for (int b : {1200, 2400, 4800, 9600})
        m_baud->addItem(tr("%1 bit/s").arg(b), b);
    m_baud->setCurrentIndex(m_baud->findData(m_config.kind == meter::LinkKind::Rs485 ? 2400 : 1200));
    linkRow->addWidget(m_baud);
    root->addLayout(linkRow);
    connect(m_kind, &QButtonGroup::idClicked, this, [this](int id) {
        m_baud->setCurrentIndex(m_baud->findData(id == kRs485 ? 2400 : 1200));
    });

    // One big Read button (and Cancel while reading).
    auto *actionRow = new QHBoxLayout;
    m_read = bigButton(tr("读表"), this, 96);
    QFont readFont = m_read->font();
    readFont.setPixelSize(style::kBaseFont + 12);
    readFont.setBold(true);
    m_read->setFont(readFont);
    m_cancel = bigButton(tr("取消"), this, 96);
    m_cancel->setVisible(false);
    actionRow->addWidget(m_read, 3);
    actionRow->addWidget(m_cancel, 1);
    root->addLayout(actionRow);
    connect(m_read, &QPushButton::clicked, this, &MeterReadPage::startRead);
    connect(m_cancel, &QPushButton::clicked, this, &MeterReadPage::cancelRead);

    m_progress = new QProgressBar(this);
    m_progress->setMinimumHeight(32);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    root->addWidget(m_progress);
    m_status = new QLabel(tr("把红外探头贴紧表计红外口（或接好 RS-485 线），然后点“读表”。"), this);
    m_status->setWordWrap(true);
    root->addWidget(m_status);

    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({tr("项目"), tr("数值"), tr("单位"), tr("状态")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(44);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    root->addWidget(m_table, 1);

    m_warningBox = new QVBoxLayout;
    root->addLayout(m_warningBox);

    // Nameplate barcode.
    auto *assetRow = new QHBoxLayout;
    auto *scan = bigButton(tr("扫描铭牌条码（导入照片）"), this);
    m_asset = new QLabel(tr("资产编号：未扫描"), this);
    m_asset->setWordWrap(true);
    assetRow->addWidget(scan);
    assetRow->addWidget(m_asset, 1);
    root->addLayout(assetRow);
    connect(scan, &QPushButton::clicked, this, &MeterReadPage::importPhoto);

    auto *bottom = new QHBoxLayout;
    auto *back = bigButton(tr("返回"), this);
    m_save = bigButton(tr("保存到工单"), this);
    m_save->setEnabled(false);
    bottom->addWidget(back);
    bottom->addStretch(1);
    bottom->addWidget(m_save);
    root->addLayout(bottom);
    connect(back, &QPushButton::clicked, this, [this] {
        cancelRead();
        emit closed();
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_reading)
            emit saveRequested(*m_reading, m_warnings, m_assetNo);
    });
}

meter::LinkSettings MeterReadPage::linkSettings() const
{
    const QString port = m_ports->portName();
    meter::LinkSettings s = m_kind->checkedId() == kRs485 ? meter::LinkSettings::rs485(port)
                                                           : meter::LinkSettings::infrared(port);
    s.baud = m_baud->currentData().toInt();
    s.replyTimeoutMs = m_config.replyTimeoutMs;
    s.retries = m_config.retries;
    return s;
}

void MeterReadPage::startRead()
{
    if (m_reader && m_reader->running())
        return;
    const meter::LinkSettings settings = linkSettings();
    if (settings.portName.isEmpty()) {
        setStatus(tr("请先选择串口：插上红外探头或 RS-485 转换器后点“刷新”，或直接输入设备路径。"), true);
        return;
    }
    m_reader.reset();
    m_link = std::make_unique<meter::SerialLink>(settings);
    m_reader = std::make_unique<meter::MeterReader>(m_link.get(), &m_memory);
    connect(m_reader.get(), &meter::MeterReader::progress, this, &MeterReadPage::onProgress);
    connect(m_reader.get(), &meter::MeterReader::itemFinished, this, &MeterReadPage::onItem);
    connect(m_reader.get(), &meter::MeterReader::finished, this, &MeterReadPage::onFinished);
    connect(m_reader.get(), &meter::MeterReader::detecting, this, [this](const QString &protocol) {
        setStatus(tr("正在识别电表规约（%1）…").arg(protocol));
    });
    m_reading.reset();
    m_warnings.clear();
    m_table->setRowCount(0);
    refreshWarnings();
    m_save->setEnabled(false);
    setRunning(true);
    m_reader->readSwapSet(std::nullopt, m_config.expectedAddress);
}

void MeterReadPage::cancelRead()
{
    if (m_reader && m_reader->running())
        m_reader->cancel();
}

void MeterReadPage::setRunning(bool running)
{
    m_read->setEnabled(!running);
    m_cancel->setVisible(running);
    m_ports->setEnabled(!running);
    m_baud->setEnabled(!running);
    if (running) {
        m_progress->setRange(0, 0); // busy until the item count is known
        setStatus(tr("正在读表…"));
    }
}

void MeterReadPage::onProgress(int done, int total, const QString &item)
{
    if (total <= 0)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(std::max(0, done - 1));
    if (!item.isEmpty())
        setStatus(tr("正在读取：%1（%2/%3）").arg(item).arg(done).arg(total));
}

void MeterReadPage::onItem(const meter::ItemReading &item)
{
    using Status = meter::ItemReading::Status;
    QString status;
    switch (item.status) {
    case Status::Ok: status = tr("✓"); break;
    case Status::NotPresent: status = tr("此表无此项"); break;
    case Status::Refused: status = tr("被拒绝"); break;
    case Status::Failed: status = tr("失败"); break;
    }
    auto addRow = [&](const QString &name, const QString &value, const QString &unit) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(value));
        m_table->setItem(row, 2, new QTableWidgetItem(unit));
        auto *s = new QTableWidgetItem(status);
        if (item.status != Status::Ok)
            s->setToolTip(item.message);
        if (item.status == Status::Refused || item.status == Status::Failed)
            s->setForeground(style::missingColor());
        m_table->setItem(row, 3, s);
    };
    if (item.values.isEmpty()) {
        addRow(item.name, QStringLiteral("—"), QString());
        return;
    }
    for (const meter::ReadValue &v : item.values)
        addRow(v.name.isEmpty() ? item.name : v.name, v.text, v.unit);
}

void MeterReadPage::onFinished(const meter::SwapSetReading &reading)
{
    setRunning(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(reading.failure == meter::LinkFailure::None ? 1 : 0);
    m_reading = reading;
    if (reading.failure == meter::LinkFailure::Cancelled) {
        setStatus(tr("已取消。可以重新读表。"));
    } else if (reading.failure != meter::LinkFailure::None) {
        setStatus(reading.message, true);
    } else {
        QStringList notes;
        for (const meter::ItemReading &i : reading.items) {
            if (i.status == meter::ItemReading::Status::Refused || i.status == meter::ItemReading::Status::Failed)
                notes << i.message;
        }
        const QString summary = tr("读表完成：%1，通信地址 %2，用时 %3 秒。")
                                    .arg(meter::protocolText(*reading.protocol), reading.address)
                                    .arg(reading.totalMs / 1000.0, 0, 'f', 1);
        setStatus(notes.isEmpty() ? summary : summary + QLatin1Char('\n') + notes.join(QLatin1Char('\n')),
                  !notes.isEmpty());
        m_config.port = reading.port;
    }
    const bool hasValues = reading.number(QStringLiteral("forward_active")).has_value()
                           || (reading.failure == meter::LinkFailure::None && !reading.address.isEmpty());
    m_save->setEnabled(hasValues);
    refreshWarnings();
    emit readFinished(reading);
}

void MeterReadPage::refreshWarnings()
{
    while (QLayoutItem *old = m_warningBox->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    m_warnings.clear();
    if (m_reading) {
        meter::CrossCheckInput input;
        input.meter = m_config.meter;
        input.expectedAddress = m_config.expectedAddress;
        input.lastBilled = m_config.lastBilled;
        m_warnings = meter::crossCheck(*m_reading, input);
        if (!m_assetNo.isEmpty() && !m_reading->address.isEmpty()) {
            const AssetCheck check = checkAssetAgainstAddress(m_assetNo, m_reading->address, m_config.assetRule);
            if (!check.matches)
                m_warnings.append({QStringLiteral("asset_mismatch"), check.message});
        }
    }
    if (!m_assetNo.isEmpty() && !m_config.expectedAssetNo.isEmpty() && m_assetNo != m_config.expectedAssetNo)
        m_warnings.append({QStringLiteral("asset_not_job"),
                           tr("扫描到的资产编号 %1 与工单上的 %2 不一致：请确认这块表是不是本户的表。")
                               .arg(m_assetNo, m_config.expectedAssetNo)});
    for (const meter::CrossCheckWarning &w : m_warnings) {
        auto *label = new QLabel(QStringLiteral("⚠ ") + w.message, this);
        label->setWordWrap(true);
        label->setObjectName(QStringLiteral("warning_") + w.code);
        label->setStyleSheet(QStringLiteral("background:#FFF3CD;color:#664D03;padding:8px;border-radius:6px;"));
        m_warningBox->addWidget(label);
    }
}

void MeterReadPage::scanImage(const QImage &image)
{
    const auto hits = scanBarcodes(image);
    if (!hits) {
        m_asset->setText(hits.error().message);
        return;
    }
    const auto asset = pickAssetNumber(*hits);
    if (!asset) {
        m_asset->setText(tr("识别到条码 %1，但它不像资产编号（至少 12 位数字）。请扫描铭牌上的资产编号条码。")
                             .arg(hits->first().text));
        return;
    }
    m_assetNo = asset->text;
    QString text = tr("资产编号：%1").arg(m_assetNo);
    if (m_reading && !m_reading->address.isEmpty()) {
        const AssetCheck check = checkAssetAgainstAddress(m_assetNo, m_reading->address, m_config.assetRule);
        text += check.matches ? tr("（与通信地址一致 ✓）") : tr("（与通信地址不一致）");
    }
    m_asset->setText(text);
    refreshWarnings();
}

void MeterReadPage::importPhoto()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("选择铭牌照片"), QString(),
                                                      tr("图片 (*.jpg *.jpeg *.png *.bmp)"));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        m_asset->setText(tr("无法打开图片 %1：%2").arg(path, reader.errorString()));
        return;
    }
    scanImage(image);
}

void MeterReadPage::showSaveResult(bool ok, const QString &message)
{
    if (ok) {
        setStatus(message.isEmpty() ? tr("已保存到工单。") : message);
        m_save->setEnabled(false);
    } else {
        qCWarning(lcUi) << "save failed:" << message;
        setStatus(tr("保存失败：%1 读数仍在本页，可以重试。").arg(message), true);
    }
}

void MeterReadPage::showProblem(const QString &message)
{
    qCWarning(lcUi) << message;
    setStatus(message, true);
}

void MeterReadPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#B00020;font-weight:bold;") : QString());
}

QString MeterReadPage::statusText() const
{
    return m_status->text();
}

QStringList MeterReadPage::warningTexts() const
{
    QStringList out;
    for (const meter::CrossCheckWarning &w : m_warnings)
        out << w.message;
    return out;
}

} // namespace ms
