#pragma once
// 31.1 内勤审核, one job (GET office/jobs/<uuid>): the automatic findings at the top; every card
// with its steps and evidence (readings marked 表口读取/手工录入/更正, superseded captures struck
// out, a resubmission's re-done items listed on top), a checkbox per card + requirement to send
// back; photo and signature thumbnails in a grid (GET blobs/<sha>/thumb, a click opens the full
// photo with zoom, a video plays in VideoViewer); seals and the job's history. 通过 (Ctrl+Enter)
// and 退回 (Ctrl+B) with a reason from the common list plus free text; the decision goes through
// OfficeDesk, so one made while the office is unreachable is kept and sent later. Ctrl+N: the next
// job of the queue.
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace ms {

class Catalog;

namespace sync {
class OfficeDesk;
}

class ReviewJobPage : public QWidget
{
    Q_OBJECT
public:
    // `catalog`: the cards' requirement labels (the office's keys shown when null or unknown).
    explicit ReviewJobPage(sync::OfficeDesk &desk, const Catalog *catalog = nullptr,
                           QWidget *parent = nullptr);

    void open(const QString &jobUuid);
    QString jobUuid() const { return m_job; }
    bool isLoading() const { return m_loading; }
    QString status() const;
    QTreeWidget *cards() const { return m_cards; }
    QListWidget *photos() const { return m_photos; }
    QListWidget *findings() const { return m_findings; }
    // A resubmitted job: what the crew re-did since the last send-back, one line per item.
    QListWidget *changes() const { return m_changes; }
    // The requirement's label on the card ("新表装好后照片"), else its key.
    QString label(const QString &card, const QString &requirement) const;
    QComboBox *reasons() const { return m_reason; }
    QLineEdit *reasonText() const { return m_reasonText; }
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *sendBackButton() const { return m_sendBack; }
    // Ticks the send-back box of card + requirement; false when the job has no such row.
    bool pickItem(const QString &card, const QString &requirement, bool picked = true);
    int thumbnailsLoaded() const { return m_thumbsLoaded; }

public slots:
    void approve();
    void sendBack();

signals:
    void decided(const QString &jobUuid); // queued (and being sent): the shell moves on
    void nextRequested();

private:
    void showAnswer(const QJsonObject &job);
    void fillCards(const QJsonObject &job);
    void fillPhotos(const QJsonObject &job);
    void fillSide(const QJsonObject &job);
    void fillChanges(const QJsonObject &job);
    QString reasonWords() const;
    void setStatus(const QString &text, bool error = false);

    sync::OfficeDesk &m_desk;
    const Catalog *m_catalog = nullptr;
    QString m_job;
    QJsonObject m_answer;
    bool m_loading = false;
    int m_generation = 0;
    int m_thumbsLoaded = 0;
    QLabel *m_head = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_findings = nullptr;
    QListWidget *m_changes = nullptr;
    QTreeWidget *m_cards = nullptr;
    QListWidget *m_photos = nullptr;
    QTableWidget *m_seals = nullptr;
    QListWidget *m_history = nullptr;
    QComboBox *m_reason = nullptr;
    QLineEdit *m_reasonText = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_sendBack = nullptr;
};

} // namespace ms
