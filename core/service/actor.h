#pragma once
// Who acts through the job service: recorded on every step and evidence row (uuid; empty for
// meterswapctl's demo data) and burned into photo watermarks (name). `roles` are the catalog role
// ids of the signed-in person: a supervisor's or crew leader's signature is taken only under a
// sign-in holding that role (JobSession::addSignature). An actor without roles is a tool
// (meterswapctl, the demo seed), not a person, and is not bound by it.
#include <QString>
#include <QStringList>
#include <utility>

namespace ms {

struct Actor
{
    Actor() = default;
    Actor(QString uuid_, QString name_, QStringList roles_ = {})
        : uuid(std::move(uuid_)), name(std::move(name_)), roles(std::move(roles_))
    {
    }

    QString uuid;
    QString name;
    QStringList roles;
};

} // namespace ms
