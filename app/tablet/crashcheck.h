#pragma once
// The check after a crash (崩溃后自检). While the app runs, DIR/meterswap.running marks the data
// directory; a clean exit removes it. Found at start, the last run did not end cleanly, and the
// store's record chain and evidence chains are checked on a thread of their own, through a
// second connection, so the job list is usable at once; a problem is shown when it is through.
//
//   ms::CrashCheck check(store.dataDir());
//   connect(&check, &ms::CrashCheck::finished, &window, [&](const ms::StoreVerifyReport &r) {
//       if (const QString m = ms::CrashCheck::messageFor(r); !m.isEmpty()) window.showMessage(m);
//   });
//   if (check.previousRunCrashed()) check.start();
//   const int rc = app.exec();
//   check.markCleanExit();
#include "store/storeverifier.h"

#include <QObject>
#include <QString>

class QThread;

namespace ms {

class CrashCheck : public QObject
{
    Q_OBJECT
public:
    // Marks `dataDir` as in use, remembering whether the mark was there already.
    explicit CrashCheck(QString dataDir, QObject *parent = nullptr);
    ~CrashCheck() override; // waits for a check still running

    bool previousRunCrashed() const { return m_crashed; }
    void start();           // no-op while a check runs; finished() comes on this object's thread
    bool isRunning() const { return m_thread != nullptr; }
    void markCleanExit();   // the next start is a clean one

    static QString markerPath(const QString &dataDir);
    static StoreVerifyReport verify(const QString &dataDir); // the check itself (any thread)
    static QString messageFor(const StoreVerifyReport &report); // plain words; "" when all hold

Q_SIGNALS:
    void finished(const ms::StoreVerifyReport &report);

private:
    QString m_dataDir;
    bool m_crashed = false;
    QThread *m_thread = nullptr;
};

} // namespace ms
