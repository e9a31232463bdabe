#include "service/formentryservice.h"

#include "store/store.h"

namespace ms {

Result<FormEntries> FormEntryService::load(int form, const FormOwner &owner)
{
    return m_store.formEntries().load(form, owner);
}

Result<FormEntries> FormEntryService::save(int form, const FormOwner &owner,
                                           const QHash<QString, QString> &entries)
{
    return m_store.formEntries().save(form, owner, entries, m_actor.uuid);
}

} // namespace ms
