// JobSession: values read over the concentrator's maintenance port (flows 36.x), one transaction.
#include "service/evidencerecords.h"
#include "service/jobsession.h"
#include "workflow/valuevalidator.h"

namespace ms {

Result<QList<Evidence>> JobSession::addPortValues(const QList<PortValue> &values,
                                                  const QJsonObject &meta)
{
    static const QList<EvidenceKind> kinds = {EvidenceKind::Number, EvidenceKind::Text,
                                              EvidenceKind::Barcode, EvidenceKind::Check,
                                              EvidenceKind::MeterReading};
    QList<NewEvidence> items;
    for (const PortValue &v : values) {
        auto req = requirementOf(v.cardId, v.requirement, kinds);
        if (!req)
            return req.error();
        const ValueCheck check = ValueValidator::check(**req, v.value);
        if (check.verdict == ValueCheck::Verdict::Invalid)
            return makeError(QStringLiteral("value.invalid"),
                             tr("%1：%2").arg((*req)->label, check.message));
        QJsonObject m = meta;
        m.insert(QStringLiteral("source"), QStringLiteral("concentrator_port"));
        if (check.verdict == ValueCheck::Verdict::Implausible)
            m.insert(QStringLiteral("confirmed_implausible"), true);
        items << EvidenceRecords::value(v.cardId, **req, check.normalized, m);
    }
    if (items.isEmpty())
        return QList<Evidence>{};
    return addEvidence(std::move(items));
}

} // namespace ms
