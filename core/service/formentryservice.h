#pragma once
// What a person types into an appendix form (the fields the catalog cannot fill), for the form and
// its job or task: the office-role form page saves through this class, so nothing in app/ writes
// the form_entries table. A save is one transaction (its row and its outbox row, by the user who
// typed it); saving the same fields again writes nothing.
//
//   ms::FormEntryService forms(store, {user.uuid, user.name});
//   auto saved = forms.save(8, FormOwner::job(job.uuid), typed); // FormEntries with the version
#include "model/result.h"
#include "service/actor.h"
#include "store/formentryrepository.h"

namespace ms {

class Store;

class FormEntryService
{
public:
    FormEntryService(Store &store, Actor actor)
        : m_store(store)
        , m_actor(std::move(actor))
    {}

    Result<FormEntries> load(int form, const FormOwner &owner);
    // Errors as FormEntryRepository::save; on any error nothing is written and the caller still
    // holds what was typed.
    Result<FormEntries> save(int form, const FormOwner &owner,
                             const QHash<QString, QString> &entries);

private:
    Store &m_store;
    Actor m_actor;
};

} // namespace ms
