#pragma once
// What a simulated concentrator (集中器) knows: its address, master station, password, meter
// archive (F10) and each meter's reading, loaded from JSON or generated, with differences planted
// on purpose for tests and the demo (docs/simulator.md "Concentrator").
//
//   {"address": "1101-1234", "master": "10.0.1.20:9001", "backup": "10.0.1.21:9001",
//    "apn": "DLCJ.BJ", "password": "00…" (32 hex, checked on a set when given),
//    "meters": [{"seq": 1, "point": 1, "comm_address": "000000000001",
//                "protocol": "dlt645-2007" | 30, "port": 31, "reading": 1234.5678,
//                "reachable": true}]}
#include "meter/gdw1376/dataunits.h"
#include "model/result.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <map>

namespace ms::meter {

struct ConcentratorState
{
    gdw1376::Address address = *gdw1376::Address::fromText("1101-1234");
    gdw1376::UplinkComm uplink{0, 0, 30, 3, 0, 5};
    gdw1376::MasterStation master;
    std::optional<std::array<std::uint8_t, gdw1376::PasswordBytes>> password; // set: PW checked
    std::map<int, gdw1376::ArchiveEntry> archive;                             // by 序号
    std::map<std::string, std::int64_t> readings; // comm address → 0.0001 kWh
    QSet<QString> unreachable;                    // comm addresses the concentrator cannot read

    static Result<ConcentratorState> load(const QString &path);
    static Result<ConcentratorState> fromJson(const QByteArray &json);
    // `meters` meters on points 1…n, comm addresses 000000000001…, DL/T 645-2007 over carrier,
    // readings 1000 + 1.2345 × i kWh.
    static ConcentratorState generated(int meters);

    // Planted differences (by comm address, 12 digits): drop the record (the check sees it
    // missing), add a record on a new 序号/point (extra), flip its protocol 30 ↔ 1, add a second
    // record with the same address on a new point, mark the meter unreachable.
    Result<void> omit(const QString &commAddress);
    void addExtra(const QString &commAddress);
    Result<void> flipProtocol(const QString &commAddress);
    Result<void> duplicate(const QString &commAddress);
    void setUnreachable(const QString &commAddress) { unreachable.insert(commAddress); }

    int nextSeq() const;
    int nextPoint() const;
};

} // namespace ms::meter
