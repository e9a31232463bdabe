// Cold start of the real `meterswap` process to a shown job list with 10,000 jobs in its store.
// Usage: bench_app_startup PATH/TO/meterswap. Goal ≤ 1 s. Prints JSON.
#include "store/demodata.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_app_startup PATH/TO/meterswap\n");
        return 2;
    }
    QTemporaryDir dir;
    {
        ms::StoreOptions so;
        so.dataDir = dir.path();
        auto store = ms::Store::open(so);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
            return 1;
        }
        auto gen = ms::generateJobs(*store.value(), 10000, 7, QStringLiteral("基准测试任务"));
        auto user = store.value()->users().add(QStringLiteral("基准"), {QStringLiteral("installer")},
                                               QStringLiteral("123456"));
        if (!gen || !user) {
            std::fprintf(stderr, "could not fill the store\n");
            return 1;
        }
    }
    QList<double> shown, wall;
    for (int i = 0; i < 5; ++i) {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(QString::fromLocal8Bit(argv[1]),
                {QStringLiteral("--data"), dir.path(), QStringLiteral("--user"), QStringLiteral("基准"),
                 QStringLiteral("--pin"), QStringLiteral("123456"), QStringLiteral("--exit-when-shown")});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            std::fprintf(stderr, "meterswap failed: %s\n", p.readAllStandardError().constData());
            return 1;
        }
        wall << t.nsecsElapsed() / 1e6;
        const QByteArray out = p.readAllStandardOutput();
        shown << QJsonDocument::fromJson(out.trimmed().split('\n').last()).object().value(QStringLiteral("shown_ms")).toDouble();
    }
    const double first = wall.first();
    std::sort(wall.begin(), wall.end());
    std::sort(shown.begin(), shown.end());
    std::printf("{\"bench\":\"cold_start_job_list\",\"jobs\":10000,\"first_run_wall_ms\":%.0f,"
                "\"median_wall_ms\":%.0f,\"median_in_process_ms\":%.0f,\"goal_ms\":1000}\n",
                first, wall[wall.size() / 2], shown[shown.size() / 2]);
    return 0;
}
