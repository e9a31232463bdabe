#pragma once
// SQL shared by the stock store's files (sqliteofficestock*.cpp): what the jobs used, from the
// job projection, as stock_use rows (docs/decisions/0017-stock.md).
// stock_use rows of every job (filters "" ""), or of one job (" AND j.uuid = ?1" twice).
#define MS_STOCK_USE_IN_FORCE(e)                                                                   \
    "NOT EXISTS(SELECT 1 FROM office_evidence s WHERE s.supersedes = " e ".uuid AND "              \
    "s.supersedes <> '')"
#define MS_STOCK_USE_FILL(evidenceFilter, sealFilter)                                              \
    "INSERT OR REPLACE INTO stock_use(src, kind, number, crew, job_uuid, at) "                     \
    "SELECT e.uuid, CASE e.requirement WHEN 'new_meter_asset' THEN 'new_meter' ELSE "              \
    "'old_meter' END, e.value, j.crew, j.uuid, e.received_at FROM office_evidence e "              \
    "JOIN office_jobs j ON j.uuid = e.job_uuid WHERE e.requirement IN ('new_meter_asset', "        \
    "'old_meter_asset') AND e.value <> '' AND " MS_STOCK_USE_IN_FORCE(                             \
        "e") " AND "                                                                               \
             "(e.requirement = 'new_meter_asset' OR EXISTS(SELECT 1 FROM office_evidence n WHERE " \
             "n.job_uuid = j.uuid AND +n.requirement = 'new_meter_asset' AND n.value <> '' "       \
             "AND " MS_STOCK_USE_IN_FORCE("n") "))" evidenceFilter                                 \
                                               " UNION ALL SELECT u.uuid, 'seal', u.number, "      \
                                               "j.crew, j.uuid, '' FROM office_seals u JOIN "      \
                                               "office_jobs j ON j.uuid = u.job_uuid "             \
                                               "WHERE u.number <> ''" sealFilter
