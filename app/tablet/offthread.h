#pragma once
// Runs a slow, self-contained computation (no widget, no database) on the global thread pool and
// hands its result back as a QFuture; watch it with a QFutureWatcher owned by the screen, so a
// screen that closes first simply never hears the result. Used for the PIN key derivation.
//
//   auto *watcher = new QFutureWatcher<pin::Verdict>(this);
//   connect(watcher, &QFutureWatcherBase::finished, this, [watcher] { use(watcher->result()); });
//   watcher->setFuture(runOffThread([pin, stored] { return pin::check(pin, stored); }));
#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>

namespace ms {

template <typename Fn> QFuture<std::invoke_result_t<Fn>> runOffThread(Fn fn)
{
    using T = std::invoke_result_t<Fn>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, fn = std::move(fn)]() mutable {
        promise->addResult(fn());
        promise->finish();
    });
    return future;
}

} // namespace ms
