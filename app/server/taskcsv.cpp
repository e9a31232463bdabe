#include "taskcsv.h"

#include "store/recordjson.h"
#include "sync/wire.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace ms::server {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::TaskCsv)
};

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

QUuid idNamespace() { return QUuid(QStringLiteral("{6d1f3c2e-5b7a-4c1e-9a43-0f1e2d3c4b5a}")); }
} // namespace

Result<TaskImport> readTaskCsv(const QString &filePath)
{
    const QString name = QFileInfo(filePath).fileName();
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("import.open_failed"),
                         Tr::tr("无法打开 %1：%2").arg(filePath, file.errorString()));
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QList<QStringList> rows = parseCsv(text);
    if (rows.size() < 2)
        return makeError(QStringLiteral("import.empty"),
                         Tr::tr("%1：没有数据行（第一行是列名，之后每行一个客户）").arg(name));
    QHash<QString, int> col;
    for (int i = 0; i < rows.first().size(); ++i)
        col.insert(rows.first().at(i).trimmed(), i);
    for (const char *required : {"task_code", "task_name", "account_no", "customer_name"})
        if (!col.contains(QLatin1String(required)))
            return makeError(QStringLiteral("import.missing_column"),
                             Tr::tr("%1:1: 缺少列 %2").arg(name, QLatin1String(required)));

    TaskImport out;
    Task task;
    QSet<QString> accounts;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        if (row.size() == 1 && row.first().trimmed().isEmpty())
            continue; // blank line
        const auto get = [&](const char *key) {
            const int i = col.value(QLatin1String(key), -1);
            return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString();
        };
        const QString where = QStringLiteral("%1:%2").arg(name).arg(r + 1);
        const QString code = get("task_code");
        if (code.isEmpty())
            return makeError(QStringLiteral("import.bad_row"), Tr::tr("%1: task_code: 任务编号为空").arg(where));
        if (task.code.isEmpty()) {
            task.code = code;
            task.uuid = QUuid::createUuidV5(idNamespace(), QStringLiteral("task:") + code)
                            .toString(QUuid::WithoutBraces);
            task.name = get("task_name");
            task.areaName = get("area_name");
            task.areaCode = get("area_code");
            task.address = get("task_address");
            task.crew = get("crew");
            task.leader = get("leader");
            task.plannedStart = QDate::fromString(get("planned_start"), Qt::ISODate);
            task.plannedEnd = QDate::fromString(get("planned_end"), Qt::ISODate);
            const QString write = get("concentrator_archive_write").toLower();
            task.concentratorArchiveWrite = write == QLatin1String("1")
                                            || write == QLatin1String("yes")
                                            || write == QLatin1String("true");
        } else if (code != task.code) {
            return makeError(QStringLiteral("import.bad_row"),
                             Tr::tr("%1: task_code: 一个文件只能有一个任务（前面是 %2，这里是 %3）")
                                 .arg(where, task.code, code));
        }
        Customer c;
        c.accountNo = get("account_no");
        if (c.accountNo.isEmpty())
            return makeError(QStringLiteral("import.bad_row"), Tr::tr("%1: account_no: 户号为空").arg(where));
        if (accounts.contains(c.accountNo))
            return makeError(QStringLiteral("import.bad_row"),
                             Tr::tr("%1: account_no: 户号 %2 重复").arg(where, c.accountNo));
        accounts.insert(c.accountNo);
        c.uuid = QUuid::createUuidV5(idNamespace(), QStringLiteral("customer:%1:%2").arg(code, c.accountNo))
                     .toString(QUuid::WithoutBraces);
        c.name = get("customer_name");
        c.address = get("address");
        c.phone = get("phone");
        c.meterBoxNo = get("meter_box_no");
        const QString payment = get("payment");
        if (!payment.isEmpty() && payment != QLatin1String("prepaid") && payment != QLatin1String("postpaid"))
            return makeError(QStringLiteral("import.bad_row"),
                             Tr::tr("%1: payment: “%2”应为 prepaid 或 postpaid").arg(where, payment));
        c.payment = payment == QLatin1String("prepaid") ? PaymentType::Prepaid : PaymentType::Postpaid;
        c.oldMeter = MeterInfo{get("old_asset_no"), get("old_comm_address"), get("old_model"),
                               get("old_protocol")};
        if (const QString reading = get("last_billed_reading"); !reading.isEmpty()) {
            bool ok = false;
            c.lastBilledReading = reading.toDouble(&ok);
            if (!ok)
                return makeError(QStringLiteral("import.bad_row"),
                                 Tr::tr("%1: last_billed_reading: “%2”不是数字").arg(where, reading));
        }
        const QString mismatch = get("mismatch");
        c.mismatchFlag = mismatch == QLatin1String("1") || mismatch == QLatin1String("true")
                         || mismatch == QStringLiteral("是");
        QStringList installers;
        for (const QString &who : get("installers").split(QLatin1Char(';'), Qt::SkipEmptyParts))
            if (const QString user = who.trimmed(); !user.isEmpty() && !installers.contains(user))
                installers << user;
        for (const QString &user : std::as_const(installers))
            if (!out.assignees.contains(user))
                out.assignees << user;
        QJsonObject payload = json::fromCustomer(c, task.uuid);
        payload.remove(QStringLiteral("version")); // the store assigns versions
        wire::Assignment customer{0, QStringLiteral("customer"), c.uuid, 1, payload};
        customer.assignees = installers; // this row's crew
        out.customers << customer;
    }
    // Blank lines only (found by tests/fuzz/fuzz_task_csv): no task code, no customer. Importing
    // that would hand every tablet a task with an empty uuid.
    if (out.customers.isEmpty())
        return makeError(QStringLiteral("import.empty"),
                         Tr::tr("%1：没有数据行（第一行是列名，之后每行一个客户）").arg(name));
    QJsonObject taskPayload = json::fromTask(task);
    taskPayload.remove(QStringLiteral("version"));
    out.task = wire::Assignment{0, QStringLiteral("task"), task.uuid, 1, taskPayload};
    return out;
}

} // namespace ms::server
