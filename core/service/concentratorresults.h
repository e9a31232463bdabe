#pragma once
// Files the result of a concentrator check (flows 37.1, 37.2, 38.1) on the cards, through the job
// service: per household (a job of the task) 37.2's archive address, measuring point, protocol
// and whether they match the site, and 38.1's remote_read_ok ("yes" only for a reading that passed
// the check, so every failure walks on to 38.2: its work list) with the reading; on the task,
// 37.1's archive count. Each job's records are one transaction (JobSession::addPortValues);
// every row carries `meta` (the concentrator's logical address and the frames' summary).
//
//   auto filed = ms::recordConcentratorCheck(store, catalog, workflow, actor, taskId,
//                                            archive.entries, diff, check, meta);
#include "meter/concentrator/archivecheck.h"
#include "model/result.h"
#include "model/types.h"
#include "service/actor.h"

namespace ms {

class Catalog;
class Store;
class Workflow;

struct ConcentratorCheckFiled
{
    int households = 0;   // jobs that got 37.2 / 38.1 records
    QStringList problems; // per household, why it could not be filed (an approved job, …)
};

Result<ConcentratorCheckFiled> recordConcentratorCheck(
    Store &store, const Catalog &catalog, const Workflow &workflow, const Actor &actor,
    RowId taskId, const std::vector<gdw1376::ArchiveEntry> &archive, const meter::ArchiveDiff &diff,
    const meter::ReadCheck &check, const QJsonObject &meta);

// 37.2's protocol text for a 1376.1 archive protocol number ("" when the card has none for it).
QString archiveProtocolLabel(int archiveProtocol);

// The list for the master station (and the 报装联络单, appendix 3): one line per difference,
// "户号 通信地址 测量点 问题", in Chinese as the office and the master station read it.
QStringList masterStationList(const meter::ArchiveDiff &diff, const meter::ReadCheck &check);

} // namespace ms
