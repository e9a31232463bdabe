#pragma once
// Jobs for the list screen, read from the store one page at a time (fetchMore), so a task with
// 10,000 households opens as fast as one with 20.
#include "store/storetypes.h"

#include <QAbstractListModel>

namespace ms {

class Store;

class JobListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { JobIdRole = Qt::UserRole + 1, StatusRole, ItemRole };

    explicit JobListModel(Store &store, QObject *parent = nullptr);

    void setQuery(const JobQuery &query); // resets; loads the first page
    const JobQuery &query() const { return m_query; }
    int totalCount() const { return m_total; }
    // Why the last read failed ("" when it did not): a locked or damaged database is not an
    // empty list, and the page says so.
    QString error() const { return m_error; }
    const JobListItem *item(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void refreshJob(RowId jobId); // one row changed in the store

signals:
    void errorChanged(const QString &error);

private:
    void setError(const QString &error);

    Store &m_store;
    JobQuery m_query;
    QList<JobListItem> m_items;
    int m_total = 0;
    QString m_error;
    static constexpr int kPage = 60;
};

} // namespace ms
