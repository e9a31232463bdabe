#pragma once
// The services every screen needs, built once in main.cpp (or a test) and passed by reference.
// No singletons: a screen gets exactly this, through its constructor.
#include "catalog/catalog.h"
#include "media/photopipeline.h"
#include "model/types.h"
#include "service/actor.h"
#include "service/devicesettings.h"

#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace ms {

class JobSession;
class Store;
class Workflow;
class LanguageSwitcher;

// What the meter-read page (app/tablet/meter) is opened with for a meter_reading requirement.
// The reading is saved through `session` (the open job or task), like any other capture.
struct MeterReadRequest
{
    JobSession *session = nullptr;
    QString cardId;
    EvidenceRequirement requirement;
    std::function<void()> done; // call when the page is finished (saved or cancelled)
};
using MeterReadFactory = std::function<QWidget *(const MeterReadRequest &, QWidget *parent)>;
// Role home screens for office roles (app/tablet/roles); empty = not offered.
using RoleHomeFactory = std::function<QWidget *(const User &, QWidget *parent)>;
// The end-of-day sync page (app/tablet/sync); empty = not offered.
using PageFactory = std::function<QWidget *(QWidget *parent)>;

// The setting keys and their reads and writes: core/service/devicesettings.h.

struct AppContext
{
    AppContext(Store &s, const Catalog &c, const Workflow &w, LanguageSwitcher &l)
        : store(s), catalog(c), workflow(w), language(l)
    {
    }

    Store &store;
    const Catalog &catalog;
    const Workflow &workflow;
    LanguageSwitcher &language;
    QString catalogRoot;          // where the catalog came from (":/forms" or a folder)
    QString catalogNotice;        // why a configured folder was not used (shown once)
    bool cameraEnabled = true;    // false: never touch Qt Multimedia's camera (tests)
    MeterReadFactory meterRead;   // empty until the meter page is wired in
    RoleHomeFactory roleHome;     // empty until the office screens are wired in
    PageFactory syncPage;         // empty until the sync page is wired in
    std::optional<User> user;     // who is signed in

    PhotoOptions photoOptions() const;
    QString userUuid() const { return user ? user->uuid : QString(); }
    QString userName() const { return user ? user->name : QString(); }
    // who acts in the job service, with the roles that bind whose signature they may give
    Actor actor() const { return {userUuid(), userName(), user ? user->roles : QStringList()}; }
};

} // namespace ms
