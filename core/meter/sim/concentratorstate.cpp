#include "meter/sim/concentratorstate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace ms::meter {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::meter::ConcentratorState)
};

Error bad(const QString &what)
{
    return makeError(
        QStringLiteral("sim.bad_concentrator"),
        Tr::tr("集中器模拟文件有误：%1。请按 docs/simulator.md 的格式修改后重试。").arg(what));
}

bool isAddress(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{12}$"));
    return re.match(text).hasMatch();
}

auto findByAddress(std::map<int, gdw1376::ArchiveEntry> &archive, const QString &address)
{
    const std::string a = address.toStdString();
    return std::find_if(archive.begin(), archive.end(),
                        [&](const auto &kv) { return kv.second.commAddress == a; });
}

Error notInArchive(const QString &address)
{
    return makeError(
        QStringLiteral("sim.no_such_meter"),
        Tr::tr("模拟集中器的档案里没有通信地址 %1，无法在它上面制造差异。").arg(address));
}

} // namespace

Result<ConcentratorState> ConcentratorState::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("sim.bad_concentrator"),
                         Tr::tr("无法读取集中器模拟文件 %1：%2。").arg(path, f.errorString()));
    return fromJson(f.readAll());
}

Result<ConcentratorState> ConcentratorState::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return bad(Tr::tr("不是 JSON 对象（%1）").arg(error.errorString()));
    const QJsonObject o = doc.object();
    ConcentratorState s;
    if (o.contains(QStringLiteral("address"))) {
        const auto a =
            gdw1376::Address::fromText(o.value(QStringLiteral("address")).toString().toStdString());
        if (!a)
            return bad(Tr::tr("address 应为“行政区划码-终端地址”，如 1101-1234"));
        s.address = *a;
    }
    auto endpoint = [&](const char *key, gdw1376::Endpoint &out) -> bool {
        const QString text = o.value(QLatin1String(key)).toString();
        if (text.isEmpty())
            return true;
        const auto e = gdw1376::Endpoint::fromText(text.toStdString());
        if (e)
            out = *e;
        return e.has_value();
    };
    if (!endpoint("master", s.master.main) || !endpoint("backup", s.master.backup))
        return bad(Tr::tr("master/backup 应为 IP:端口，如 10.0.1.20:9001"));
    s.master.apn = o.value(QStringLiteral("apn")).toString().toStdString();
    if (s.master.apn.size() > gdw1376::ApnBytes)
        return bad(Tr::tr("apn 最多 16 个字符"));
    if (o.contains(QStringLiteral("password"))) {
        const QByteArray pw =
            QByteArray::fromHex(o.value(QStringLiteral("password")).toString().toLatin1());
        if (pw.size() != int(gdw1376::PasswordBytes))
            return bad(Tr::tr("password 应为 32 位十六进制（16 字节）"));
        s.password.emplace();
        std::copy(pw.begin(), pw.end(), s.password->begin());
    }
    for (const QJsonValue &v : o.value(QStringLiteral("meters")).toArray()) {
        const QJsonObject m = v.toObject();
        gdw1376::ArchiveEntry e;
        e.seq = m.value(QStringLiteral("seq")).toInt(s.nextSeq());
        e.point = m.value(QStringLiteral("point")).toInt(s.nextPoint());
        e.port = m.value(QStringLiteral("port")).toInt(31);
        const QJsonValue p = m.value(QStringLiteral("protocol"));
        e.protocol =
            p.isString() ? gdw1376::archiveProtocolOf(p.toString().toStdString()) : p.toInt(30);
        const QString address = m.value(QStringLiteral("comm_address")).toString();
        if (!isAddress(address))
            return bad(Tr::tr("comm_address 应为 12 位数字，而不是“%1”").arg(address));
        if (e.seq < 1 || e.seq > 2040 || e.point < 0 || e.point > 2040 || s.archive.count(e.seq))
            return bad(Tr::tr("序号 %1 / 测量点 %2 超出 1…2040 或重复").arg(e.seq).arg(e.point));
        e.commAddress = address.toStdString();
        s.archive[e.seq] = e;
        if (m.contains(QStringLiteral("reading")))
            s.readings[e.commAddress] =
                std::llround(m.value(QStringLiteral("reading")).toDouble() * 10000.0);
        if (!m.value(QStringLiteral("reachable")).toBool(true))
            s.unreachable.insert(address);
    }
    return s;
}

ConcentratorState ConcentratorState::generated(int meters)
{
    ConcentratorState s;
    s.master.main = *gdw1376::Endpoint::fromText("10.0.1.20:9001");
    s.master.backup = *gdw1376::Endpoint::fromText("10.0.1.21:9001");
    s.master.apn = "DLCJ.BJ";
    for (int i = 1; i <= meters; ++i) {
        gdw1376::ArchiveEntry e;
        e.seq = i;
        e.point = i;
        e.port = 31;
        e.protocol = 30;
        e.commAddress = QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0')).toStdString();
        s.archive[i] = e;
        s.readings[e.commAddress] = 10000000 + 12345LL * i;
    }
    return s;
}

int ConcentratorState::nextSeq() const
{
    return archive.empty() ? 1 : archive.rbegin()->first + 1;
}

int ConcentratorState::nextPoint() const
{
    int top = 0;
    for (const auto &kv : archive)
        top = std::max(top, kv.second.point);
    return top + 1;
}

Result<void> ConcentratorState::omit(const QString &commAddress)
{
    const auto it = findByAddress(archive, commAddress);
    if (it == archive.end())
        return notInArchive(commAddress);
    archive.erase(it);
    return {};
}

void ConcentratorState::addExtra(const QString &commAddress)
{
    gdw1376::ArchiveEntry e;
    e.seq = nextSeq();
    e.point = nextPoint();
    e.port = 31;
    e.protocol = 30;
    e.commAddress = commAddress.toStdString();
    archive[e.seq] = e;
}

Result<void> ConcentratorState::flipProtocol(const QString &commAddress)
{
    const auto it = findByAddress(archive, commAddress);
    if (it == archive.end())
        return notInArchive(commAddress);
    it->second.protocol = it->second.protocol == 1 ? 30 : 1;
    return {};
}

Result<void> ConcentratorState::duplicate(const QString &commAddress)
{
    const auto it = findByAddress(archive, commAddress);
    if (it == archive.end())
        return notInArchive(commAddress);
    gdw1376::ArchiveEntry e = it->second;
    e.seq = nextSeq();
    e.point = nextPoint();
    archive[e.seq] = e;
    return {};
}

} // namespace ms::meter
