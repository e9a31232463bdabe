#pragma once
// Internal to FormRenderer: lays a form out page by page. Run once without a painter to count
// the pages, then with one to draw (so the footer can say "共 M 页").
#include "report/formcontext.h"
#include "report/formspec.h"

#include <QColor>
#include <QFont>
#include <QRectF>

#include <functional>

class QPainter;
class QPaintDevice;

namespace ms {

class FormPainter
{
public:
    FormPainter(const FormSpec &form, const FormContext &context, QPaintDevice *device,
                QString fontFamily);
    // Lays out (and draws when painter is set). Calls newPage() on the device through
    // `nextPage` between pages. Returns the number of pages.
    int run(QPainter *painter, int totalPages, const std::function<bool()> &nextPage);

private:
    double mm(double v) const { return v * m_pxPerMm; }
    QFont font(double points, bool bold = false) const;
    double textHeight(const QString &text, const QFont &f, double width) const;
    void text(const QRectF &r, int flags, const QString &s, const QFont &f,
              const QColor &color = Qt::black);
    void box(const QRectF &r, bool shaded = false);

    void startPage();
    void breakPage();
    bool fits(double height) const { return m_y + height <= m_bottom; }
    void ensure(double height);
    void header();   // the unit/number line (unless the form has none) and the title
    void unitLine();
    void footer();

    void sectionBand(const QString &title);
    void fieldsBlock(const FormBlock &b);
    void drawValue(const FormField &f, const QRectF &r);
    double checkBoxesHeight(double width, const QStringList &options) const;
    void checkBoxes(const QRectF &r, const QStringList &options, const QString &chosen);
    void tableBlock(const FormBlock &b);
    void tableHeader(const FormBlock &b, const QList<double> &widths);
    void textBlock(const FormBlock &b);
    void signaturesBlock(const FormBlock &b);
    void signature(const QRectF &r, const QImage &image);
    QString documentNumber() const;

    const FormSpec &m_form;
    const FormContext &m_ctx;
    QPaintDevice *m_device;
    QString m_family;
    double m_pxPerMm = 1;
    QRectF m_content;
    double m_bottom = 0;
    double m_y = 0;
    int m_page = 0;
    int m_total = 0;
    QPainter *m_p = nullptr;
    std::function<bool()> m_nextPage;
};

} // namespace ms
