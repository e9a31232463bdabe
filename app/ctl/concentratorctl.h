#pragma once
// Shared by concentratorcommand.cpp and concentratorcheckcommand.cpp.
#include "meter/concentrator/concentratorclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

inline int concentratorFailed(const QString &message)
{
    std::fprintf(stderr, "meterswapctl concentrator: %s\n", qPrintable(message));
    return 1;
}

inline void printJson(const QJsonObject &json)
{
    std::fprintf(stdout, "%s\n", QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
}

// Runs one asynchronous client operation to its single callback.
template <typename T, typename Start> T await(Start start)
{
    T result{};
    QEventLoop loop;
    bool finished = false;
    start([&](const T &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

QJsonObject trafficJson(const meter::ConcentratorTraffic &traffic, bool withFrames);

// `concentrator check` after the archive was read: compare with the task's installed meters,
// write the missing ones when asked, read every point, print the report.
int concentratorCheck(meter::ConcentratorClient &client, const meter::ConcentratorArchive &archive,
                      const QString &dataDir, const QString &task, bool writeMissing,
                      bool passwordGiven);

} // namespace ms::ctl
