#pragma once
// 表单填写: an appendix form on screen with everything the app knows filled in (shown shaded,
// still editable), the rest to type; print preview (QPrintPreviewDialog) and PDF export use the
// same renderer as `meterswapctl form pdf`, so screen, paper and PDF agree.
// What is typed is kept in the store (through FormEntryService) for the form and its job or task:
// saved a moment after the last keystroke, on 保存, and when the page is hidden. The status line
// says 已保存 / 未保存 / why saving failed; a failed save keeps everything on screen to retry.
#include "model/result.h"
#include "report/formcontext.h"
#include "report/formrenderer.h"
#include "report/formspec.h"
#include "service/formentryservice.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QLabel;
class QPrinter;
class QPushButton;
class QTimer;

namespace ms {

class FormFillPage : public QWidget
{
    Q_OBJECT
public:
    // `context` as FormContextBuilder::forForm gives it (saved entries included). With
    // `entries` and a valid `owner` (FormContextBuilder::ownerFor) edits are saved there;
    // without, the page only prints and says that nothing typed is kept.
    FormFillPage(const FormSpec &form, FormContext context,
                 std::optional<FormEntryService> entries, FormOwner owner,
                 QWidget *parent = nullptr);
    FormFillPage(const FormSpec &form, FormContext context, QWidget *parent = nullptr);

    static constexpr int kSaveDelayMs = 1200; // after the last edit

    // The context with what was typed (entries), as it will print.
    FormContext context() const;
    QWidget *editor(const QString &fieldKey) const { return m_editors.value(fieldKey); }
    QString text(const QString &fieldKey) const;

    // Draws the form on a printer (the preview dialog calls this for each refresh).
    Result<RenderInfo> printTo(QPrinter *printer) const;
    Result<RenderInfo> exportPdf(const QString &filePath) const;
    // "附录08_3100555001.pdf": the form number and the job's 户号 or the task's number.
    QString suggestedPdfName() const;

    bool canSave() const { return m_entries.has_value() && m_owner.isValid(); }
    bool isDirty() const { return m_dirty; }
    QString saveStatus() const; // the status line's text

public slots:
    void showPrintPreview();
    // Asks for the file (a save dialog, window-modal, default suggestedPdfName() in Documents)
    // and writes the PDF there; the status line says where it went or what failed.
    void chooseAndExportPdf();
    // Saves what is typed now. Errors (e.g. "store.disk_full") are also shown on the status
    // line; nothing typed is lost and the next edit or 保存 tries again.
    Result<void> save();

signals:
    void saved(int version);
    void pdfExported(const QString &filePath);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *makeEditor(const FormField &field);
    void edited();
    void showStatus(const QString &text, bool problem);

    FormSpec m_form;
    FormContext m_base;
    std::optional<FormEntryService> m_entries;
    FormOwner m_owner;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QString> m_initial; // what each editor showed when last opened or saved
    QTimer *m_saveTimer = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_saveButton = nullptr;
    bool m_dirty = false;
};

} // namespace ms
