#include "meter/sim/registerset.h"

#include "meter/reader/swapset.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ms::meter {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::meter::RegisterSet", text);
}

const QStringList &knownKeys()
{
    static const QStringList keys{
        QStringLiteral("meter_number"),  QStringLiteral("forward_active"),
        QStringLiteral("reverse_active"), QStringLiteral("status_word_1"),
        QStringLiteral("remaining_energy"), QStringLiteral("remaining_money"),
        QStringLiteral("cover_open_count"),
    };
    return keys;
}
} // namespace

RegisterSet RegisterSet::defaults()
{
    RegisterSet r;
    r.set(QStringLiteral("forward_active"), {QStringLiteral("1234.56"), QStringLiteral("400.00"),
                                             QStringLiteral("500.00"), QStringLiteral("234.56"),
                                             QStringLiteral("100.00")});
    r.set(QStringLiteral("reverse_active"), {QStringLiteral("0.00")});
    r.set(QStringLiteral("status_word_1"), {QStringLiteral("0000")});
    r.set(QStringLiteral("remaining_energy"), {QStringLiteral("45.20")});
    r.set(QStringLiteral("remaining_money"), {QStringLiteral("88.50")});
    r.set(QStringLiteral("cover_open_count"), {QStringLiteral("1")});
    return r;
}

Result<RegisterSet> RegisterSet::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("sim.registers_unreadable"),
                         tr("无法读取寄存器文件 %1：%2").arg(path, f.errorString()));
    auto r = fromJson(f.readAll());
    if (!r)
        return makeError(r.error().code, path + QStringLiteral(": ") + r.error().message);
    return r;
}

Result<RegisterSet> RegisterSet::fromJson(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (!doc.isObject())
        return makeError(QStringLiteral("sim.registers_json"),
                         tr("不是有效的 JSON 对象（%1，偏移 %2）。格式见 docs/simulator.md。")
                             .arg(err.errorString())
                             .arg(err.offset));
    RegisterSet r = defaults();
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList top{QStringLiteral("registers"), QStringLiteral("clock"),
                                     QStringLiteral("absent"), QStringLiteral("refuse"),
                                     QStringLiteral("extra"), QStringLiteral("comment")};
        if (!top.contains(it.key()))
            return makeError(QStringLiteral("sim.registers_field"),
                             tr("未知字段 \"%1\"，可用字段：%2").arg(it.key(), top.join(QStringLiteral(", "))));
    }
    auto textsOf = [](const QJsonValue &v) -> std::optional<QStringList> {
        if (v.isString())
            return QStringList{v.toString()};
        if (v.isDouble())
            return QStringList{QString::number(v.toDouble(), 'f', 2)};
        if (!v.isArray())
            return std::nullopt;
        QStringList out;
        for (const QJsonValue &e : v.toArray()) {
            if (e.isString())
                out << e.toString();
            else if (e.isDouble())
                out << QString::number(e.toDouble(), 'f', 2);
            else
                return std::nullopt;
        }
        return out;
    };
    const QJsonObject regs = root.value(QStringLiteral("registers")).toObject();
    for (auto it = regs.begin(); it != regs.end(); ++it) {
        if (!knownKeys().contains(it.key()))
            return makeError(QStringLiteral("sim.registers_key"),
                             tr("registers 中未知的寄存器 \"%1\"，可用：%2")
                                 .arg(it.key(), knownKeys().join(QStringLiteral(", "))));
        const auto texts = textsOf(it.value());
        if (!texts)
            return makeError(QStringLiteral("sim.registers_value"),
                             tr("寄存器 \"%1\" 的值必须是文本、数字或它们的数组。").arg(it.key()));
        if (it.key() == QLatin1String("forward_active") && texts->size() != 5)
            return makeError(QStringLiteral("sim.registers_value"),
                             tr("forward_active 需要 5 个值：总、费率1、费率2、费率3、费率4。"));
        r.set(it.key(), *texts);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("absent")).toArray())
        r.remove(v.toString());
    for (const QJsonValue &v : root.value(QStringLiteral("refuse")).toArray())
        r.refuse(v.toString());
    const QJsonObject extra = root.value(QStringLiteral("extra")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const auto texts = textsOf(it.value());
        if (!texts)
            return makeError(QStringLiteral("sim.registers_value"),
                             tr("extra \"%1\" 的值必须是文本或文本数组。").arg(it.key()));
        r.m_extra.insert(it.key().toUpper(), *texts);
    }
    const QString clock = root.value(QStringLiteral("clock")).toString(QStringLiteral("now"));
    if (clock != QLatin1String("now")) {
        const QDateTime t = QDateTime::fromString(clock, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!t.isValid())
            return makeError(QStringLiteral("sim.registers_clock"),
                             tr("clock 必须是 \"now\" 或 \"YYYY-MM-DD hh:mm:ss\"，而不是 \"%1\"。").arg(clock));
        r.m_fixedClock = t;
    }
    return r;
}

void RegisterSet::set(const QString &key, QStringList texts)
{
    m_values.insert(key, std::move(texts));
}

void RegisterSet::remove(const QString &key)
{
    m_values.remove(key);
}

QStringList RegisterSet::get(const QString &key) const
{
    return m_values.value(key);
}

QDateTime RegisterSet::clock() const
{
    return m_fixedClock ? *m_fixedClock : QDateTime::currentDateTime();
}

std::optional<std::vector<std::string>>
RegisterSet::textsFor(Protocol protocol, const QString &idText, const QString &address) const
{
    auto toStd = [](const QStringList &l) {
        std::vector<std::string> out;
        for (const QString &s : l)
            out.push_back(s.toStdString());
        return out;
    };
    const QString id = idText.toUpper();
    if (m_extra.contains(id))
        return toStd(m_extra.value(id));
    const RegisterRef ref = registerOf(protocol, id);
    if (ref.key.isEmpty())
        return std::nullopt;
    const QDateTime now = clock();
    if (ref.key == QLatin1String("address"))
        return toStd({address});
    if (ref.key == QLatin1String("date"))
        return toStd({now.toString(QStringLiteral("yyyy-MM-dd"))});
    if (ref.key == QLatin1String("time"))
        return toStd({now.toString(QStringLiteral("HH:mm:ss"))});
    if (ref.key == QLatin1String("datetime"))
        return toStd({now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))});
    if (ref.key == QLatin1String("meter_number") && !m_values.contains(ref.key))
        return toStd({address});
    if (!m_values.contains(ref.key))
        return std::nullopt;
    QStringList values = m_values.value(ref.key);
    if (ref.key == QLatin1String("status_word_1") && protocol == Protocol::Dlt645_1997 && !values.isEmpty())
        values.first() = values.first().right(2); // 1997 C020 is one byte
    if (ref.key == QLatin1String("remaining_money") && protocol == Protocol::Dlt698_45 && values.size() == 1)
        values.append(QStringLiteral("1")); // 698 wallet file: money + purchase count
    if (ref.index >= 0) {
        if (ref.index >= values.size())
            return std::nullopt;
        return toStd({values.at(ref.index)});
    }
    return toStd(values);
}

} // namespace ms::meter
