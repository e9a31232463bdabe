#pragma once
// The ".postgresql" copies of the sync suites (MS_TEST_OFFICE_ENGINE=postgresql): every office
// the tests start keeps its data in a database of this test process's throwaway PostgreSQL
// cluster (tests/common/pgcluster.h) instead of SQLite in its data directory.
#include <QString>

namespace ms::test {

// Runs SQL on the office database of `dataDir` (either engine): "" or the error. For tests that
// alter what the office holds behind its back.
QString execOfficeSql(const QString &dataDir, const QString &sql);

} // namespace ms::test
