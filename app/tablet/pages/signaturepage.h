#pragma once
// 签名: shows the signer what they confirm (customer, old/new meter numbers and readings), a big
// pad with 清除 and 撤销, and saves the PNG + stroke points bound to that text's SHA-256.
#include "appcontext.h"

#include <QWidget>

class QLabel;

namespace ms {

class JobSession;
class SignaturePad;

class SignaturePage : public QWidget
{
    Q_OBJECT
public:
    SignaturePage(AppContext &ctx, JobSession &session, const QString &cardId,
                  const EvidenceRequirement &requirement, QWidget *parent = nullptr);

    SignaturePad *pad() const { return m_pad; }
    QString summary() const { return m_summary; }
    bool confirm();

signals:
    void finished(bool saved);

private:
    JobSession &m_session;
    QString m_cardId;
    EvidenceRequirement m_req;
    QString m_summary;
    SignaturePad *m_pad = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ms
