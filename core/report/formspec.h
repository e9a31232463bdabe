#pragma once
// An appendix form (附录) as data: forms/appendix/<NN>.json, described by
// forms/schema/appendix.schema.json. These types do no painting and no database work.
#include "model/result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ms {

// One labelled value on the form.
struct FormField
{
    QString key;       // unique within the form, [a-z0-9_]+
    QString label;     // 户号
    QString source;    // auto-fill path ("customer.account_no"); empty = filled by hand
    QString kind = QStringLiteral("text"); // text | number | date | datetime | choice | check | multiline
    QStringList options; // choice: printed as ☐ boxes when nothing is chosen
    int lines = 1;       // multiline: ruled lines to leave
    int span = 1;        // grid columns this field takes
    QString defaultText; // standard wording printed when nothing else is known
};

struct FormColumn
{
    QString key;
    QString label;
    QString source; // path inside the row ("customer.account_no", "row.index"), may be empty
    double width = 1;
    Qt::Alignment align = Qt::AlignLeft;
};

struct FormSigner
{
    QString signer; // customer | installer | witness | crew_leader | supervisor | clerk | any id
    QString label;  // 装换人
};

struct FormBlock
{
    enum class Type { Fields, Table, Text, Signatures };
    Type type = Type::Fields;
    QString title;
    // Fields
    int columns = 2;
    QList<FormField> fields;
    // Table
    QString rows = QStringLiteral("blank");  // blank | static | tasks | customers | stock (a
                                             // stock movement's lines, report/stockforms.h)
    QString filter;                          // swapped | mismatch | appointment | prepaid
    int minRows = 0;
    QList<QStringList> staticRows;
    QList<FormColumn> tableColumns;
    // Text: {path} placeholders are filled from the context
    QStringList paragraphs;
    QString size = QStringLiteral("normal"); // normal | large | huge
    Qt::Alignment align = Qt::AlignLeft;
    // Signatures
    QList<FormSigner> signers;
    bool signDate = true;
};

struct FormSpec
{
    int number = 0;
    QString title;
    QString scope;         // job | task | crew_day | stock | static
    bool landscape = false;
    QString numberPrefix;  // printed document number = prefix-serial
    // The unit / document-number line at the top of every page. false (JSON "header": false)
    // for publicity material and fixed notices (scope static only): they are not records.
    bool header = true;
    QStringList flows;     // flows whose cards fill this form
    QString note;
    QList<FormBlock> blocks;
    QString file;          // where it was read from ("appendix/08.json")

    bool isJobScope() const { return scope == QLatin1String("job"); }
    QList<const FormField *> allFields() const;
    QStringList sources() const; // every auto-fill path named by the form
};

// The 31 appendix forms, read from a catalog root (directory or ":/forms").
class FormLibrary
{
public:
    // Reads ROOT/appendix/NN.json. Every problem is collected as "appendix/NN.json: where: what".
    static Result<FormLibrary> load(const QString &root);
    static Result<FormSpec> parse(const QByteArray &json, const QString &file);

    const FormSpec *form(int number) const;
    const QList<FormSpec> &forms() const { return m_forms; }

private:
    QList<FormSpec> m_forms; // by number
};

} // namespace ms
