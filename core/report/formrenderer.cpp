#include "report/formrenderer.h"

#include "report/cjkfont.h"
#include "report/formpainter.h"

#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace ms {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::FormRenderer", text);
}
} // namespace

QPageLayout FormRenderer::pageLayout(const FormSpec &form)
{
    return QPageLayout(QPageSize(QPageSize::A4),
                       form.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
}

Result<RenderInfo> FormRenderer::paint(const FormSpec &form, const FormContext &context,
                                       QPagedPaintDevice *device)
{
    const CjkFont cjk = CjkFont::ensure();
    RenderInfo info;
    info.fontFamily = cjk.family;
    if (!cjk.warning.isEmpty())
        info.warnings.append(cjk.warning);

    FormPainter layout(form, context, device, cjk.family);
    const int pages = layout.run(nullptr, 0, {}); // measure
    QPainter painter;
    if (!painter.begin(device))
        return makeError(QStringLiteral("report.io"),
                         tr("无法开始打印附录 %1：打印设备不可用。").arg(form.number));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    info.pages = layout.run(&painter, pages, [device] { return device->newPage(); });
    painter.end();
    return info;
}

Result<RenderInfo> FormRenderer::writePdf(const FormSpec &form, const FormContext &context,
                                          const QString &filePath)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(QStringLiteral("report.io"),
                         tr("无法写入 %1：%2。请换一个有写权限的位置。").arg(filePath, file.errorString()));
    Result<RenderInfo> result = RenderInfo{};
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(pageLayout(form));
        writer.setTitle(tr("附录%1 %2").arg(form.number).arg(form.title));
        writer.setCreator(QStringLiteral("MeterSwap 换表通"));
        result = paint(form, context, &writer);
    } // the writer finishes the PDF when it goes away
    if (!result)
        return result;
    if (!file.commit())
        return makeError(QStringLiteral("report.io"),
                         tr("无法保存 %1：%2。请检查磁盘空间。").arg(filePath, file.errorString()));
    return result;
}

} // namespace ms
