#pragma once
// 表单填写: an appendix form on screen with everything the app knows filled in (shown shaded,
// still editable), the rest to type; print preview (QPrintPreviewDialog) and PDF export use the
// same renderer as `meterswapctl form pdf`, so screen, paper and PDF agree.
#include "model/result.h"
#include "report/formcontext.h"
#include "report/formrenderer.h"
#include "report/formspec.h"

#include <QHash>
#include <QWidget>

class QPrinter;

namespace ms {

class FormFillPage : public QWidget
{
    Q_OBJECT
public:
    FormFillPage(const FormSpec &form, FormContext context, QWidget *parent = nullptr);

    // The context with what was typed (entries), as it will print.
    FormContext context() const;
    QWidget *editor(const QString &fieldKey) const { return m_editors.value(fieldKey); }
    QString text(const QString &fieldKey) const;

    // Draws the form on a printer (the preview dialog calls this for each refresh).
    Result<RenderInfo> printTo(QPrinter *printer) const;
    Result<RenderInfo> exportPdf(const QString &filePath) const;

public slots:
    void showPrintPreview();
    void chooseAndExportPdf();

private:
    QWidget *makeEditor(const FormField &field);

    FormSpec m_form;
    FormContext m_base;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_initial; // what each editor started with
};

} // namespace ms
