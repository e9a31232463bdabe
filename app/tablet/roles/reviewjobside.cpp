// ReviewJobPage's side panel (seals, history) and the list of what a resubmission changed;
// requirement labels from the catalog (split from reviewjobpage.cpp to keep files short).
#include "roles/reviewjobpage.h"

#include "catalog/catalog.h"
#include "roles/officejson.h"
#include "service/sealposition.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QListWidget>
#include <QTableWidget>

namespace ms {

using officejson::str;
using officejson::when;

namespace {
QString historyWords(const QString &kind)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("submitted"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "提交审核")},
        {QStringLiteral("resubmitted"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "重新提交")},
        {QStringLiteral("sent_back"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "退回")},
        {QStringLiteral("approved"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "审核通过")},
        {QStringLiteral("billing_confirmed"),
         QT_TRANSLATE_NOOP("ms::ReviewJobPage", "电费信息确认")},
        {QStringLiteral("billing_sent_back"),
         QT_TRANSLATE_NOOP("ms::ReviewJobPage", "电费审核退回")},
        {QStringLiteral("exported"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "已导出到营销系统")}};
    const char *w = words.value(kind);
    return w ? ReviewJobPage::tr(w) : kind;
}
} // namespace

QString ReviewJobPage::label(const QString &card, const QString &requirement) const
{
    if (m_catalog)
        if (const Card *c = m_catalog->card(card))
            if (const EvidenceRequirement *r = c->requirement(requirement);
                r && !r->label.isEmpty())
                return r->label;
    return requirement;
}

void ReviewJobPage::fillChanges(const QJsonObject &job)
{
    m_changes->clear();
    const QJsonArray changed = job.value(QStringLiteral("changed")).toArray();
    if (changed.isEmpty()) {
        m_changes->hide();
        return;
    }
    // One line per item, however many captures re-did it.
    QStringList seen;
    for (const QJsonValue &v : changed) {
        const QJsonObject c = v.toObject();
        const QString id = str(c, "card") + QLatin1Char('/') + str(c, "requirement");
        if (!seen.contains(id))
            seen << id;
    }
    m_changes->addItem(tr("本次重新提交，班组重做了 %n 项（旧的记录保留，在下方卡片中划线显示）：",
                          nullptr, int(seen.size())));
    for (const QString &id : std::as_const(seen)) {
        const QString card = id.section(QLatin1Char('/'), 0, 0);
        const QString req = id.section(QLatin1Char('/'), 1);
        auto *item = new QListWidgetItem(tr("↻ %1 %2").arg(card, label(card, req)), m_changes);
        item->setData(Qt::UserRole, id);
        item->setToolTip(req);
    }
    m_changes->show();
}

void ReviewJobPage::fillSide(const QJsonObject &job)
{
    const QJsonArray seals = job.value(QStringLiteral("seals")).toArray();
    m_seals->setRowCount(int(seals.size()));
    for (int i = 0; i < seals.size(); ++i) {
        m_seals->setItem(
            i, 0, new QTableWidgetItem(sealPositionName(str(seals.at(i).toObject(), "position"))));
        m_seals->setItem(i, 1, new QTableWidgetItem(str(seals.at(i).toObject(), "number")));
    }
    m_history->clear();
    for (const QJsonValue &v : job.value(QStringLiteral("history")).toArray()) {
        const QJsonObject h = v.toObject();
        QString line =
            tr("%1  %2  %3").arg(when(str(h, "at")), historyWords(str(h, "kind")), str(h, "by"));
        QStringList items;
        for (const QJsonValue &i : h.value(QStringLiteral("items")).toArray())
            items << tr("%1 %2：%3")
                         .arg(str(i.toObject(), "card"),
                              label(str(i.toObject(), "card"), str(i.toObject(), "requirement")),
                              str(i.toObject(), "reason"));
        if (!items.isEmpty())
            line += QStringLiteral("\n    ") + items.join(QStringLiteral("\n    "));
        if (!str(h, "reason").isEmpty())
            line += tr("（%1）").arg(str(h, "reason"));
        m_history->addItem(line);
    }
}

} // namespace ms
