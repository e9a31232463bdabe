#pragma once
// One evidence requirement of a card, with its state (what is there, what is missing) and the
// big buttons that capture it: 拍照, 签名, 读表 / 手动输入, 输入, 是 / 否.
#include "catalog/catalog.h"
#include "workflow/workflow.h"

#include <QFrame>

namespace ms {

class EvidenceSlot : public QFrame
{
    Q_OBJECT
public:
    enum class Action { Photo, Video, Signature, MeterRead, Manual, Yes, No };
    Q_ENUM(Action)

    EvidenceSlot(const EvidenceRequirement &requirement, const RequirementState &state,
                 const QList<Evidence> &captured, bool meterReadAvailable,
                 QWidget *parent = nullptr);

    QString key() const { return m_key; }
    bool isDone() const { return m_done; }

signals:
    void actionRequested(const QString &key, ms::EvidenceSlot::Action action);

private:
    void addButton(class QLayout *row, const QString &text, Action action, bool primary);
    QString m_key;
    bool m_done = false;
};

} // namespace ms
