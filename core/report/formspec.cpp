#include "report/formspec.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace ms {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::FormLibrary)
};

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &item : v.toArray())
        out.append(item.toString());
    return out;
}

Qt::Alignment alignment(const QString &s)
{
    if (s == QLatin1String("right"))
        return Qt::AlignRight;
    if (s == QLatin1String("center"))
        return Qt::AlignHCenter;
    return Qt::AlignLeft;
}

struct Parser
{
    QString file;
    QStringList problems;
    QSet<QString> keys;

    void problem(const QString &where, const QString &what)
    {
        problems.append(QStringLiteral("%1: %2: %3").arg(file, where, what));
    }

    // Unknown JSON members are typos (the schema says additionalProperties: false).
    void checkMembers(const QJsonObject &o, const QStringList &known, const QString &where)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                problem(where.isEmpty() ? it.key() : where + QLatin1Char('.') + it.key(),
                        Tr::tr("未知的属性（拼写错误？可用：%1）").arg(known.join(QStringLiteral(", "))));
    }

    void checkKey(const QString &key, const QString &where)
    {
        static const QRegularExpression re(QStringLiteral("^[a-z0-9_]+$"));
        if (!re.match(key).hasMatch())
            problem(where + QStringLiteral(".key"), Tr::tr("key 只能由小写字母、数字和下划线组成"));
        else if (keys.contains(key))
            problem(where + QStringLiteral(".key"), Tr::tr("key“%1”在本表中重复").arg(key));
        keys.insert(key);
    }

    FormField field(const QJsonObject &o, const QString &where)
    {
        FormField f;
        f.key = o.value(QLatin1String("key")).toString();
        f.label = o.value(QLatin1String("label")).toString();
        f.source = o.value(QLatin1String("source")).toString();
        f.kind = o.value(QLatin1String("kind")).toString(QStringLiteral("text"));
        f.options = strings(o.value(QLatin1String("options")));
        f.lines = o.value(QLatin1String("lines")).toInt(1);
        f.span = o.value(QLatin1String("span")).toInt(1);
        f.defaultText = o.value(QLatin1String("default")).toString();
        checkMembers(o, {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("source"),
                         QStringLiteral("kind"), QStringLiteral("options"), QStringLiteral("lines"),
                         QStringLiteral("span"), QStringLiteral("default")}, where);
        checkKey(f.key, where);
        if (f.label.isEmpty())
            problem(where + QStringLiteral(".label"), Tr::tr("缺少字段名称"));
        static const QStringList kinds{QStringLiteral("text"), QStringLiteral("number"),
                                       QStringLiteral("date"), QStringLiteral("datetime"),
                                       QStringLiteral("choice"), QStringLiteral("check"),
                                       QStringLiteral("multiline")};
        if (!kinds.contains(f.kind))
            problem(where + QStringLiteral(".kind"), Tr::tr("未知的字段类型“%1”").arg(f.kind));
        if (f.kind == QLatin1String("choice") && f.options.isEmpty())
            problem(where + QStringLiteral(".options"), Tr::tr("选择类字段须列出选项"));
        return f;
    }

    FormBlock block(const QJsonObject &o, const QString &where)
    {
        FormBlock b;
        const QString type = o.value(QLatin1String("type")).toString();
        b.title = o.value(QLatin1String("title")).toString();
        static const QHash<QString, QStringList> members{
            {QStringLiteral("fields"), {QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("columns"), QStringLiteral("fields")}},
            {QStringLiteral("table"), {QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("rows"), QStringLiteral("filter"),
                                       QStringLiteral("min_rows"), QStringLiteral("static_rows"), QStringLiteral("columns")}},
            {QStringLiteral("text"), {QStringLiteral("type"), QStringLiteral("size"), QStringLiteral("align"), QStringLiteral("paragraphs")}},
            {QStringLiteral("signatures"), {QStringLiteral("type"), QStringLiteral("date"), QStringLiteral("signers")}}};
        if (members.contains(type))
            checkMembers(o, members.value(type), where);
        if (type == QLatin1String("fields")) {
            b.type = FormBlock::Type::Fields;
            b.columns = qBound(1, o.value(QLatin1String("columns")).toInt(2), 3);
            const QJsonArray fs = o.value(QLatin1String("fields")).toArray();
            for (qsizetype i = 0; i < fs.size(); ++i)
                b.fields.append(field(fs.at(i).toObject(), where + QStringLiteral(".fields[%1]").arg(i)));
            if (b.fields.isEmpty())
                problem(where + QStringLiteral(".fields"), Tr::tr("字段块不能为空"));
        } else if (type == QLatin1String("table")) {
            b.type = FormBlock::Type::Table;
            b.rows = o.value(QLatin1String("rows")).toString(QStringLiteral("blank"));
            b.filter = o.value(QLatin1String("filter")).toString();
            b.minRows = o.value(QLatin1String("min_rows")).toInt(0);
            for (const auto &row : o.value(QLatin1String("static_rows")).toArray())
                b.staticRows.append(strings(row));
            const QJsonArray cs = o.value(QLatin1String("columns")).toArray();
            for (qsizetype i = 0; i < cs.size(); ++i) {
                const QJsonObject c = cs.at(i).toObject();
                FormColumn col;
                col.key = c.value(QLatin1String("key")).toString();
                col.label = c.value(QLatin1String("label")).toString();
                col.source = c.value(QLatin1String("source")).toString();
                col.width = c.value(QLatin1String("width")).toDouble(1);
                col.align = alignment(c.value(QLatin1String("align")).toString());
                checkMembers(c, {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("source"),
                                 QStringLiteral("width"), QStringLiteral("align")},
                             where + QStringLiteral(".columns[%1]").arg(i));
                if (col.label.isEmpty() || col.width <= 0)
                    problem(where + QStringLiteral(".columns[%1]").arg(i), Tr::tr("列须有名称和正的宽度"));
                b.tableColumns.append(col);
            }
            if (b.tableColumns.isEmpty())
                problem(where + QStringLiteral(".columns"), Tr::tr("表格至少需要一列"));
            static const QStringList rowKinds{QStringLiteral("blank"), QStringLiteral("static"),
                                              QStringLiteral("tasks"), QStringLiteral("customers"),
                                              QStringLiteral("stock"), QStringLiteral("returns")};
            if (!rowKinds.contains(b.rows))
                problem(where + QStringLiteral(".rows"), Tr::tr("未知的行来源“%1”").arg(b.rows));
        } else if (type == QLatin1String("text")) {
            b.type = FormBlock::Type::Text;
            b.paragraphs = strings(o.value(QLatin1String("paragraphs")));
            b.size = o.value(QLatin1String("size")).toString(QStringLiteral("normal"));
            b.align = alignment(o.value(QLatin1String("align")).toString());
            if (b.paragraphs.isEmpty())
                problem(where + QStringLiteral(".paragraphs"), Tr::tr("文字块不能为空"));
        } else if (type == QLatin1String("signatures")) {
            b.type = FormBlock::Type::Signatures;
            b.signDate = o.value(QLatin1String("date")).toBool(true);
            for (const auto &s : o.value(QLatin1String("signers")).toArray()) {
                const QJsonObject so = s.toObject();
                b.signers.append({so.value(QLatin1String("signer")).toString(),
                                  so.value(QLatin1String("label")).toString()});
            }
            if (b.signers.isEmpty())
                problem(where + QStringLiteral(".signers"), Tr::tr("签字块至少需要一位签字人"));
        } else {
            problem(where + QStringLiteral(".type"),
                    Tr::tr("未知的块类型“%1”，应为 fields、table、text 或 signatures").arg(type));
        }
        return b;
    }
};
} // namespace

QList<const FormField *> FormSpec::allFields() const
{
    QList<const FormField *> out;
    for (const auto &b : blocks)
        for (const auto &f : b.fields)
            out.append(&f);
    return out;
}

QStringList FormSpec::sources() const
{
    QStringList out;
    for (const auto &b : blocks) {
        for (const auto &f : b.fields)
            if (!f.source.isEmpty())
                out.append(f.source);
        for (const auto &c : b.tableColumns)
            if (!c.source.isEmpty())
                out.append(c.source);
    }
    return out;
}

Result<FormSpec> FormLibrary::parse(const QByteArray &json, const QString &file)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(QStringLiteral("report.bad_form"),
                         QStringLiteral("%1: offset %2: %3").arg(file).arg(err.offset).arg(
                             Tr::tr("JSON 格式错误：%1").arg(err.errorString())));
    const QJsonObject o = doc.object();
    Parser p{file, {}, {}};
    FormSpec spec;
    spec.file = file;
    spec.number = o.value(QLatin1String("number")).toInt();
    spec.title = o.value(QLatin1String("title")).toString();
    spec.scope = o.value(QLatin1String("scope")).toString();
    spec.landscape = o.value(QLatin1String("orientation")).toString() == QLatin1String("landscape");
    spec.numberPrefix = o.value(QLatin1String("number_prefix")).toString();
    spec.flows = strings(o.value(QLatin1String("flows")));
    spec.note = o.value(QLatin1String("note")).toString();
    p.checkMembers(o, {QStringLiteral("number"), QStringLiteral("title"), QStringLiteral("scope"),
                       QStringLiteral("orientation"), QStringLiteral("number_prefix"), QStringLiteral("header"),
                       QStringLiteral("flows"), QStringLiteral("note"), QStringLiteral("blocks")}, QString());
    const QJsonValue header = o.value(QLatin1String("header"));
    if (!header.isUndefined() && !header.isBool())
        p.problem(QStringLiteral("header"), Tr::tr("header 应为 true 或 false"));
    spec.header = header.toBool(true);
    if (spec.number < 1 || spec.number > 31)
        p.problem(QStringLiteral("number"), Tr::tr("附录编号须为 1 到 31"));
    if (spec.title.isEmpty())
        p.problem(QStringLiteral("title"), Tr::tr("缺少表单名称"));
    static const QStringList scopes{QStringLiteral("job"), QStringLiteral("task"),
                                    QStringLiteral("crew_day"), QStringLiteral("stock"),
                                    QStringLiteral("static")};
    if (!scopes.contains(spec.scope))
        p.problem(QStringLiteral("scope"), Tr::tr("scope 应为 job、task、crew_day、stock 或 static"));
    if (!spec.header && spec.scope != QLatin1String("static"))
        p.problem(QStringLiteral("header"),
                  Tr::tr("只有宣传品和固定通知（scope static）可以不印单位和编号；记录类表单须保留表头"));
    const QJsonArray blocks = o.value(QLatin1String("blocks")).toArray();
    if (blocks.isEmpty())
        p.problem(QStringLiteral("blocks"), Tr::tr("表单没有内容块"));
    for (qsizetype i = 0; i < blocks.size(); ++i)
        spec.blocks.append(p.block(blocks.at(i).toObject(), QStringLiteral("blocks[%1]").arg(i)));
    if (!p.problems.isEmpty())
        return makeError(QStringLiteral("report.bad_form"), p.problems.join(QLatin1Char('\n')));
    return spec;
}

Result<FormLibrary> FormLibrary::load(const QString &root)
{
    FormLibrary lib;
    QStringList problems;
    for (int n = 1; n <= 31; ++n) {
        const QString rel = QStringLiteral("appendix/%1.json").arg(n, 2, 10, QLatin1Char('0'));
        QFile f(root + QLatin1Char('/') + rel);
        if (!f.open(QIODevice::ReadOnly)) {
            problems.append(QStringLiteral("%1: %2").arg(rel, Tr::tr("缺少附录文件，请补齐 1–31 号附录")));
            continue;
        }
        auto spec = parse(f.readAll(), rel);
        if (!spec) {
            problems.append(spec.error().message);
            continue;
        }
        if (spec->number != n)
            problems.append(QStringLiteral("%1: number: %2").arg(rel, Tr::tr("文件名与附录编号不一致")));
        lib.m_forms.append(std::move(spec).value());
    }
    if (!problems.isEmpty())
        return makeError(QStringLiteral("report.bad_form"), problems.join(QLatin1Char('\n')));
    return lib;
}

const FormSpec *FormLibrary::form(int number) const
{
    for (const auto &f : m_forms)
        if (f.number == number)
            return &f;
    return nullptr;
}

} // namespace ms
