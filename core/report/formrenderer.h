#pragma once
// Prints an appendix form on A4: QPdfWriter for a PDF file, or any paged device (a QPrinter
// from QPrintPreviewDialog). Layout: unit and document number on every page, the form's title,
// bordered field grids, list tables that repeat their header on each page, notices as text,
// signature boxes sized for a pen with captured signatures placed in them, blank lines where
// nothing is known yet, "第 N 页 共 M 页" at the foot. Portrait or landscape as the form says.
#include "model/result.h"
#include "report/formcontext.h"
#include "report/formspec.h"

#include <QPageLayout>
#include <QStringList>

class QPagedPaintDevice;

namespace ms {

struct RenderInfo
{
    int pages = 0;
    QString fontFamily;
    QStringList warnings; // e.g. the Chinese font is missing (the PDF is still written)
};

class FormRenderer
{
public:
    // A4 in the form's orientation, no device margins (the renderer keeps its own 15 mm).
    static QPageLayout pageLayout(const FormSpec &form);

    // Draws onto a device whose page layout the caller has set (use pageLayout()).
    static Result<RenderInfo> paint(const FormSpec &form, const FormContext &context,
                                    QPagedPaintDevice *device);
    // Writes a PDF (title and creator set). Errors "report.io" naming the file.
    static Result<RenderInfo> writePdf(const FormSpec &form, const FormContext &context,
                                       const QString &filePath);
};

} // namespace ms
