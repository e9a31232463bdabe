#pragma once
// The heading row of a page under the shell's top bar: a large word-wrapped title on the left,
// a short summary (progress, counts) on the right, and room for a control between them (a
// toggle). The shell's top bar names where the person is; this row names what the page shows.
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace ms {

class PageHeader : public QWidget
{
    Q_OBJECT
public:
    explicit PageHeader(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setSummary(const QString &summary);
    QString title() const;
    QString summary() const;
    // Places `control` between the title and the summary (the header takes ownership).
    void addControl(QWidget *control);

private:
    QHBoxLayout *m_row = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace ms
