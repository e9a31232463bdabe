#pragma once
// What auto-detection found, remembered per port and per meter address so the next read of the
// same meter tries the right protocol first. Owned by the app (one per session), injected.
#include "meter/dlt645/common.h"

#include <QHash>
#include <QString>

#include <optional>

namespace ms::meter {

class ProtocolMemory
{
public:
    struct Entry
    {
        Protocol protocol = Protocol::Dlt645_2007;
        QString address;
    };

    void remember(const QString &port, Protocol protocol, const QString &address)
    {
        m_byPort.insert(port, Entry{protocol, address});
        if (!address.isEmpty())
            m_byAddress.insert(address, protocol);
    }
    std::optional<Entry> forPort(const QString &port) const
    {
        const auto it = m_byPort.constFind(port);
        return it == m_byPort.cend() ? std::nullopt : std::optional<Entry>(*it);
    }
    std::optional<Protocol> forAddress(const QString &address) const
    {
        const auto it = m_byAddress.constFind(address);
        return it == m_byAddress.cend() ? std::nullopt : std::optional<Protocol>(*it);
    }
    void forgetPort(const QString &port) { m_byPort.remove(port); }

private:
    QHash<QString, Entry> m_byPort;
    QHash<QString, Protocol> m_byAddress;
};

} // namespace ms::meter
