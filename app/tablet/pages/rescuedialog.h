#pragma once
// Shown at start when the database was found corrupt and moved aside: what happened, where the
// damaged file is, that every evidence file is still on disk, and what could be had back from it
// (DatabaseRescue). The person chooses to restore those records or to go on with the new, empty
// database; either way nothing is deleted.
#include "store/databaserescue.h"
#include "store/database.h"

#include <QDialog>

class QPushButton;

namespace ms {

struct Services;
struct StartupOptions;

class RescueDialog : public QDialog
{
    Q_OBJECT
public:
    RescueDialog(const OpenNotice &notice, const RescueReport &report, int evidenceFiles,
                 QWidget *parent = nullptr);

    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *continueButton() const { return m_continue; }

    // The whole start-up step: inspects the moved-aside file, asks, and when the person chooses
    // to restore, closes the store, puts the rescued copy in place and starts the services
    // again. Returns an error only when the services cannot be started again.
    static Result<void> offer(Services &services, const StartupOptions &options);

private:
    QPushButton *m_restore = nullptr;
    QPushButton *m_continue = nullptr;
};

} // namespace ms
