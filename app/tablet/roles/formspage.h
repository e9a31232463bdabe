#pragma once
// 附录表单: the 31 appendix forms by number and title, grouped by what one copy is for (one per
// customer's job, one per task, per crew and day, per stock movement, publicity material to print
// as it is), with a search box (number or words of the title). Tapping a form asks the host to
// open it; the host then asks what it is for (FormTargetPage) unless the form is static.
#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ms {

class FormLibrary;
struct FormSpec;

class FormsPage : public QWidget
{
    Q_OBJECT
public:
    // `library` may be null when the forms could not be read: `loadError` then says why.
    FormsPage(const FormLibrary *library, const QString &loadError, QWidget *parent = nullptr);

    // Group heading for a form scope ("job", "task", "crew_day", "stock", "static"), translated.
    static QString scopeTitle(const QString &scope);
    static QStringList scopeOrder();

    QLineEdit *searchBox() const { return m_search; }
    QPushButton *formButton(int number) const { return m_buttons.value(number); }
    QList<int> shownForms() const; // numbers whose buttons the filter leaves visible, in order

public slots:
    void setFilter(const QString &text);

signals:
    void formChosen(int number);

private:
    QLineEdit *m_search = nullptr;
    QLabel *m_empty = nullptr;
    QHash<int, QPushButton *> m_buttons;
    QHash<int, QString> m_haystack;          // number → searchable text
    QHash<QString, QWidget *> m_groups;      // scope → group box
    QHash<QString, QList<int>> m_groupForms; // scope → form numbers
};

} // namespace ms
