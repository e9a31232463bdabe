#include "roles/formfillpage.h"

#include "uilog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace ms {

FormFillPage::FormFillPage(const FormSpec &form, FormContext context, QWidget *parent)
    : FormFillPage(form, std::move(context), std::nullopt, FormOwner{}, parent)
{
}

FormFillPage::FormFillPage(const FormSpec &form, FormContext context,
                           std::optional<FormEntryService> entries, FormOwner owner,
                           QWidget *parent)
    : QWidget(parent), m_form(form), m_base(std::move(context)), m_entries(std::move(entries)),
      m_owner(std::move(owner))
{
    auto *outer = new QVBoxLayout(this);
    auto *title = new QLabel(tr("附录 %1　%2").arg(m_form.number).arg(m_form.title), this);
    title->setObjectName(QStringLiteral("pageTitle")); // the app's font is sized in pixels
    title->setWordWrap(true);
    outer->addWidget(title);
    auto *hint = new QLabel(tr("浅色底的内容由系统根据任务、工单和现场记录自动填写，可修改；其余请补填，空着的将打印为空白线供手写。"), this);
    hint->setWordWrap(true);
    outer->addWidget(hint);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // fields wrap to the width
    auto *content = new QWidget(scroll);
    auto *col = new QVBoxLayout(content);
    for (const FormBlock &b : m_form.blocks) {
        if (b.type == FormBlock::Type::Fields) {
            auto *box = new QGroupBox(b.title, content);
            auto *grid = new QFormLayout(box);
            for (const FormField &field : b.fields)
                grid->addRow(field.label, makeEditor(field));
            col->addWidget(box);
        } else if (b.type == FormBlock::Type::Table) {
            int rows = 0;
            if (b.rows == QLatin1String("static"))
                rows = int(b.staticRows.size());
            else if (b.rows != QLatin1String("blank"))
                for (const FormRow &r : m_base.lists.value(b.rows))
                    rows += b.filter.isEmpty() || r.tags.contains(b.filter);
            col->addWidget(new QLabel(tr("表格“%1”：%2 行由系统填写，打印时另留空行。")
                                          .arg(b.title.isEmpty() ? m_form.title : b.title)
                                          .arg(rows),
                                      content));
        } else if (b.type == FormBlock::Type::Signatures) {
            QStringList who;
            for (const FormSigner &s : b.signers)
                who << (m_base.signatures.contains(s.signer) ? tr("%1（已签）").arg(s.label) : s.label);
            col->addWidget(new QLabel(tr("签字：%1").arg(who.join(QStringLiteral("、"))), content));
        }
    }
    col->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);

    auto *buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_status->setWordWrap(true);
    QFont statusFont = m_status->font();
    if (statusFont.pixelSize() > 0)
        statusFont.setPixelSize(statusFont.pixelSize() * 115 / 100);
    else
        statusFont.setPointSizeF(statusFont.pointSizeF() * 1.15);
    m_status->setFont(statusFont);
    buttons->addWidget(m_status, 1);
    m_saveButton = new QPushButton(tr("保存"), this);
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_saveButton->setMinimumHeight(52);
    m_saveButton->setVisible(canSave());
    m_saveButton->setEnabled(false);
    buttons->addWidget(m_saveButton);
    // save() shows its own outcome on the status line; the Result is for programmatic callers.
    connect(m_saveButton, &QPushButton::clicked, this, [this] { static_cast<void>(save()); });
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kSaveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { static_cast<void>(save()); });
    if (!canSave())
        showStatus(tr("此表未关联工单或任务，填写内容不会保存；请直接打印或导出 PDF。"), false);
    else if (!m_base.entries.isEmpty())
        showStatus(tr("已保存的填写内容已载入。"), false);
    else
        showStatus(tr("填写后自动保存。"), false);
    auto *preview = new QPushButton(tr("打印预览"), this);
    preview->setObjectName(QStringLiteral("printPreview"));
    auto *pdf = new QPushButton(tr("导出 PDF"), this);
    pdf->setObjectName(QStringLiteral("exportPdf"));
    for (QPushButton *b : {preview, pdf}) {
        b->setMinimumHeight(52);
        buttons->addWidget(b);
    }
    outer->addLayout(buttons);
    connect(preview, &QPushButton::clicked, this, &FormFillPage::showPrintPreview);
    connect(pdf, &QPushButton::clicked, this, &FormFillPage::chooseAndExportPdf);
}

QWidget *FormFillPage::makeEditor(const FormField &field)
{
    const QString value = m_base.fieldValue(field);
    QWidget *editor = nullptr;
    if (field.kind == QLatin1String("multiline")) {
        auto *e = new QPlainTextEdit(value, this);
        e->setFixedHeight(28 * std::max(2, field.lines));
        editor = e;
    } else if (field.kind == QLatin1String("choice")) {
        auto *e = new QComboBox(this);
        e->setEditable(true);
        e->addItem(QString());
        e->addItems(field.options);
        e->setCurrentText(value);
        editor = e;
    } else if (field.kind == QLatin1String("check")) {
        auto *e = new QCheckBox(field.label, this);
        e->setChecked(value == QLatin1String("是") || value == QLatin1String("yes"));
        editor = e;
    } else {
        auto *e = new QLineEdit(value, this);
        if (field.kind == QLatin1String("date"))
            e->setPlaceholderText(tr("例如 2026-11-05"));
        else if (field.kind == QLatin1String("datetime"))
            e->setPlaceholderText(tr("例如 2026-11-05 14:30"));
        editor = e;
    }
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        connect(line, &QLineEdit::textEdited, this, &FormFillPage::edited);
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor))
        connect(plain, &QPlainTextEdit::textChanged, this, &FormFillPage::edited);
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        connect(combo, &QComboBox::currentTextChanged, this, &FormFillPage::edited);
    else if (auto *check = qobject_cast<QCheckBox *>(editor))
        connect(check, &QCheckBox::toggled, this, &FormFillPage::edited);
    editor->setObjectName(QStringLiteral("field_") + field.key);
    editor->setMinimumHeight(40);
    if (m_base.isAutoFilled(field)) {
        editor->setStyleSheet(QStringLiteral("background: #eef5ff;"));
        editor->setToolTip(tr("由系统自动填写（来源：%1）").arg(field.source));
    }
    m_editors.insert(field.key, editor);
    m_initial.insert(field.key, text(field.key));
    return editor;
}

QString FormFillPage::text(const QString &fieldKey) const
{
    QWidget *w = m_editors.value(fieldKey);
    if (auto *e = qobject_cast<QLineEdit *>(w))
        return e->text().trimmed();
    if (auto *e = qobject_cast<QPlainTextEdit *>(w))
        return e->toPlainText().trimmed();
    if (auto *e = qobject_cast<QComboBox *>(w))
        return e->currentText().trimmed();
    if (auto *e = qobject_cast<QCheckBox *>(w))
        return e->isChecked() ? tr("是") : QString();
    return {};
}

FormContext FormFillPage::context() const
{
    FormContext ctx = m_base;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        const QString now = text(it.key());
        if (now != m_initial.value(it.key()))
            ctx.entries.insert(it.key(), now); // typed: wins over auto-fill, even when cleared
    }
    return ctx;
}

void FormFillPage::edited()
{
    m_dirty = true;
    if (!canSave())
        return;
    m_saveButton->setEnabled(true);
    showStatus(tr("有未保存的修改"), false);
    m_saveTimer->start(); // restarts: saves once typing pauses
}

Result<void> FormFillPage::save()
{
    m_saveTimer->stop();
    if (!canSave())
        return makeError(QStringLiteral("ui.form_not_saved"),
                         tr("此表未关联工单或任务，填写内容无法保存。"));
    if (!m_dirty)
        return {};
    const FormContext now = context();
    auto r = m_entries->save(m_form.number, m_owner, now.entries);
    if (!r) {
        qCWarning(lcUi).noquote() << "form" << m_form.number << "not saved:" << r.error().message;
        const QString what = r.error().code == QLatin1String("store.disk_full")
            ? tr("保存失败：平板存储空间已满。请同步并清理旧数据后点“保存”重试。")
            : tr("保存失败：%1").arg(r.error().message);
        showStatus(what + tr("填写内容仍在屏幕上，没有丢失。"), true);
        return r.error();
    }
    m_base.entries = now.entries;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it)
        m_initial.insert(it.key(), text(it.key()));
    m_dirty = false;
    m_saveButton->setEnabled(false);
    showStatus(tr("已保存（%1）").arg(QLocale().toString(r->updatedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss"))), false);
    emit saved(r->version);
    return {};
}

QString FormFillPage::saveStatus() const
{
    return m_status->text();
}

void FormFillPage::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020; font-weight: bold;")
                                    : QStringLiteral("color: #2e5e2e;"));
}

void FormFillPage::hideEvent(QHideEvent *event)
{
    if (m_dirty && canSave())
        static_cast<void>(save()); // leaving the page: keep what was typed (status shows a failure)
    QWidget::hideEvent(event);
}

Result<RenderInfo> FormFillPage::printTo(QPrinter *printer) const
{
    printer->setPageLayout(FormRenderer::pageLayout(m_form));
    printer->setFullPage(true);
    return FormRenderer::paint(m_form, context(), printer);
}

Result<RenderInfo> FormFillPage::exportPdf(const QString &filePath) const
{
    return FormRenderer::writePdf(m_form, context(), filePath);
}

void FormFillPage::showPrintPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(FormRenderer::pageLayout(m_form));
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("打印预览 — 附录 %1").arg(m_form.number));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter *p) {
        auto r = printTo(p);
        if (!r)
            qCWarning(lcUi).noquote() << r.error().message;
    });
    dialog.exec();
}

QString FormFillPage::suggestedPdfName() const
{
    QString who = m_form.isJobScope() ? m_base.value(QStringLiteral("customer.account_no")) : QString();
    if (who.isEmpty())
        who = m_base.value(QStringLiteral("task.code"));
    if (who.isEmpty())
        who = m_base.value(QStringLiteral("task.name"));
    if (who.isEmpty())
        who = m_form.title;
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\s]+"));
    who.replace(unsafe, QStringLiteral("_"));
    return tr("附录%1_%2.pdf").arg(m_form.number, 2, 10, QLatin1Char('0')).arg(who);
}

void FormFillPage::chooseAndExportPdf()
{
    // Qt's own dialog (as on the tablet), opened window-modal so the event loop keeps running.
    auto *dialog = new QFileDialog(this, tr("导出 PDF"));
    dialog->setObjectName(QStringLiteral("exportPdfDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(tr("PDF 文件 (*.pdf)"));
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(suggestedPdfName());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        auto r = exportPdf(path);
        if (!r) {
            showStatus(tr("导出失败：%1").arg(r.error().message), true);
            QMessageBox::warning(this, tr("导出失败"), r.error().message);
            return;
        }
        showStatus(tr("已导出 PDF：%1").arg(QDir::toNativeSeparators(path)), false);
        if (!r->warnings.isEmpty())
            QMessageBox::information(this, tr("已导出"), r->warnings.join(QLatin1Char('\n')));
        emit pdfExported(path);
    });
    dialog->open();
}

} // namespace ms
