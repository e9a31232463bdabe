#pragma once
// Finds hand-written translation helpers whose fixed context differs from the one lupdate files
// their texts under, so the translator never finds them at run time:
//     QString tr(const char *text) { return QCoreApplication::translate("ms::Foo", text); }
// A bare tr("…") call resolves to such a helper in C++, but lupdate files the text under the
// enclosing class or namespace of the call ("ms", "ms::Bar"), not under "ms::Foo".
#include "tsfile.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace ms::test {

struct TrHelper
{
    QString file;
    int line = 0;
    QString context; // the one it passes to translate()
};

// Every helper of that shape in `sources` (files that cannot be read are skipped).
QList<TrHelper> findTrHelpers(const QStringList &sources);

// One line per text lupdate filed under another context than the helper that translates it
// (a bare tr( call on the text's line in a file with a helper), and one per helper declared in
// a header (its callers live in other files, so lupdate cannot match it at all).
QStringList helperContextMismatches(const TsFile &fresh, const QList<TrHelper> &helpers);

} // namespace ms::test
