// libFuzzer target: both task CSV readers on any bytes: the tablet's customer CSV
// (core/store/csvimport.h, parseCustomerCsv and readCsv) and the office's task export
// (app/server/taskcsv.h, readTaskCsv, which reads a file: the bytes go to one in a tmpfs first).
// Invariants (trap when broken): a file the tablet accepts (no problems) yields customers that
// all have a 户号; every problem names a line inside the file; the office reader either refuses
// with a message or returns a task with a uuid and at least one customer, each with an account_no.
#include "store/csvimport.h"
#include "taskcsv.h"

#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <unistd.h>

using namespace ms;

namespace {
QString scratchFile()
{
    const QString dir =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    return dir + QStringLiteral("/fuzz_task_csv_%1.csv").arg(::getpid());
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const CustomerCsv csv = parseCustomerCsv(bytes);
    if (csv.problems.isEmpty())
        for (const Customer &c : csv.customers)
            if (c.accountNo.trimmed().isEmpty())
                __builtin_trap();
    const int lines = int(bytes.count('\n')) + 2;
    for (const CsvProblem &p : csv.problems)
        if (p.line < 0 || p.line > lines || p.message.isEmpty())
            __builtin_trap();
    (void)formatCsvProblems(QStringLiteral("fuzz.csv"), csv.problems);
    (void)readCsv(bytes);

    static const QString path = scratchFile();
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return 0;
    f.close();
    const auto office = server::readTaskCsv(path);
    if (office) {
        // an accepted file names its task and has at least one customer
        if (office->task.uuid.isEmpty() || office->customers.isEmpty())
            __builtin_trap();
        for (const wire::Assignment &a : office->customers)
            if (a.payload.value(QStringLiteral("account_no")).toString().trimmed().isEmpty())
                __builtin_trap();
    } else if (office.error().message.isEmpty()) {
        __builtin_trap();
    }
    return 0;
}
