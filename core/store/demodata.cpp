#include "store/demodata.h"

#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QRandomGenerator>

namespace ms {

namespace {

const QLatin1String kDemoMarker("demo.loaded");

constexpr const char *kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                     "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
constexpr const char *kGiven[] = {"建国", "秀英", "桂兰", "志强", "淑珍", "玉兰", "海燕", "文华",
                                  "春梅", "德明", "丽华", "振华", "红霞", "国庆", "凤英", "立新",
                                  "晓东", "婷", "磊", "静", "勇", "军", "敏", "杰"};
constexpr const char *kModels[] = {"DDZY71-Z", "DDSY1588", "DDS1531", "DDZY666-Z"};

// 22-digit asset number whose last 12 digits are the communication address.
QString assetNo(quint64 serial, QString *comm)
{
    *comm = QStringLiteral("%1").arg(serial, 12, 10, QLatin1Char('0'));
    return QStringLiteral("1100000143") + *comm;
}

Customer makeCustomer(QRandomGenerator &rng, int i, const QString &street, bool withNewMeter)
{
    Customer c;
    const int unit = i / 8 + 1;
    const int floor = (i % 8) / 2 + 1;
    const int room = floor * 100 + (i % 2) + 1;
    c.accountNo = QStringLiteral("01%1").arg(3087650 + i * 7, 8, 10, QLatin1Char('0'));
    c.name = QString::fromUtf8(kSurnames[rng.bounded(int(std::size(kSurnames)))])
        + QString::fromUtf8(kGiven[rng.bounded(int(std::size(kGiven)))]);
    c.address = street + QStringLiteral("%1单元%2室").arg(unit).arg(room);
    c.phone = QStringLiteral("13%1").arg(rng.bounded(100000000, 999999999));
    c.meterBoxNo = QStringLiteral("%1-%2").arg(unit, 2, 10, QLatin1Char('0')).arg(i % 8 + 1, 2, 10,
                                                                                 QLatin1Char('0'));
    c.payment = (i % 3 == 0) ? PaymentType::Postpaid : PaymentType::Prepaid;
    c.oldMeter.assetNo = assetNo(210000100000ULL + quint64(i) * 13, &c.oldMeter.commAddress);
    c.oldMeter.model = QString::fromUtf8(kModels[i % 2]);
    c.oldMeter.protocol = (i % 4 == 3) ? QStringLiteral("dlt645-1997") : QStringLiteral("dlt645-2007");
    if (withNewMeter) {
        c.newMeter.assetNo = assetNo(260000200000ULL + quint64(i) * 17, &c.newMeter.commAddress);
        c.newMeter.model = QString::fromUtf8(kModels[2 + i % 2]);
        c.newMeter.protocol = QStringLiteral("dlt698.45");
    }
    c.lastBilledReading = double(rng.bounded(80000, 2400000)) / 100.0;
    return c;
}

} // namespace

Result<DemoLoad> loadDemoData(Store &store)
{
    DemoLoad load;
    const auto marker = store.settings().value(kDemoMarker);
    if (!marker)
        return marker.error();
    if (!marker.value().isEmpty()) {
        load.taskId = marker.value().toLongLong();
        return load;
    }
    Transaction tx(store.database());
    if (!tx.ok())
        return tx.error();

    // Demo users, one per role. Every demo PIN is 123456 (README). Its key is derived once here
    // (PBKDF2-HMAC-SHA256, 600,000 iterations, the salt "meterswap-demo-1") instead of eight times
    // at ~0.3 s each on every demo load; the demo's PIN is public anyway, so sharing the salt
    // hides nothing. test_demo checks that the key matches 123456.
    const pin::Hash demoPin{QStringLiteral("pbkdf2-sha256$600000"),
                            QByteArrayLiteral("meterswap-demo-1"),
                            QByteArray::fromHex("25e5b5e206d2196bbf4f53dc0580e016"
                                                "a6b2b9ad30109f142a2464c5e5aa2ee5")};
    const QList<std::pair<const char *, QStringList>> users{
        {"张伟", {QStringLiteral("installer")}},
        {"李强", {QStringLiteral("crew_leader"), QStringLiteral("installer")}},
        {"王芳", {QStringLiteral("office_clerk")}},
        {"赵敏", {QStringLiteral("supervisor")}},
        {"刘洋", {QStringLiteral("project_engineer")}},
        {"陈静", {QStringLiteral("community_manager")}},
        {"杨磊", {QStringLiteral("warehouse")}},
        {"黄丽", {QStringLiteral("billing")}},
    };
    for (const auto &[name, roles] : users) {
        auto u = store.users().add(QString::fromUtf8(name), roles, demoPin);
        if (!u)
            return u.error();
        ++load.users;
    }

    Task task;
    task.code = QStringLiteral("HB-2026-0317");
    task.name = QStringLiteral("朝阳区安贞里3号楼台区智能表更换");
    task.areaName = QStringLiteral("安贞里3号楼台区");
    task.areaCode = QStringLiteral("TQ11010503170");
    task.address = QStringLiteral("北京市朝阳区安贞里3号楼");
    task.crew = QStringLiteral("朝阳供电中心装表一班");
    task.leader = QStringLiteral("李强");
    task.plannedStart = QDate::currentDate();
    task.plannedEnd = QDate::currentDate().addDays(3);

    QRandomGenerator rng(20261105);
    QList<Customer> customers;
    for (int i = 0; i < 20; ++i)
        customers << makeCustomer(rng, i, QStringLiteral("北京市朝阳区安贞里3号楼"), i < 14);
    // Two old prepaid IC-card meters flagged 机电不符 in 7.2.
    customers[4].payment = PaymentType::Prepaid;
    customers[4].mismatchFlag = true;
    customers[4].oldMeter.model = QStringLiteral("DDSY23");
    customers[11].payment = PaymentType::Prepaid;
    customers[11].mismatchFlag = true;
    customers[11].oldMeter.model = QStringLiteral("DDSY23");

    auto imported = store.tasks().importTask(task, customers);
    if (!imported)
        return imported.error();
    load.taskId = imported->task.id;
    load.customers = int(customers.size());

    // Office purchase records (5.1) for every prepaid customer.
    QList<PurchaseRecord> purchases;
    for (const Customer &c : customers) {
        if (c.payment != PaymentType::Prepaid)
            continue;
        PurchaseRecord p;
        p.accountNo = c.accountNo;
        p.cumulativeKwh = c.lastBilledReading.value_or(0) + double(rng.bounded(50, 400));
        p.lastPurchaseDate = QDate::currentDate().addDays(-rng.bounded(5, 90));
        p.purchaseCount = rng.bounded(6, 60);
        purchases << p;
    }
    if (auto r = store.mismatch().importPurchases(purchases); !r)
        return r.error();
    if (auto r = store.settings().setValue(kDemoMarker, QString::number(load.taskId)); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    load.loaded = true;
    return load;
}

Result<RowId> generateJobs(Store &store, int jobs, quint32 seed, const QString &name)
{
    if (jobs <= 0)
        return storeutil::badInput(storeutil::Tr::tr("工单数量必须大于 0。"));
    QRandomGenerator rng(seed);
    Task task;
    task.code = QStringLiteral("GEN-%1-%2").arg(seed).arg(jobs);
    task.name = name.isEmpty() ? QStringLiteral("生成的换表任务（%1 户）").arg(jobs) : name;
    task.areaName = QStringLiteral("生成台区 %1").arg(seed);
    task.address = QStringLiteral("北京市海淀区");
    QList<Customer> customers;
    customers.reserve(jobs);
    for (int i = 0; i < jobs; ++i) {
        const QString street = QStringLiteral("北京市海淀区学院路%1号院%2号楼")
                                   .arg(i / 400 + 1)
                                   .arg((i / 40) % 10 + 1);
        Customer c = makeCustomer(rng, i % 40, street, true);
        c.accountNo = QStringLiteral("%1%2").arg(seed % 100, 2, 10, QLatin1Char('0'))
                          .arg(i, 8, 10, QLatin1Char('0'));
        c.meterBoxNo = QStringLiteral("%1-%2").arg(i / 40, 4, 10, QLatin1Char('0')).arg(i % 40 + 1);
        c.oldMeter.assetNo = assetNo(300000000000ULL + quint64(seed) * 1000000 + quint64(i),
                                     &c.oldMeter.commAddress);
        c.newMeter.assetNo = assetNo(400000000000ULL + quint64(seed) * 1000000 + quint64(i),
                                     &c.newMeter.commAddress);
        customers << c;
    }
    auto imported = store.tasks().importTask(task, customers);
    if (!imported)
        return imported.error();
    return imported->task.id;
}

} // namespace ms
