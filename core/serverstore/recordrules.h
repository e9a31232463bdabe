#pragma once
// The rules the office applies to a pushed record besides idempotency (docs/sync-protocol.md,
// "Who may write a record"): pure functions, so SqlOfficeStore and a future PostgreSQL store
// decide the same way.
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ms::server {

// A task or a customer: entities the office creates and hands out in the assignment feed.
// Several devices may edit one (each edit is checked against the others); every other record
// belongs to the device that first stored it.
bool isOfficeEntity(const QString &entity);

// The payload fields whose values differ between `a` and `b`, sorted: top-level keys, and
// inside nested objects "parent.child" (e.g. "old_meter.asset_no"). Keys in `ignore` (top
// level) are not compared.
QStringList differingFields(const QJsonObject &a, const QJsonObject &b,
                            const QStringList &ignore = {});

} // namespace ms::server
