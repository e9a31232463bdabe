#include "models/joblistmodel.h"

#include "store/store.h"

namespace ms {

JobListModel::JobListModel(Store &store, QObject *parent) : QAbstractListModel(parent), m_store(store)
{
}

void JobListModel::setQuery(const JobQuery &query)
{
    beginResetModel();
    m_query = query;
    m_query.offset = 0;
    m_query.limit = kPage;
    auto items = m_store.jobs().list(m_query);
    auto total = m_store.jobs().count(m_query);
    m_items = items ? items.value() : QList<JobListItem>();
    m_total = items && total ? total.value() : 0;
    endResetModel();
    setError(!items ? items.error().message : !total ? total.error().message : QString());
}

void JobListModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged(m_error);
}

const JobListItem *JobListModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items[row] : nullptr;
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    const JobListItem *it = item(index.row());
    if (!it)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 %2").arg(it->customer.name, it->customer.accountNo);
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1 %2 %3").arg(it->customer.name, it->customer.accountNo,
                                              it->customer.address);
    case JobIdRole: return it->job.id;
    case StatusRole: return int(it->job.status);
    default: return {};
    }
}

bool JobListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_items.size() < m_total;
}

void JobListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid())
        return;
    JobQuery q = m_query;
    q.offset = int(m_items.size());
    q.limit = kPage;
    auto more = m_store.jobs().list(q);
    if (!more) {
        // Stop asking until the next query, and say why the rest is missing.
        m_total = int(m_items.size());
        setError(more.error().message);
        return;
    }
    if (more->isEmpty()) {
        m_total = int(m_items.size());
        return;
    }
    beginInsertRows({}, int(m_items.size()), int(m_items.size() + more->size()) - 1);
    m_items.append(more.value());
    endInsertRows();
}

void JobListModel::refreshJob(RowId jobId)
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].job.id != jobId)
            continue;
        if (auto job = m_store.jobs().byId(jobId))
            m_items[row].job = job.value();
        // A review pulled at a sync changes the job's state too (退回, 已审核通过).
        if (auto review = m_store.reviews().latestForJob(m_items[row].job.uuid)) {
            m_items[row].review.reset();
            if (review.value())
                m_items[row].review =
                    ReviewVerdict{review.value()->decision, review.value()->submission};
        }
        emit dataChanged(index(row), index(row));
        return;
    }
}

} // namespace ms
