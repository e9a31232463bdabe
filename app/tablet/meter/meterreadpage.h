#pragma once
// 读表页: infrared or RS-485, port, one big Read button, live progress, the result table,
// cross-check warnings, nameplate barcode check, and "save to job". Self-contained: everything
// comes in through the constructor, everything goes out through signals.
#include "media/barcode.h"
#include "meter/reader/crosscheck.h"
#include "meter/reader/meterreader.h"

#include <QWidget>

#include <memory>

class QButtonGroup;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace ms {

class PortPicker;

struct MeterReadPageConfig
{
    QString title;                  // e.g. "旧表止码"
    QString meter = QStringLiteral("old"); // "old" | "new"
    QString expectedAddress;        // job's meter communication address
    QString expectedAssetNo;        // job's meter asset number (资产编号)
    std::optional<double> lastBilled;
    QString port;                   // last used port
    meter::LinkKind kind = meter::LinkKind::Infrared;
    AssetAddressRule assetRule;
    int replyTimeoutMs = 1000;
    int retries = 2;
};

class MeterReadPage : public QWidget
{
    Q_OBJECT
public:
    MeterReadPage(MeterReadPageConfig config, meter::ProtocolMemory &memory, QWidget *parent = nullptr);
    ~MeterReadPage() override;

    // For tests and the camera page.
    PortPicker *portPicker() const { return m_ports; }
    QPushButton *readButton() const { return m_read; }
    QPushButton *saveButton() const { return m_save; }
    QComboBox *baudBox() const { return m_baud; }
    QTableWidget *table() const { return m_table; }
    QString statusText() const;
    QStringList warningTexts() const;
    const std::optional<meter::SwapSetReading> &reading() const { return m_reading; }
    QString scannedAssetNo() const { return m_assetNo; }

public slots:
    void startRead();
    void cancelRead();
    void scanImage(const QImage &image); // a camera frame or an imported nameplate photo
    void importPhoto();                  // file dialog, then scanImage
    // The shell reports how saving went; errors stay on the page, nothing is lost.
    void showSaveResult(bool ok, const QString &message);
    void showProblem(const QString &message); // on the status line, in the error style

signals:
    void readFinished(const ms::meter::SwapSetReading &reading);
    // "保存到工单": the values and the raw frames, with the warnings shown and the scanned asset.
    void saveRequested(const ms::meter::SwapSetReading &reading,
                       const QList<ms::meter::CrossCheckWarning> &warnings, const QString &assetNo);
    void closed();

private:
    void buildUi();
    void setRunning(bool running);
    void onProgress(int done, int total, const QString &item);
    void onItem(const meter::ItemReading &item);
    void onFinished(const meter::SwapSetReading &reading);
    void refreshWarnings();
    void setStatus(const QString &text, bool error = false);
    meter::LinkSettings linkSettings() const;

    MeterReadPageConfig m_config;
    meter::ProtocolMemory &m_memory;
    std::unique_ptr<meter::SerialLink> m_link;
    std::unique_ptr<meter::MeterReader> m_reader;
    std::optional<meter::SwapSetReading> m_reading;
    QList<meter::CrossCheckWarning> m_warnings;
    QString m_assetNo;
    QString m_assetMessage;

    QButtonGroup *m_kind = nullptr;
    PortPicker *m_ports = nullptr;
    QComboBox *m_baud = nullptr;
    QPushButton *m_read = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QVBoxLayout *m_warningBox = nullptr;
    QLabel *m_asset = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace ms
