// One write path, enforced: nothing in app/ opens a transaction, touches the database handle or
// writes a repository. Writes go through core/service (JobSession, DeviceSettings, Accounts,
// FormEntryService) or a store function that is one transaction of its own. The scan reads every
// app/**/*.cpp|h (comments stripped) and fails naming file:line and the rule for each hit.
// MS_LAYERING_ROOT=DIR scans another checkout (e.g. to see an old tree fail).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <gtest/gtest.h>

namespace {

struct Rule
{
    const char *why;
    QRegularExpression pattern;
};

// The repositories' write methods (core/store/*repository.h, outboxchain.h), by accessor.
const QString kWrites = QStringLiteral(
    "(add|save|update\\w*|remove|set\\w*|import\\w*|record\\w*|mark\\w*|append|beginSignIn|"
    "finishSignIn|verifyPin|changePin|reset\\w*|storePin|withdraw\\w*)");
const QString kRepos = QStringLiteral(
    "(users|tasks|jobs|evidence|seals|mismatch|outbox|outboxChain|settings|formEntries|"
    "taskCards|steps|choices)");

const QList<Rule> &rules()
{
    static const QList<Rule> all = {
        {"opens a transaction (a service action or a one-transaction store call does that)",
         QRegularExpression(QStringLiteral("\\bTransaction\\b"))},
        {"uses the database handle (only commitCount() may be read)",
         QRegularExpression(
             QStringLiteral("\\bdatabase\\s*\\(\\s*\\)\\s*(\\.|->)\\s*(?!commitCount\\b)\\w+"))},
        {"writes a repository (call the service in core/service instead)",
         QRegularExpression(
             QStringLiteral("\\b%1\\s*\\(\\s*\\)\\s*(\\.|->)\\s*%2\\s*\\(").arg(kRepos, kWrites))},
        {"holds a repository (a screen gets a service, not a repository to write through)",
         QRegularExpression(QStringLiteral("\\b(\\w+Repository|OutboxChain)\\s*[&*]"))},
    };
    return all;
}

// Code without comments ("//" to the end of a line, /* ... */) and with string texts blanked.
QString stripComments(const QString &line, bool *inBlock)
{
    QString out;
    bool inString = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        const QChar next = i + 1 < line.size() ? line[i + 1] : QChar();
        if (*inBlock) {
            if (c == QLatin1Char('*') && next == QLatin1Char('/')) {
                *inBlock = false;
                ++i;
            }
            continue;
        }
        if (inString) { // a string's text is not code: blanked
            if (c == QLatin1Char('\\') && !next.isNull()) {
                out += QStringLiteral("  ");
                ++i;
            } else if (c == QLatin1Char('"')) {
                out += c;
                inString = false;
            } else {
                out += QLatin1Char(' ');
            }
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('/'))
            break;
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            *inBlock = true;
            ++i;
            continue;
        }
        if (c == QLatin1Char('"'))
            inString = true;
        out += c;
    }
    return out;
}

// "app/tablet/main.cpp:154: writes a repository …: <code>" for every hit under root/app.
QStringList scan(const QString &root)
{
    QStringList hits;
    QDirIterator it(root + QStringLiteral("/app"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits << path + QStringLiteral(": cannot be read: ") + file.errorString();
            continue;
        }
        QTextStream in(&file);
        bool inBlock = false;
        for (int n = 1; !in.atEnd(); ++n) {
            const QString raw = in.readLine();
            const QString code = stripComments(raw, &inBlock);
            for (const Rule &rule : rules())
                if (rule.pattern.match(code).hasMatch())
                    hits << QStringLiteral("%1:%2: %3: %4")
                                .arg(path.mid(root.size() + 1))
                                .arg(n)
                                .arg(QLatin1String(rule.why), raw.trimmed());
        }
    }
    hits.sort();
    return hits;
}

QString sourceRoot()
{
    const QByteArray other = qgetenv("MS_LAYERING_ROOT");
    return other.isEmpty() ? QStringLiteral(MS_SOURCE_DIR) : QString::fromLocal8Bit(other);
}

} // namespace

TEST(Layering, NothingInAppOpensATransactionOrWritesARepository)
{
    // GIVEN the app's sources (the tablet, the office server, the command line)
    // WHEN they are scanned for writes that bypass core's services
    const QStringList hits = scan(sourceRoot());
    // THEN there are none; each one is named with its file and line
    EXPECT_TRUE(hits.isEmpty()) << hits.size() << " write(s) from app/ that bypass core:\n"
                                << hits.join(QLatin1Char('\n')).toStdString();
}

TEST(Layering, TheScanCatchesEachKindOfWriteAndIgnoresComments)
{
    // GIVEN an app folder with one file that does every forbidden thing, and one that only
    // mentions them in comments and strings or reads
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("app/tablet")));
    const auto write = [&](const char *name, const char *text) {
        QFile f(dir.path() + QStringLiteral("/app/tablet/") + QLatin1String(name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write("bad.cpp",
          "void f(ms::Store &store) {\n"
          "    ms::Transaction tx(store.database());\n"                        // 2: both
          "    store.database().exec(QStringLiteral(\"DELETE FROM jobs\"));\n" // 3
          "    (void)store.settings().setValue(k, v);\n"                       // 4
          "    store.users()\n"
          "        .verifyPin(u, p);\n"                                 // not on one line
          "    SettingsRepository &s = store.settings();\n"             // 7
          "    auto *e = &store.formEntries(); e->save(1, o, {}, u);\n" // 8: not caught
          "    store.formEntries().save(1, o, {}, u);\n"                // 9
          "}\n");
    write("good.cpp", "// store.settings().setValue(k, v) is how it was done; Transaction tx(db);\n"
                      "/* store.jobs().update(j);\n"
                      "   Transaction */\n"
                      "void g(ms::Store &store) {\n"
                      "    auto jobs = store.jobs().list(ms::JobQuery());\n"
                      "    const qint64 n = store.database().commitCount();\n"
                      "    QString s = QStringLiteral(\"store.settings().setValue(\");\n"
                      "    bool t = socket->isTransactionStarted(); // https://example.org\n"
                      "}\n");
    // WHEN it is scanned
    const QStringList hits = scan(dir.path());
    // THEN every forbidden line of bad.cpp is named, and nothing of good.cpp
    QStringList lines;
    for (const QString &h : hits)
        lines << h.section(QLatin1Char(':'), 0, 1);
    lines.removeDuplicates();
    const QString bad = QStringLiteral("app/tablet/") + QStringLiteral("bad.cpp:");
    EXPECT_EQ(lines, (QStringList{bad + u'2', bad + u'3', bad + u'4', bad + u'7', bad + u'9'}))
        << hits.join(QLatin1Char('\n')).toStdString();
}
