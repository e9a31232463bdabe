#include "roles/formspage.h"

#include "report/formspec.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ms {

QStringList FormsPage::scopeOrder()
{
    return {QStringLiteral("job"), QStringLiteral("task"), QStringLiteral("crew_day"),
            QStringLiteral("stock"), QStringLiteral("static")};
}

QString FormsPage::scopeTitle(const QString &scope)
{
    if (scope == QLatin1String("job"))
        return tr("每户一份（按客户工单填写）");
    if (scope == QLatin1String("task"))
        return tr("每个换表任务一份（台区、小区）");
    if (scope == QLatin1String("crew_day"))
        return tr("每班每日一份（按换表任务）");
    if (scope == QLatin1String("stock"))
        return tr("设备材料出入库（按换表任务）");
    if (scope == QLatin1String("static"))
        return tr("宣传材料与文件（直接打印）");
    return tr("其他表单");
}

FormsPage::FormsPage(const FormLibrary *library, const QString &loadError, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("formsPage"));
    auto *outer = new QVBoxLayout(this);
    // Back is the shell's 返回 (OfficeHome::goBack), never a button of this page.
    auto *title = new QLabel(tr("附录表单"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    outer->addWidget(title);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("formSearch"));
    m_search->setPlaceholderText(tr("搜索：附录编号或名称中的字，例如 8 或 凭证"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &FormsPage::setFilter);
    outer->addWidget(m_search);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("notice"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    outer->addWidget(m_empty);
    if (!library) {
        m_empty->setText(tr("附录表单无法读取：%1\n请在设置中改回内置卡片目录，或更新目录文件夹。")
                             .arg(loadError));
        m_empty->show();
        m_search->setEnabled(false);
        outer->addStretch(1);
        return;
    }

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *col = new QVBoxLayout(content);
    col->setContentsMargins(0, 0, 8, 0);
    QStringList scopes = scopeOrder();
    for (const FormSpec &f : library->forms())
        if (!scopes.contains(f.scope))
            scopes << f.scope; // a scope added to the data later still shows
    for (const QString &scope : scopes) {
        auto *group = new QWidget(content);
        auto *groupLayout = new QVBoxLayout(group);
        groupLayout->setContentsMargins(0, 0, 0, 8);
        auto *heading = new QLabel(scopeTitle(scope), group);
        heading->setObjectName(QStringLiteral("sectionTitle"));
        groupLayout->addWidget(heading);
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(12);
        grid->setVerticalSpacing(10);
        int n = 0;
        for (const FormSpec &f : library->forms()) {
            if (f.scope != scope)
                continue;
            auto *b = new QPushButton(tr("附录 %1　%2").arg(f.number).arg(f.title), group);
            b->setObjectName(QStringLiteral("formButton"));
            b->setProperty("formNumber", f.number);
            b->setToolTip(f.note.isEmpty() ? f.title : f.note);
            b->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 16px; font-size: 20px;"
                                            " min-height: 56px;"));
            const int number = f.number;
            connect(b, &QPushButton::clicked, this, [this, number] { emit formChosen(number); });
            grid->addWidget(b, n / 2, n % 2);
            ++n;
            m_buttons.insert(f.number, b);
            m_groupForms[scope] << f.number;
            m_haystack.insert(f.number, f.title);
        }
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
        groupLayout->addLayout(grid);
        m_groups.insert(scope, group);
        col->addWidget(group);
        group->setVisible(n > 0);
    }
    col->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
}

void FormsPage::setFilter(const QString &text)
{
    // "8", "附录8", "附录 8" find appendix 8; anything else is looked for in the titles.
    const QString wanted = text.simplified();
    static const QRegularExpression numberOnly(QStringLiteral("^(?:附录)?\\s*(\\d{1,2})$"));
    const QRegularExpressionMatch m = numberOnly.match(wanted);
    int shown = 0;
    for (auto it = m_groupForms.cbegin(); it != m_groupForms.cend(); ++it) {
        int inGroup = 0;
        for (int number : it.value()) {
            const bool match = wanted.isEmpty()
                || (m.hasMatch() ? m.captured(1).toInt() == number
                                 : m_haystack.value(number).contains(wanted, Qt::CaseInsensitive));
            m_buttons.value(number)->setVisible(match);
            inGroup += match;
        }
        if (QWidget *g = m_groups.value(it.key()))
            g->setVisible(inGroup > 0);
        shown += inGroup;
    }
    m_empty->setText(tr("没有与“%1”相符的表单。请换个词，或清空搜索查看全部 %n 张附录。", nullptr, int(m_buttons.size())).arg(wanted));
    m_empty->setVisible(shown == 0 && !m_buttons.isEmpty());
}

QList<int> FormsPage::shownForms() const
{
    QList<int> out;
    for (const QString &scope : scopeOrder())
        for (int number : m_groupForms.value(scope))
            if (!m_buttons.value(number)->isHidden())
                out << number;
    for (auto it = m_groupForms.cbegin(); it != m_groupForms.cend(); ++it)
        if (!scopeOrder().contains(it.key()))
            for (int number : it.value())
                if (!m_buttons.value(number)->isHidden())
                    out << number;
    return out;
}

} // namespace ms
