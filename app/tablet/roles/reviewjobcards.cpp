// ReviewJobPage's card tree: cards, steps, evidence per requirement with its send-back tick
// (split from reviewjobpage.cpp to keep files short).
#include "roles/reviewjobpage.h"

#include "catalog/catalog.h"
#include "roles/officejson.h"

#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QSet>
#include <QTreeWidget>

#include <algorithm>

namespace ms {

using officejson::str;
using officejson::when;

namespace {
constexpr int kCardRole = Qt::UserRole + 1;
constexpr int kRequirementRole = Qt::UserRole + 2;

QString kindWords(const QString &kind)
{
    static const QHash<QString, const char *> words{
        {QStringLiteral("photo"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "照片")},
        {QStringLiteral("video"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "视频")},
        {QStringLiteral("signature"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "签名")},
        {QStringLiteral("check"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "已确认")},
        {QStringLiteral("barcode"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "条码")},
        {QStringLiteral("meter_reading"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "读数")},
        {QStringLiteral("seal"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "封印")},
        {QStringLiteral("text"), QT_TRANSLATE_NOOP("ms::ReviewJobPage", "文字")}};
    const char *w = words.value(kind);
    return w ? ReviewJobPage::tr(w) : kind;
}

QString sourceWords(const QString &source)
{
    if (source == QLatin1String("port"))
        return ReviewJobPage::tr("表口读取");
    if (source == QLatin1String("corrected"))
        return ReviewJobPage::tr("更正（手工替换了先前的读数）");
    if (source == QLatin1String("typed"))
        return ReviewJobPage::tr("手工录入");
    return source;
}

} // namespace

void ReviewJobPage::fillCards(const QJsonObject &job)
{
    m_cards->clear();
    QHash<QString, QString> source; // evidence uuid → reading source
    for (const QJsonValue &v : job.value(QStringLiteral("readings")).toArray())
        source.insert(str(v.toObject(), "uuid"), str(v.toObject(), "source"));
    QHash<QString, QTreeWidgetItem *> cardItems;
    for (const QJsonValue &v : job.value(QStringLiteral("cards")).toArray()) {
        const QJsonObject c = v.toObject();
        auto *item = new QTreeWidgetItem(m_cards, {tr("%1 %2").arg(str(c, "card"), str(c, "title")),
                                                   c.value(QStringLiteral("complete")).toBool()
                                                       ? tr("已完成")
                                                       : tr("未完成")});
        for (const QJsonValue &s : c.value(QStringLiteral("steps")).toArray()) {
            const QJsonObject st = s.toObject();
            auto *step = new QTreeWidgetItem(
                item, {(st.value(QStringLiteral("done")).toBool() ? QStringLiteral("✓ ")
                                                                  : QStringLiteral("○ "))
                       + str(st, "text")});
            step->setToolTip(0, str(st, "text"));
        }
        // What is still missing: the steps are listed above (○), so only the captures.
        QStringList stepTexts;
        for (const QJsonValue &s : c.value(QStringLiteral("steps")).toArray())
            stepTexts << str(s.toObject(), "text");
        for (const QJsonValue &m : c.value(QStringLiteral("missing")).toArray()) {
            const QString text = m.toString();
            const bool isStep =
                std::any_of(stepTexts.cbegin(), stepTexts.cend(),
                            [&](const QString &t) { return !t.isEmpty() && text.contains(t); });
            if (!isStep)
                (new QTreeWidgetItem(item, {tr("缺：%1").arg(text)}))->setToolTip(0, text);
        }
        cardItems.insert(str(c, "card"), item);
    }
    QSet<QString> redone; // evidence that replaced a capture the clerk sent back
    for (const QJsonValue &v : job.value(QStringLiteral("changed")).toArray())
        redone.insert(str(v.toObject(), "uuid"));
    QHash<QString, QTreeWidgetItem *> reqItems; // "card/requirement" → checkable row
    for (const QJsonValue &v : job.value(QStringLiteral("evidence")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString card = str(e, "card"), req = str(e, "requirement");
        QTreeWidgetItem *&cardItem = cardItems[card];
        if (!cardItem) {
            // A card off the job's path now (e.g. a branch changed): its title from the catalog.
            const Card *known = m_catalog ? m_catalog->card(card) : nullptr;
            cardItem =
                new QTreeWidgetItem(m_cards, {known ? tr("%1 %2").arg(card, known->title) : card});
        }
        QTreeWidgetItem *&reqItem = reqItems[card + QLatin1Char('/') + req];
        if (!reqItem) {
            reqItem = new QTreeWidgetItem(cardItem, {label(card, req)});
            reqItem->setToolTip(0, tr("%1（%2）").arg(label(card, req), req));
            reqItem->setFlags(reqItem->flags() | Qt::ItemIsUserCheckable);
            reqItem->setCheckState(0, Qt::Unchecked);
            reqItem->setData(0, kCardRole, card);
            reqItem->setData(0, kRequirementRole, req);
        }
        QString what = kindWords(str(e, "kind"));
        if (!str(e, "value").isEmpty())
            what = tr("%1 %2").arg(str(e, "value"), str(e, "unit")).trimmed();
        if (source.contains(str(e, "uuid")))
            what += tr("（%1）").arg(sourceWords(source.value(str(e, "uuid"))));
        const bool old = e.value(QStringLiteral("superseded")).toBool();
        if (old)
            what += tr("（已被重做替换）");
        else if (redone.contains(str(e, "uuid")))
            what = tr("↻ 重做：%1").arg(what);
        auto *row = new QTreeWidgetItem(reqItem, {QString(), what, when(str(e, "captured_at"))});
        if (old) {
            QFont f = row->font(1);
            f.setStrikeOut(true);
            row->setFont(1, f);
        } else {
            reqItem->setText(1, what);
            reqItem->setText(2, when(str(e, "captured_at")));
        }
    }
    m_cards->expandAll();
}

bool ReviewJobPage::pickItem(const QString &card, const QString &requirement, bool picked)
{
    for (QTreeWidgetItemIterator it(m_cards); *it; ++it)
        if ((*it)->data(0, kCardRole).toString() == card
            && (*it)->data(0, kRequirementRole).toString() == requirement) {
            (*it)->setCheckState(0, picked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    return false;
}

} // namespace ms
