#pragma once
// 录入: a reading, seal number, number or text typed on a big pad, checked against the card's
// rule (decimals, hard range, plausible range, pattern). A value outside the plausible range —
// a new meter whose start reading is not near zero — must be confirmed with a second tap. A new
// meter or seal not issued to the crew (issue 15) is flagged at once: the installer may go on
// only with a reason, which the office sees in review.
#include "appcontext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ms {

class JobSession;

class ValueEntryPage : public QWidget
{
    Q_OBJECT
public:
    ValueEntryPage(AppContext &ctx, JobSession &session, const QString &cardId,
                   const EvidenceRequirement &requirement, QWidget *parent = nullptr);

    QLineEdit *editor() const { return m_edit; }
    // Validates and saves; an implausible value needs a second call (the confirm tap).
    bool submit();
    bool awaitingConfirmation() const { return m_confirming; }
    QString message() const;
    // Shown once a number not issued to the crew was flagged: why the installer goes on.
    QLineEdit *reasonEditor() const { return m_reason; }

signals:
    void finished(bool saved);

private:
    JobSession &m_session;
    QString m_cardId;
    EvidenceRequirement m_req;
    QLineEdit *m_edit = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_ok = nullptr;
    bool m_confirming = false;
    QString m_confirmedValue;
};

} // namespace ms
