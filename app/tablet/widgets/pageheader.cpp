#include "widgets/pageheader.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ms {

PageHeader::PageHeader(QWidget *parent) : QWidget(parent)
{
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(12);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_title->setWordWrap(true);
    m_row->addWidget(m_title, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("hint"));
    m_row->addWidget(m_summary);
}

void PageHeader::setTitle(const QString &title)
{
    m_title->setText(title);
}

void PageHeader::setSummary(const QString &summary)
{
    m_summary->setText(summary);
}

QString PageHeader::title() const
{
    return m_title->text();
}

QString PageHeader::summary() const
{
    return m_summary->text();
}

void PageHeader::addControl(QWidget *control)
{
    m_row->insertWidget(m_row->indexOf(m_summary), control);
}

} // namespace ms
