#pragma once
// Internal to core/catalog: reads one CARD object (forms/README.md) with field-precise problems.
#include "catalog/catalog.h"
#include "catalog/jsonfields.h"

#include <QJsonObject>

namespace ms::detail {

class CardReader
{
public:
    explicit CardReader(JsonFields &fields) : m_f(fields) {}
    Card read(const QJsonObject &obj);

    // The `when` expressions the workflow understands (forms/README.md): an optional "!" and
    // customer.mismatch | customer.prepaid | customer.postpaid | check.failed | check.passed |
    // choice.<choice id>. Returns an empty string when valid, else what is wrong.
    static QString conditionError(const QString &when);

private:
    void readEvidence(const QJsonObject &obj, const QString &field, Card &card);
    EvidenceRequirement readRequirement(const QJsonObject &obj, const QString &field);
    void readNumericLimits(const QJsonObject &obj, const QString &field, EvidenceRequirement &r);
    void readEdges(const QJsonObject &obj, Card &card);
    void checkDecision(const Card &card);

    JsonFields &m_f;
};

} // namespace ms::detail
