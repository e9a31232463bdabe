#include "configfile.h"

#include <QCoreApplication>
#include <QFile>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::Commands)
};

// Every setting some command takes from the file. Per-call options (--device, --assign, ...)
// are not settings and stay on the command line.
const QStringList kSettings{
    QStringLiteral("data"),
    QStringLiteral("database"),
    QStringLiteral("listen"),
    QStringLiteral("workers"),
    QStringLiteral("tls-cert"),
    QStringLiteral("tls-key"),
    QStringLiteral("catalog"),
    QStringLiteral("max-connections"),
    QStringLiteral("max-connections-per-client"),
    QStringLiteral("partial-quota-mb"),
    QStringLiteral("partial-expiry-days"),
    QStringLiteral("insecure-plain-http"),
};
} // namespace

QString configPath(const QStringList &args)
{
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--config"))
            return args.value(i + 1);
        if (args[i].startsWith(QLatin1String("--config=")))
            return args[i].mid(9);
    }
    return {};
}

Result<QStringList> configArguments(const QString &path, const QStringList &valueOptions,
                                    const QStringList &flags)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(QStringLiteral("office.config"),
                         Tr::tr("无法读取配置文件 %1：%2").arg(path, file.errorString()));
    QStringList out;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        QString line = QString::fromUtf8(file.readLine());
        if (const int hash = line.indexOf(QLatin1Char('#')); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const int eq = line.indexOf(QLatin1Char('='));
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (eq <= 0 || value.isEmpty())
            return makeError(QStringLiteral("office.config"),
                             Tr::tr("配置文件 %1 第 %2 行应为“键 = 值”（收到“%3”）")
                                 .arg(path)
                                 .arg(lineNo)
                                 .arg(line));
        if (!kSettings.contains(key))
            return makeError(QStringLiteral("office.config"),
                             Tr::tr("配置文件 %1 第 %2 行：未知的设置“%3”；可用的设置：%4")
                                 .arg(path)
                                 .arg(lineNo)
                                 .arg(key, kSettings.join(QStringLiteral(", "))));
        if (flags.contains(key)) {
            const QString v = value.toLower();
            if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
                out << QStringLiteral("--") + key;
            else if (v != QLatin1String("false") && v != QLatin1String("no")
                     && v != QLatin1String("0"))
                return makeError(QStringLiteral("office.config"),
                                 Tr::tr("配置文件 %1 第 %2 行：“%3”应为 true 或 false（收到“%4”）")
                                     .arg(path)
                                     .arg(lineNo)
                                     .arg(key, value));
        } else if (valueOptions.contains(key)) {
            out << QStringLiteral("--") + key << value;
        }
    }
    return out;
}

} // namespace ms::server
