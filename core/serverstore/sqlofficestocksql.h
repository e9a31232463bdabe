#pragma once
// SQL shared by the stock store's files (sqlofficestock*.cpp): what the jobs used, from the
// job projection, as stock_use rows (docs/decisions/0017-stock.md). Both engines' dialect.
// stock_use rows of every job (filters "" ""), or of one job (" AND j.uuid = ?1" twice).
#define MS_STOCK_USE_IN_FORCE(e)                                                                   \
    "NOT EXISTS(SELECT 1 FROM office_evidence s WHERE s.supersedes = " e ".uuid AND "              \
    "s.supersedes <> '')"
#define MS_STOCK_USE_COLUMNS "stock_use(src, kind, number, crew, job_uuid, at) "
// ("n.requirement || ''": not by index, as SQLite's unary +, which PostgreSQL lacks for text.)
#define MS_STOCK_USE_SELECT(evidenceFilter, sealFilter)                                            \
    "SELECT e.uuid, CASE e.requirement WHEN 'new_meter_asset' THEN 'new_meter' ELSE "              \
    "'old_meter' END, e.value, j.crew, j.uuid, e.received_at FROM office_evidence e "              \
    "JOIN office_jobs j ON j.uuid = e.job_uuid WHERE e.requirement IN ('new_meter_asset', "        \
    "'old_meter_asset') AND e.value <> '' AND " MS_STOCK_USE_IN_FORCE(                             \
        "e") " AND (e.requirement = 'new_meter_asset' OR EXISTS(SELECT 1 FROM office_evidence n "  \
             "WHERE n.job_uuid = j.uuid AND n.requirement || '' = 'new_meter_asset' AND "          \
             "n.value <> '' AND " MS_STOCK_USE_IN_FORCE(                                           \
                 "n") "))" evidenceFilter " UNION ALL SELECT u.uuid, 'seal', u.number, j.crew, "   \
                      "j.uuid, '' FROM office_seals u JOIN "                                       \
                      "office_jobs j ON j.uuid = u.job_uuid WHERE u.number <> ''" sealFilter
// Both engines: the standard upsert (the SELECT's last WHERE keeps SQLite's parser from reading
// ON CONFLICT as a join's ON).
#define MS_STOCK_USE_FILL(evidenceFilter, sealFilter)                                              \
    "INSERT INTO " MS_STOCK_USE_COLUMNS MS_STOCK_USE_SELECT(                                       \
        evidenceFilter,                                                                            \
        sealFilter) " ON CONFLICT(src) DO UPDATE SET kind = excluded.kind, number = "              \
                    "excluded.number, "                                                            \
                    "crew = excluded.crew, job_uuid = excluded.job_uuid, at = excluded.at"
// Seals the crew put on a task's concentrator box (36.x: seal records of the task, not of a
// job): stock_use rows with no job, the task's crew (else the installer's name). `filter` as
// " AND u.uuid%1". Both engines.
// clang-format off
#define MS_STOCK_USE_TASK_SEALS(filter)                                                            \
    "INSERT INTO " MS_STOCK_USE_COLUMNS "SELECT u.uuid, 'seal', u.number, coalesce(nullif("       \
    "coalesce((SELECT json_extract(t.payload, '$.crew') FROM assignments t WHERE t.uuid = "       \
    "u.task_uuid), (SELECT json_extract(t.payload, '$.crew') FROM records t WHERE t.uuid = "      \
    "u.task_uuid)), ''), (SELECT s.user FROM records s WHERE s.uuid = u.uuid), ''), '', '' "      \
    "FROM office_seals u WHERE u.job_uuid = '' AND u.task_uuid <> '' AND u.number <> ''" filter  \
    " ON CONFLICT(src) DO UPDATE SET kind = excluded.kind, number = excluded.number, "           \
    "crew = excluded.crew, job_uuid = excluded.job_uuid, at = excluded.at"
// clang-format on
