// JobSession: what the job shows people — readings, the signer's summary, a photo's watermark.
#include "service/jobsession.h"

namespace ms {

QString JobSession::latestReading(const QString &meter) const
{
    QString value;
    for (const Evidence &e : m_data.evidence) {
        if (e.kind != EvidenceKind::MeterReading)
            continue;
        const QString reg = e.meta.value(QStringLiteral("register")).toString();
        if (e.meta.value(QStringLiteral("meter")).toString() == meter &&
            (reg.isEmpty() || reg == QLatin1String("forward_total")))
            value = e.value; // rows come oldest first: keep the latest
    }
    return value;
}

QString JobSession::signatureSummary() const
{
    const auto dash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("—") : s; };
    const Task &t = m_data.task;
    const Customer &c = m_data.customer;
    QStringList lines;
    if (m_taskSession) {
        lines << tr("任务：%1    编号：%2").arg(t.name, dash(t.code));
        lines << tr("台区：%1    地址：%2").arg(dash(t.areaName), dash(t.address));
        return lines.join(QLatin1Char('\n'));
    }
    lines << tr("户名：%1    户号：%2").arg(c.name, c.accountNo);
    lines << tr("地址：%1").arg(c.address);
    lines << tr("旧表资产编号：%1    止码：%2 kWh")
                 .arg(dash(c.oldMeter.assetNo), dash(latestReading(QStringLiteral("old"))));
    lines << tr("新表资产编号：%1    起码：%2 kWh")
                 .arg(dash(c.newMeter.assetNo), dash(latestReading(QStringLiteral("new"))));
    return lines.join(QLatin1Char('\n'));
}

Watermark JobSession::watermark(const QString &cardId) const
{
    Watermark w;
    w.accountNo = m_taskSession ? m_data.task.areaCode : m_data.customer.accountNo;
    w.customerName = m_taskSession ? m_data.task.areaName : m_data.customer.name;
    w.jobLabel = m_taskSession ? m_data.task.name : m_data.customer.address;
    w.cardId = cardId;
    if (const Card *card = m_catalog.card(cardId))
        w.cardTitle = card->title;
    w.at = QDateTime::currentDateTime();
    w.installer = m_actor.name;
    return w;
}

} // namespace ms
