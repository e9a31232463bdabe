#include "store/csvimport.h"

#include "store/store.h"
#include "store/storeutil.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace ms {

using storeutil::Tr;

namespace {

// Column ids with the header names accepted for them (Chinese first, English second).
struct Column
{
    const char *id;
    const char *zh;
    bool required;
};

constexpr Column kCustomerColumns[] = {
    {"account_no", "户号", true},          {"name", "户名", true},
    {"address", "地址", false},            {"phone", "电话", false},
    {"meter_box_no", "表箱号", false},      {"payment", "付费方式", false},
    {"old_asset_no", "旧表资产编号", false}, {"old_comm_address", "旧表通信地址", false},
    {"old_model", "旧表型号", false},        {"old_protocol", "旧表规约", false},
    {"new_asset_no", "新表资产编号", false}, {"new_comm_address", "新表通信地址", false},
    {"last_billed_reading", "上次抄见示数", false}, {"mismatch", "机电不符", false},
};

constexpr Column kPurchaseColumns[] = {
    {"account_no", "户号", true},
    {"cumulative_kwh", "累计购电量", true},
    {"last_purchase_date", "最后购电日期", false},
    {"purchase_count", "购电次数", false},
};

template<size_t N>
QHash<QString, int> mapHeader(const CsvRow &header, const Column (&columns)[N],
                              QList<CsvProblem> &problems)
{
    QHash<QString, int> index;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        if (name.isEmpty())
            continue;
        bool known = false;
        for (const Column &c : columns) {
            if (name == QString::fromUtf8(c.zh) || name.toLower() == QLatin1String(c.id)) {
                if (index.contains(QLatin1String(c.id)))
                    problems.append({header.line, i + 1,
                                     Tr::tr("列“%1”出现了两次，请删去一列。").arg(name)});
                index.insert(QLatin1String(c.id), i);
                known = true;
            }
        }
        if (!known)
            problems.append({header.line, i + 1,
                             Tr::tr("不认识的列名“%1”。可用的列名见 docs/csv-import.md。").arg(name)});
    }
    for (const Column &c : columns)
        if (c.required && !index.contains(QLatin1String(c.id)))
            problems.append({header.line, 0,
                             Tr::tr("缺少必填列“%1”（%2）。").arg(QString::fromUtf8(c.zh),
                                                          QLatin1String(c.id))});
    return index;
}

struct RowReader
{
    const CsvRow &row;
    const QHash<QString, int> &index;
    QList<CsvProblem> &problems;

    int column(const char *id) const { return index.value(QLatin1String(id), -1); }
    QString text(const char *id) const
    {
        const int c = column(id);
        return c >= 0 && c < row.fields.size() ? row.fields.at(c).trimmed() : QString();
    }
    void problem(const char *id, const QString &message) const
    {
        problems.append({row.line, column(id) + 1, message});
    }
    std::optional<double> number(const char *id, const QString &label) const
    {
        const QString t = text(id);
        if (t.isEmpty())
            return std::nullopt;
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (!ok || v < 0) {
            problem(id, Tr::tr("%1“%2”不是有效的非负数字。").arg(label, t));
            return std::nullopt;
        }
        return v;
    }
    bool digits(const char *id, const QString &value, const QString &label, int exactLength) const
    {
        static const QRegularExpression re(QStringLiteral("^\\d+$"));
        if (value.isEmpty())
            return true;
        if (!re.match(value).hasMatch()
            || (exactLength > 0 && value.size() != exactLength)) {
            problem(id, exactLength > 0
                            ? Tr::tr("%1“%2”应为 %3 位数字。").arg(label, value).arg(exactLength)
                            : Tr::tr("%1“%2”只能包含数字。").arg(label, value));
            return false;
        }
        return true;
    }
};

// Decodes UTF-8 (BOM skipped); invalid bytes are reported with their line.
std::optional<CsvProblem> checkUtf8(const QByteArray &bytes)
{
    int line = 1;
    qsizetype start = 0;
    while (start <= bytes.size()) {
        qsizetype end = bytes.indexOf('\n', start);
        if (end < 0)
            end = bytes.size();
        QStringDecoder dec(QStringDecoder::Utf8);
        (void)QString(dec(QByteArrayView(bytes.constData() + start, end - start)));
        if (dec.hasError())
            return CsvProblem{line, 0,
                              Tr::tr("这一行不是 UTF-8 编码（文件可能是 GBK/ANSI）。请在 Excel 中“另存为”"
                                 "“CSV UTF-8（逗号分隔）”后再导入。")};
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

Result<QList<CsvRow>> readChecked(const QByteArray &bytes, QList<CsvProblem> &problems)
{
    if (auto bad = checkUtf8(bytes)) {
        problems.append(*bad);
        return makeError(QStringLiteral("store.bad_input"), bad->message);
    }
    auto rows = readCsv(bytes);
    if (!rows)
        problems.append({0, 0, rows.error().message});
    else if (rows->isEmpty())
        problems.append({1, 0, Tr::tr("文件是空的：第一行应是列名，下面每行一户。")});
    return rows;
}

} // namespace

Result<QList<CsvRow>> readCsv(const QByteArray &bytesIn)
{
    QString text = QString::fromUtf8(bytesIn);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<CsvRow> rows;
    CsvRow current;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    current.line = 1;
    auto endRow = [&] {
        current.fields << field;
        field.clear();
        bool blank = true;
        for (const QString &f : current.fields)
            blank = blank && f.trimmed().isEmpty();
        if (!blank)
            rows << current;
        current = CsvRow{};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (inQuotes) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (ch == QLatin1Char('\n'))
                    ++line;
                field += ch;
            }
            continue;
        }
        if (ch == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (ch == QLatin1Char(',')) {
            current.fields << field;
            field.clear();
            fieldStarted = false;
        } else if (ch == QLatin1Char('\r')) {
            // CRLF: the \n ends the row
        } else if (ch == QLatin1Char('\n')) {
            endRow();
            fieldStarted = false;
            current.line = ++line;
        } else {
            field += ch;
            fieldStarted = true;
        }
    }
    if (inQuotes)
        return makeError(QStringLiteral("store.bad_input"),
                         Tr::tr("第 %1 行的引号没有闭合：以 \" 开始的字段必须以 \" 结束。").arg(quoteLine));
    if (!field.isEmpty() || !current.fields.isEmpty())
        endRow();
    return rows;
}

CustomerCsv parseCustomerCsv(const QByteArray &bytes)
{
    CustomerCsv out;
    auto rows = readChecked(bytes, out.problems);
    if (!rows || rows->isEmpty())
        return out;
    const QHash<QString, int> index = mapHeader(rows->first(), kCustomerColumns, out.problems);
    if (!out.problems.isEmpty())
        return out;
    QHash<QString, int> seen; // 户号 → line
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const CsvRow &row = rows->at(r);
        const RowReader rd{row, index, out.problems};
        const int before = int(out.problems.size());
        Customer c;
        c.accountNo = rd.text("account_no");
        c.name = rd.text("name");
        if (c.accountNo.isEmpty())
            rd.problem("account_no", Tr::tr("户号不能为空。"));
        else if (seen.contains(c.accountNo))
            rd.problem("account_no", Tr::tr("户号 %1 与第 %2 行重复。").arg(c.accountNo).arg(seen.value(c.accountNo)));
        else
            seen.insert(c.accountNo, row.line);
        if (c.name.isEmpty())
            rd.problem("name", Tr::tr("户名不能为空。"));
        c.address = rd.text("address");
        c.phone = rd.text("phone");
        static const QRegularExpression phoneRe(QStringLiteral("^[0-9+\\- ]{7,20}$"));
        if (!c.phone.isEmpty() && !phoneRe.match(c.phone).hasMatch())
            rd.problem("phone", Tr::tr("电话“%1”不是有效号码（只能有数字、空格、+ 和 -）。").arg(c.phone));
        c.meterBoxNo = rd.text("meter_box_no");
        const QString pay = rd.text("payment").toLower();
        if (pay.isEmpty() || pay == QStringLiteral("后付费") || pay == QLatin1String("postpaid"))
            c.payment = PaymentType::Postpaid;
        else if (pay == QStringLiteral("预付费") || pay == QLatin1String("prepaid"))
            c.payment = PaymentType::Prepaid;
        else
            rd.problem("payment", Tr::tr("付费方式“%1”应为“预付费”或“后付费”。").arg(pay));
        c.oldMeter.assetNo = rd.text("old_asset_no");
        rd.digits("old_asset_no", c.oldMeter.assetNo, Tr::tr("旧表资产编号"), 0);
        c.oldMeter.commAddress = rd.text("old_comm_address");
        if (c.oldMeter.commAddress.isEmpty() && c.oldMeter.assetNo.size() >= 12)
            c.oldMeter.commAddress = c.oldMeter.assetNo.right(12);
        rd.digits("old_comm_address", c.oldMeter.commAddress, Tr::tr("旧表通信地址"), 12);
        c.oldMeter.model = rd.text("old_model");
        c.oldMeter.protocol = rd.text("old_protocol");
        static const QStringList protocols{QString(), QStringLiteral("dlt645-2007"),
                                           QStringLiteral("dlt645-1997"), QStringLiteral("dlt698.45")};
        if (!protocols.contains(c.oldMeter.protocol))
            rd.problem("old_protocol", Tr::tr("规约“%1”应为 dlt645-2007、dlt645-1997 或 dlt698.45。")
                                           .arg(c.oldMeter.protocol));
        c.newMeter.assetNo = rd.text("new_asset_no");
        rd.digits("new_asset_no", c.newMeter.assetNo, Tr::tr("新表资产编号"), 0);
        c.newMeter.commAddress = rd.text("new_comm_address");
        if (c.newMeter.commAddress.isEmpty() && c.newMeter.assetNo.size() >= 12)
            c.newMeter.commAddress = c.newMeter.assetNo.right(12);
        rd.digits("new_comm_address", c.newMeter.commAddress, Tr::tr("新表通信地址"), 12);
        c.lastBilledReading = rd.number("last_billed_reading", Tr::tr("上次抄见示数"));
        const QString mm = rd.text("mismatch").toLower();
        if (mm == QStringLiteral("是") || mm == QLatin1String("yes") || mm == QLatin1String("1")
            || mm == QLatin1String("true"))
            c.mismatchFlag = true;
        else if (!(mm.isEmpty() || mm == QStringLiteral("否") || mm == QLatin1String("no")
                   || mm == QLatin1String("0") || mm == QLatin1String("false")))
            rd.problem("mismatch", Tr::tr("机电不符“%1”应为“是”或“否”。").arg(mm));
        if (row.fields.size() > rows->first().fields.size())
            out.problems.append({row.line, int(rows->first().fields.size()) + 1,
                                 Tr::tr("这一行的字段比列名多（%1 个，列名 %2 个）；含逗号的内容请用英文双引号括起来。")
                                     .arg(row.fields.size())
                                     .arg(rows->first().fields.size())});
        if (out.problems.size() == before)
            out.customers << c;
    }
    if (out.customers.isEmpty() && out.problems.isEmpty())
        out.problems.append({1, 0, Tr::tr("文件只有列名，没有客户。")});
    return out;
}

PurchaseCsv parsePurchaseCsv(const QByteArray &bytes)
{
    PurchaseCsv out;
    auto rows = readChecked(bytes, out.problems);
    if (!rows || rows->isEmpty())
        return out;
    const QHash<QString, int> index = mapHeader(rows->first(), kPurchaseColumns, out.problems);
    if (!out.problems.isEmpty())
        return out;
    // A 户号 twice would have the second row silently replace the first (docs/purchase-csv.md:
    // unique in the file); found by tests/fuzz/fuzz_purchase_csv.
    QHash<QString, int> seen; // 户号 → line
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const RowReader rd{rows->at(r), index, out.problems};
        const int before = int(out.problems.size());
        PurchaseRecord p;
        p.accountNo = rd.text("account_no");
        if (p.accountNo.isEmpty())
            rd.problem("account_no", Tr::tr("户号不能为空。"));
        else if (seen.contains(p.accountNo))
            rd.problem("account_no", Tr::tr("户号 %1 与第 %2 行重复。").arg(p.accountNo).arg(seen.value(p.accountNo)));
        else
            seen.insert(p.accountNo, rows->at(r).line);
        const auto kwh = rd.number("cumulative_kwh", Tr::tr("累计购电量"));
        if (!kwh && rd.text("cumulative_kwh").isEmpty())
            rd.problem("cumulative_kwh", Tr::tr("累计购电量不能为空。"));
        p.cumulativeKwh = kwh.value_or(0);
        const QString date = rd.text("last_purchase_date");
        if (!date.isEmpty()) {
            p.lastPurchaseDate = QDate::fromString(date, QStringLiteral("yyyy-MM-dd"));
            if (!p.lastPurchaseDate.isValid())
                p.lastPurchaseDate = QDate::fromString(date, QStringLiteral("yyyy/M/d"));
            if (!p.lastPurchaseDate.isValid())
                rd.problem("last_purchase_date", Tr::tr("日期“%1”应写成 2026-11-05 的形式。").arg(date));
        }
        const QString count = rd.text("purchase_count");
        if (!count.isEmpty()) {
            bool ok = false;
            p.purchaseCount = count.toInt(&ok);
            if (!ok || p.purchaseCount < 0)
                rd.problem("purchase_count", Tr::tr("购电次数“%1”应为非负整数。").arg(count));
        }
        if (out.problems.size() == before)
            out.records << p;
    }
    return out;
}

QString formatCsvProblems(const QString &fileName, const QList<CsvProblem> &problems)
{
    QStringList lines;
    for (const CsvProblem &p : problems)
        lines << QStringLiteral("%1:%2:%3: %4").arg(fileName).arg(p.line).arg(p.column).arg(p.message);
    return lines.join(QLatin1Char('\n'));
}

namespace {
Result<QByteArray> readAll(const QString &filePath)
{
    QFile f(filePath);
    if (!f.open(QIODevice::ReadOnly))
        return storeutil::badInput(Tr::tr("无法打开文件 %1：%2").arg(filePath, f.errorString()));
    return f.readAll();
}
} // namespace

Result<TaskImportResult> importCustomerCsvFile(Store &store, const Task &task,
                                               const QString &filePath)
{
    auto bytes = readAll(filePath);
    if (!bytes)
        return bytes.error();
    const CustomerCsv csv = parseCustomerCsv(bytes.value());
    if (!csv.problems.isEmpty())
        return storeutil::badInput(formatCsvProblems(QFileInfo(filePath).fileName(), csv.problems));
    return store.tasks().importTask(task, csv.customers);
}

Result<int> importPurchaseCsvFile(Store &store, const QString &filePath)
{
    auto bytes = readAll(filePath);
    if (!bytes)
        return bytes.error();
    const PurchaseCsv csv = parsePurchaseCsv(bytes.value());
    if (!csv.problems.isEmpty())
        return storeutil::badInput(formatCsvProblems(QFileInfo(filePath).fileName(), csv.problems));
    return store.mismatch().importPurchases(csv.records);
}

} // namespace ms
