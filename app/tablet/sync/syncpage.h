#pragma once
// 同步 page: what is waiting (records, photos, MB), a progress bar with speed and time left,
// start / pause / resume, the last successful sync, errors in plain words, and the records the
// office did not take (refused with its reason, or in conflict with the fields that differ),
// which stay on the tablet until they are confirmed. Self-contained:
// the shell constructs it with the store's sync view and a configured SyncClient.
#include "sync/syncclient.h"
#include "sync/synclocal.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace ms::ui {

class SyncPage : public QWidget
{
    Q_OBJECT
public:
    SyncPage(sync::SyncLocal &local, sync::SyncClient &client, QWidget *parent = nullptr);

    void refresh(); // re-reads what is waiting and the last sync (call when the outbox changes)

    // Plain words for a sync error code, as shown on the page (also for the shell's status bar).
    static QString plainWords(const Error &error);
    // One line of the not-taken list: what the record is, refused or conflict, and why.
    static QString verdictLine(const OutboxVerdict &verdict);

private:
    void setError(const QString &message); // empty: no banner
    void onProgress(const sync::SyncProgress &progress);
    void onFinished(const sync::SyncSummary &summary);
    void updateButtons();

    sync::SyncLocal &m_local;
    sync::SyncClient &m_client;
    QLabel *m_waiting = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_speed = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_rejectedTitle = nullptr;
    QListWidget *m_rejected = nullptr; // records the office did not take
    QProgressBar *m_bar = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
};

} // namespace ms::ui
