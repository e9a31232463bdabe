#include "roles/progresspage.h"

#include "sync/officedesk.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace ms {

namespace {
const QStringList &stateKeys()
{
    static const QStringList keys{QStringLiteral("open"), QStringLiteral("submitted"),
                                  QStringLiteral("resubmitted"), QStringLiteral("sent_back"),
                                  QStringLiteral("approved"), QStringLiteral("billing_confirmed"),
                                  QStringLiteral("exported")};
    return keys;
}

QString stateWords(const QString &key)
{
    if (key == QLatin1String("open"))
        return ProgressPage::tr("未提交");
    if (key == QLatin1String("submitted"))
        return ProgressPage::tr("待审核");
    if (key == QLatin1String("resubmitted"))
        return ProgressPage::tr("重新提交");
    if (key == QLatin1String("sent_back"))
        return ProgressPage::tr("已退回");
    if (key == QLatin1String("approved"))
        return ProgressPage::tr("审核通过");
    if (key == QLatin1String("billing_confirmed"))
        return ProgressPage::tr("电费已确认");
    if (key == QLatin1String("exported"))
        return ProgressPage::tr("已导出");
    return key;
}

QString percent(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? QStringLiteral("—")
                                         : QStringLiteral("%1%").arg(v.toDouble() * 100.0, 0, 'f', 1);
}

QString csvCell(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}
} // namespace

ProgressPage::ProgressPage(sync::OfficeDesk &desk, QWidget *parent) : QWidget(parent), m_desk(desk)
{
    setObjectName(QStringLiteral("ProgressPage"));
    auto *col = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("换表进度"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_view = new QComboBox(this);
    m_view->setObjectName(QStringLiteral("view"));
    m_view->addItems({tr("按台区"), tr("按班组和日期")});
    auto *refresh = new QPushButton(tr("刷新"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    auto *save = new QPushButton(tr("导出 CSV…"), this);
    save->setObjectName(QStringLiteral("export"));
    top->addWidget(title, 1);
    top->addWidget(m_view);
    top->addWidget(refresh);
    top->addWidget(save);
    col->addLayout(top);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    col->addWidget(m_status);
    auto *split = new QSplitter(Qt::Vertical, this);
    m_chart = new QChartView(split);
    m_chart->setObjectName(QStringLiteral("chart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    m_table = new QTableWidget(split);
    m_table->setObjectName(QStringLiteral("progressTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    col->addWidget(split, 1);

    connect(refresh, &QPushButton::clicked, this, &ProgressPage::reload);
    connect(m_view, &QComboBox::currentIndexChanged, this, [this] { showAnswer(m_answer); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("保存进度表"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                + tr("/换表进度-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)),
            tr("CSV 文件 (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(&m_desk, &sync::OfficeDesk::retryRequested, this, &ProgressPage::reload);
    reload();
}

QString ProgressPage::status() const
{
    return m_status->text();
}

void ProgressPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
}

void ProgressPage::reload()
{
    if (m_answer.isEmpty())
        if (auto kept = m_desk.cached(QStringLiteral("progress")))
            showAnswer(kept->body);
    m_loading = true;
    setStatus(tr("正在从办公室服务器 %1 读取进度…").arg(m_desk.serverName()));
    m_desk.fetch(QStringLiteral("progress"), QStringLiteral("office/progress"), {}, this,
                 [this](const sync::OfficeDesk::Answer &a) {
                     m_loading = false;
                     if (!a.error || a.cached)
                         showAnswer(a.body);
                     if (!a.error)
                         setStatus({});
                     else
                         setStatus(a.cached ? tr("显示的是 %1 取到的数据：%2")
                                                  .arg(a.fetchedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                                                       a.error->message)
                                            : a.error->message,
                                   true);
                 });
}

void ProgressPage::showAnswer(const QJsonObject &answer)
{
    m_answer = answer;
    const bool byCrew = m_view->currentIndex() == 1;
    const QJsonArray rows = answer.value(byCrew ? QStringLiteral("crews") : QStringLiteral("tasks")).toArray();
    QStringList headers;
    if (byCrew)
        headers << tr("日期") << tr("班组");
    headers << tr("台区/任务") << tr("工单数");
    for (const QString &k : stateKeys())
        headers << stateWords(k);
    headers << tr("审核通过率") << tr("一次通过率");
    if (!byCrew)
        headers << tr("主要退回原因");
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(rows.size()));

    auto *series = new QStackedBarSeries;
    QList<QBarSet *> sets;
    for (const QString &k : stateKeys())
        sets << new QBarSet(stateWords(k));
    QStringList categories;
    for (int r = 0; r < rows.size(); ++r) {
        const QJsonObject o = rows.at(r).toObject();
        const QJsonObject states = o.value(QStringLiteral("states")).toObject();
        QStringList cells;
        if (byCrew)
            cells << o.value(QStringLiteral("day")).toString() << o.value(QStringLiteral("crew")).toString();
        cells << o.value(QStringLiteral("task_name")).toString();
        cells << QString::number(o.value(QStringLiteral("jobs")).toInt());
        for (int s = 0; s < stateKeys().size(); ++s) {
            const int n = states.value(stateKeys().at(s)).toInt();
            cells << QString::number(n);
            *sets[s] << n;
        }
        cells << percent(o.value(QStringLiteral("pass_rate")))
              << percent(o.value(QStringLiteral("first_time_right")));
        if (!byCrew) {
            QStringList reasons;
            for (const QJsonValue &v : o.value(QStringLiteral("top_send_back_reasons")).toArray())
                reasons << tr("%1（%2）").arg(v.toObject().value(QStringLiteral("reason")).toString())
                               .arg(v.toObject().value(QStringLiteral("count")).toInt());
            cells << reasons.join(QStringLiteral("；"));
        }
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem;
            bool isNumber = false;
            const int n = cells.at(c).toInt(&isNumber);
            if (isNumber)
                item->setData(Qt::DisplayRole, n); // sorts as a number
            else
                item->setText(cells.at(c));
            m_table->setItem(r, c, item);
        }
        categories << (byCrew ? tr("%1 %2").arg(cells.at(0), cells.at(1)) : cells.at(0));
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();

    for (QBarSet *set : sets)
        series->append(set);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(byCrew ? tr("各班组每日工单状态") : tr("各台区工单状态"));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignRight);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

bool ProgressPage::exportTo(const QString &path)
{
    QString out;
    QStringList header;
    for (int c = 0; c < m_table->columnCount(); ++c)
        header << csvCell(m_table->horizontalHeaderItem(c)->text());
    out += header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_table->columnCount(); ++c)
            row << csvCell(m_table->item(r, c) ? m_table->item(r, c)->text() : QString());
        out += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QSaveFile f(path);
    const QByteArray bytes = QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        setStatus(tr("进度表没有写成 %1：%2。请换一个文件夹再导出。").arg(path, f.errorString()), true);
        return false;
    }
    setStatus(tr("进度表已导出到 %1。").arg(path));
    return true;
}

} // namespace ms
