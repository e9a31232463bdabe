#pragma once
// 角色首页: what a person sees first, by role. One section per role the user holds (a user may
// hold several): the role's work queues with counts from the store, and the role's cards by flow
// (e.g. office clerk: 5.1 purchase records, 7.1/7.2 mismatch register, 11.1, 31.1, 34.x).
// Under a queue, buttons for the appendix forms that queue works with (the forms its card fills,
// e.g. 5.1 → 附录 4; review queues whose card names none get the task lists they check); and
// 附录表单 at the top for all 31.
#include "catalog/catalog.h"

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;

namespace ms {

class Store;
class FormLibrary;

// One queue on a home screen ("待内勤审核 (31.1)", 12).
struct RoleQueue
{
    QString id;     // "office.review"
    QString label;  // translated
    QString cardId; // the card that works this queue ("31.1"), may be empty
    int count = 0;  // -1: the store could not be read (the button says so)
};

class RoleHomePage : public QWidget
{
    Q_OBJECT
public:
    // Without `forms` (null) no form buttons are shown.
    RoleHomePage(const Catalog &catalog, Store &store, const QStringList &roles,
                 const FormLibrary *forms = nullptr, QWidget *parent = nullptr);

    QStringList roles() const { return m_roles; }
    // The queues of a role, counted from the store now.
    QList<RoleQueue> queues(const QString &roleId) const;
    // Card list of a role's section (for tests and the shell).
    QListWidget *cardList(const QString &roleId) const;
    QPushButton *queueButton(const QString &queueId) const;
    // Appendix numbers a queue works with, and the button that opens one of them.
    QList<int> queueForms(const RoleQueue &queue) const;
    QPushButton *formButton(const QString &queueId, int number) const;

    // A queue counted by the office server (the workstation): shown instead of the local count
    // (`more`: the office holds more than it sent, shown as "N+").
    void setOfficeCount(const QString &queueId, int count, bool more);

public slots:
    void refresh(); // recount the queues

signals:
    void cardRequested(const QString &cardId);
    void queueRequested(const QString &queueId, const QString &cardId);
    void flowChartRequested();
    void formsRequested();
    void formRequested(int number);

private:
    QWidget *roleSection(const Role &role);

    const Catalog &m_catalog;
    Store &m_store;
    QStringList m_roles;
    QHash<QString, QListWidget *> m_cardLists;
    QHash<QString, QPushButton *> m_queueButtons;
    QHash<QString, RoleQueue> m_queueDefs;
    const FormLibrary *m_forms = nullptr;
    QHash<QString, QPushButton *> m_formButtons; // "queueId/number"
    QHash<QString, QPair<int, bool>> m_officeCounts; // queueId → (count, more)
};

} // namespace ms
