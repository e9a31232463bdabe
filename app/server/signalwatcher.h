#pragma once
// Turns SIGTERM/SIGINT into a Qt signal (self-pipe + QSocketNotifier), so the server stops from
// its event loop: no request handler is ever interrupted half-way.
#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace ms::server {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminate();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace ms::server
