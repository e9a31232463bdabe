#include "report/formpainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

namespace ms {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::FormRenderer)
};

constexpr double kMargin = 15;      // mm, all sides
constexpr double kRowHeight = 8;    // mm, one line of a field grid
constexpr double kTableRow = 8;     // mm, one line of a list table
constexpr double kRuleSpacing = 8;  // mm, ruled lines for hand-written text
constexpr double kPad = 1.6;        // mm, padding inside a cell
constexpr double kSignHeight = 24;  // mm, room for a pen signature
const QColor kShade(236, 236, 236);
const QColor kRule(170, 170, 170);

bool isTicked(const QString &v)
{
    static const QStringList yes{QStringLiteral("yes"), QStringLiteral("true"), QStringLiteral("1"),
                                 QStringLiteral("是"), QStringLiteral("√"), QStringLiteral("✓")};
    return yes.contains(v.trimmed(), Qt::CaseInsensitive);
}
} // namespace

FormPainter::FormPainter(const FormSpec &form, const FormContext &context, QPaintDevice *device,
                         QString fontFamily)
    : m_form(form), m_ctx(context), m_device(device), m_family(std::move(fontFamily))
{
    m_pxPerMm = device->logicalDpiY() / 25.4;
    m_content = QRectF(mm(kMargin), mm(kMargin), device->width() - 2 * mm(kMargin),
                       device->height() - 2 * mm(kMargin));
    m_bottom = m_content.bottom() - mm(9); // footer
}

QFont FormPainter::font(double points, bool bold) const
{
    QFont f(m_family);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

double FormPainter::textHeight(const QString &s, const QFont &f, double width) const
{
    if (s.isEmpty())
        return 0;
    const QFontMetricsF fm(f, m_device);
    return fm.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, s).height();
}

void FormPainter::text(const QRectF &r, int flags, const QString &s, const QFont &f,
                       const QColor &color)
{
    if (!m_p || s.isEmpty())
        return;
    m_p->setFont(f);
    m_p->setPen(color);
    m_p->drawText(r, flags | Qt::TextWordWrap, s);
}

void FormPainter::box(const QRectF &r, bool shaded)
{
    if (!m_p)
        return;
    if (shaded)
        m_p->fillRect(r, kShade);
    m_p->setPen(QPen(Qt::black, mm(0.25)));
    m_p->setBrush(Qt::NoBrush);
    m_p->drawRect(r);
}

int FormPainter::run(QPainter *painter, int totalPages, const std::function<bool()> &nextPage)
{
    m_p = painter;
    m_total = totalPages;
    m_nextPage = nextPage;
    m_page = 0;
    startPage();
    for (const auto &b : m_form.blocks) {
        switch (b.type) {
        case FormBlock::Type::Fields: fieldsBlock(b); break;
        case FormBlock::Type::Table: tableBlock(b); break;
        case FormBlock::Type::Text: textBlock(b); break;
        case FormBlock::Type::Signatures: signaturesBlock(b); break;
        }
        m_y += mm(3);
    }
    footer();
    return m_page;
}

void FormPainter::startPage()
{
    ++m_page;
    m_y = m_content.top();
    header();
}

void FormPainter::breakPage()
{
    footer();
    if (m_p && m_nextPage)
        m_nextPage();
    startPage();
}

void FormPainter::ensure(double height)
{
    if (!fits(height) && m_y > m_content.top() + mm(30))
        breakPage();
}

QString FormPainter::documentNumber() const
{
    const QString explicitNo = m_ctx.value(QStringLiteral("doc.number"));
    if (!explicitNo.isEmpty())
        return explicitNo;
    const QString serial = m_ctx.value(QStringLiteral("doc.serial"));
    return m_form.numberPrefix + QLatin1Char('-')
        + (serial.isEmpty() ? QStringLiteral("＿＿＿＿＿＿") : serial);
}

void FormPainter::header()
{
    if (m_form.header)
        unitLine();
    const QString title = m_page == 1 ? m_form.title : Tr::tr("%1（续）").arg(m_form.title);
    const QFont tf = font(m_page == 1 ? 17 : 12, true);
    const double th = textHeight(title, tf, m_content.width()) + mm(2);
    text(QRectF(m_content.left(), m_y, m_content.width(), th), Qt::AlignHCenter | Qt::AlignVCenter,
         title, tf);
    m_y += th + mm(3);
}

void FormPainter::unitLine()
{
    const QFont small = font(9);
    const double h = mm(6);
    const QString unit = m_ctx.value(QStringLiteral("unit.name"));
    text(QRectF(m_content.left(), m_y, m_content.width() * 0.6, h), Qt::AlignLeft | Qt::AlignVCenter,
         Tr::tr("单位：%1").arg(unit.isEmpty() ? QStringLiteral("＿＿＿＿＿＿＿＿＿＿") : unit), small);
    text(QRectF(m_content.left() + m_content.width() * 0.4, m_y, m_content.width() * 0.6, h),
         Qt::AlignRight | Qt::AlignVCenter, Tr::tr("编号：%1").arg(documentNumber()), small);
    m_y += h;
    if (m_p) {
        m_p->setPen(QPen(Qt::black, mm(0.4)));
        m_p->drawLine(QPointF(m_content.left(), m_y), QPointF(m_content.right(), m_y));
    }
    m_y += mm(2);
}

void FormPainter::footer()
{
    const QFont small = font(8.5);
    const QRectF r(m_content.left(), m_content.bottom() - mm(6), m_content.width(), mm(6));
    const QString pages = m_total > 0 ? Tr::tr("第 %1 页 共 %2 页").arg(m_page).arg(m_total)
                                      : Tr::tr("第 %1 页").arg(m_page);
    text(r, Qt::AlignHCenter | Qt::AlignVCenter, pages, small);
    text(r, Qt::AlignLeft | Qt::AlignVCenter, Tr::tr("附录 %1").arg(m_form.number), small, Qt::darkGray);
}

void FormPainter::sectionBand(const QString &title)
{
    const QFont f = font(10.5, true);
    const double h = mm(7.5);
    ensure(h + mm(kRowHeight));
    const QRectF r(m_content.left(), m_y, m_content.width(), h);
    box(r, true);
    text(r.adjusted(mm(2), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, title, f);
    m_y += h;
}

void FormPainter::fieldsBlock(const FormBlock &b)
{
    if (!b.title.isEmpty())
        sectionBand(b.title);
    const int cols = b.columns;
    const double colWidth = m_content.width() / cols;
    const double labelWidth = mm(cols >= 3 ? 26 : 32);
    const QFont labelFont = font(9.5);
    const QFont valueFont = font(10.5);

    // Pack fields into rows of `cols` grid columns.
    QList<QList<const FormField *>> rows(1);
    int used = 0;
    for (const auto &f : b.fields) {
        const int span = qBound(1, f.span, cols);
        if (used + span > cols) {
            rows.append(QList<const FormField *>());
            used = 0;
        }
        rows.last().append(&f);
        used += span;
    }
    for (const auto &row : rows) {
        double h = mm(kRowHeight);
        for (const FormField *f : row) {
            const double w = colWidth * qBound(1, f->span, cols) - labelWidth;
            h = std::max(h, textHeight(f->label, labelFont, labelWidth - 2 * mm(kPad)) + 2 * mm(kPad));
            if (f->kind == QLatin1String("multiline"))
                h = std::max(h, mm(kRuleSpacing) * f->lines);
            h = std::max(h, textHeight(m_ctx.fieldValue(*f), valueFont, w - 2 * mm(kPad)) + 2 * mm(kPad));
            if (f->kind == QLatin1String("choice"))
                h = std::max(h, checkBoxesHeight(w - 2 * mm(kPad), f->options) + 2 * mm(kPad));
        }
        ensure(h);
        double x = m_content.left();
        for (const FormField *f : row) {
            const double w = colWidth * qBound(1, f->span, cols);
            const QRectF label(x, m_y, labelWidth, h);
            const QRectF value(x + labelWidth, m_y, w - labelWidth, h);
            box(label, true);
            box(value);
            text(label.adjusted(mm(kPad), mm(kPad), -mm(kPad), -mm(kPad)),
                 Qt::AlignLeft | Qt::AlignVCenter, f->label, labelFont);
            drawValue(*f, value);
            x += w;
        }
        if (x < m_content.right() - 1) // unused grid columns stay an empty bordered cell
            box(QRectF(x, m_y, m_content.right() - x, h));
        m_y += h;
    }
}

void FormPainter::drawValue(const FormField &f, const QRectF &r)
{
    const QString v = m_ctx.fieldValue(f);
    const QRectF inner = r.adjusted(mm(kPad), mm(kPad), -mm(kPad), -mm(kPad));
    if (f.kind == QLatin1String("check")) {
        checkBoxes(inner, {Tr::tr("是")}, isTicked(v) ? Tr::tr("是") : QString());
        return;
    }
    if (f.kind == QLatin1String("choice") && (v.isEmpty() || f.options.contains(v))) {
        checkBoxes(inner, f.options, v);
        return;
    }
    if (f.kind == QLatin1String("multiline") && v.isEmpty() && m_p) {
        m_p->setPen(QPen(kRule, mm(0.15), Qt::DashLine));
        for (double y = r.top() + mm(kRuleSpacing); y < r.bottom() - mm(1); y += mm(kRuleSpacing))
            m_p->drawLine(QPointF(r.left() + mm(2), y), QPointF(r.right() - mm(2), y));
        return;
    }
    if ((f.kind == QLatin1String("date") || f.kind == QLatin1String("datetime")) && v.isEmpty()) {
        // Blanks for a hand-written date, as long as the cell allows.
        const QFontMetricsF fm(font(10.5), m_device);
        const QStringList candidates = f.kind == QLatin1String("date")
            ? QStringList{Tr::tr("　　　年　　月　　日"), Tr::tr("　年　月　日")}
            : QStringList{Tr::tr("　　　年　　月　　日　　时　　分"), Tr::tr("　年　月　日　时　分"), Tr::tr("　月　日　时　分")};
        for (const QString &c : candidates) {
            if (fm.horizontalAdvance(c) <= inner.width()) {
                text(inner, Qt::AlignRight | Qt::AlignVCenter, c, font(10.5));
                break;
            }
        }
        return;
    }
    const int valign = f.kind == QLatin1String("multiline") ? Qt::AlignTop : Qt::AlignVCenter;
    text(inner, Qt::AlignLeft | valign, v, font(10.5));
}

double FormPainter::checkBoxesHeight(double width, const QStringList &options) const
{
    const QFontMetricsF fm(font(10), m_device);
    double x = 0;
    int lines = 1;
    for (const auto &opt : options) {
        const double w = mm(3.2) + mm(1.2) + fm.horizontalAdvance(opt) + mm(4);
        if (x + w > width && x > 0) {
            x = 0;
            ++lines;
        }
        x += w;
    }
    return lines * mm(6);
}

void FormPainter::checkBoxes(const QRectF &r, const QStringList &options, const QString &chosen)
{
    const QFont f = font(10);
    const QFontMetricsF fm(f, m_device);
    const double side = mm(3.2);
    double x = r.left();
    const double used = checkBoxesHeight(r.width(), options);
    double y = r.top() + std::max(0.0, (r.height() - used) / 2) + (mm(6) - side) / 2;
    for (const auto &opt : options) {
        const double w = side + mm(1.2) + fm.horizontalAdvance(opt) + mm(4);
        if (x + w > r.right() && x > r.left()) {
            x = r.left();
            y += mm(6);
        }
        if (m_p) {
            const QRectF sq(x, y, side, side);
            m_p->setPen(QPen(Qt::black, mm(0.25)));
            m_p->setBrush(Qt::NoBrush);
            m_p->drawRect(sq);
            if (opt == chosen) {
                QPainterPath tick;
                tick.moveTo(sq.left() + side * 0.18, sq.top() + side * 0.55);
                tick.lineTo(sq.left() + side * 0.42, sq.top() + side * 0.80);
                tick.lineTo(sq.left() + side * 0.85, sq.top() + side * 0.18);
                m_p->setPen(QPen(Qt::black, mm(0.5)));
                m_p->drawPath(tick);
            }
        }
        text(QRectF(x + side + mm(1.2), y - mm(1.5), w, side + mm(3)), Qt::AlignLeft | Qt::AlignVCenter,
             opt, f);
        x += w;
    }
}

void FormPainter::tableHeader(const FormBlock &b, const QList<double> &widths)
{
    const QFont f = font(9.5, true);
    double h = mm(kRowHeight);
    for (qsizetype i = 0; i < widths.size(); ++i)
        h = std::max(h, textHeight(b.tableColumns.at(i).label, f, widths.at(i) - 2 * mm(kPad)) + 2 * mm(kPad));
    double x = m_content.left();
    for (qsizetype i = 0; i < widths.size(); ++i) {
        const QRectF r(x, m_y, widths.at(i), h);
        box(r, true);
        text(r.adjusted(mm(kPad), mm(kPad), -mm(kPad), -mm(kPad)), Qt::AlignCenter,
             b.tableColumns.at(i).label, f);
        x += widths.at(i);
    }
    m_y += h;
}

void FormPainter::tableBlock(const FormBlock &b)
{
    if (!b.title.isEmpty())
        sectionBand(b.title);
    double total = 0;
    for (const auto &c : b.tableColumns)
        total += c.width;
    QList<double> widths;
    for (const auto &c : b.tableColumns)
        widths.append(m_content.width() * c.width / total);

    // The rows: from the context's list (filtered), or authored in the form, then blank rows.
    QList<FormRow> rows;
    if (b.rows == QLatin1String("static")) {
        const int first = (!b.tableColumns.isEmpty()
                           && b.tableColumns.first().source == QLatin1String("row.index")) ? 1 : 0;
        for (const auto &cells : b.staticRows) {
            FormRow row;
            for (qsizetype i = 0; i < cells.size() && first + i < b.tableColumns.size(); ++i)
                row.values.insert(QStringLiteral("col.") + b.tableColumns.at(first + i).key, cells.at(i));
            rows.append(row);
        }
    } else if (b.rows != QLatin1String("blank")) {
        for (const auto &row : m_ctx.lists.value(b.rows))
            if (b.filter.isEmpty() || row.tags.contains(b.filter))
                rows.append(row);
    }
    const qsizetype filled = rows.size();
    while (rows.size() < b.minRows)
        rows.append(FormRow{});

    const QFont f = font(9);
    ensure(mm(kTableRow) * 3);
    tableHeader(b, widths);
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const FormRow &row = rows.at(r);
        QStringList cells;
        for (const auto &c : b.tableColumns) {
            QString v = row.values.value(QStringLiteral("col.") + c.key);
            if (v.isEmpty() && c.source == QLatin1String("row.index") && r < filled)
                v = QString::number(r + 1);
            else if (v.isEmpty() && !c.source.isEmpty())
                v = row.values.value(c.source);
            cells.append(v);
        }
        double h = mm(kTableRow);
        for (qsizetype i = 0; i < cells.size(); ++i)
            h = std::max(h, textHeight(cells.at(i), f, widths.at(i) - 2 * mm(kPad)) + 2 * mm(kPad));
        if (!fits(h)) {
            breakPage();
            tableHeader(b, widths);
        }
        double x = m_content.left();
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const QRectF cell(x, m_y, widths.at(i), h);
            box(cell);
            const FormColumn &c = b.tableColumns.at(i);
            if (c.source.startsWith(QLatin1String("signature."))) {
                const auto sig = row.signatures.value(c.source.mid(10));
                if (!sig.image.isNull())
                    signature(cell.adjusted(mm(0.5), mm(0.5), -mm(0.5), -mm(0.5)), sig.image);
            }
            const int align = c.source == QLatin1String("row.index") ? Qt::AlignHCenter : int(c.align);
            text(cell.adjusted(mm(kPad), mm(kPad), -mm(kPad), -mm(kPad)), align | Qt::AlignVCenter,
                 cells.at(i), f);
            x += widths.at(i);
        }
        m_y += h;
    }
}

void FormPainter::textBlock(const FormBlock &b)
{
    const bool huge = b.size == QLatin1String("huge");
    const bool large = b.size == QLatin1String("large");
    const QFont f = font(huge ? 54 : large ? 22 : 11.5, huge || large);
    const int align = b.align == Qt::AlignLeft ? Qt::AlignLeft
                    : b.align == Qt::AlignRight ? Qt::AlignRight : Qt::AlignHCenter;
    if (huge)
        m_y += mm(12);
    for (const QString &para : b.paragraphs) {
        QString s = m_ctx.expand(para);
        // Chinese body text: first line indented two characters, except a salutation ("…：").
        if (align == Qt::AlignLeft && !huge && !large && !s.endsWith(QStringLiteral("：")))
            s.prepend(QStringLiteral("　　"));
        const double h = textHeight(s, f, m_content.width()) + mm(1);
        ensure(h);
        text(QRectF(m_content.left(), m_y, m_content.width(), h), align | Qt::AlignTop, s, f);
        m_y += h + mm(huge ? 10 : 2);
    }
}

void FormPainter::signature(const QRectF &r, const QImage &image)
{
    if (!m_p || image.isNull())
        return;
    const QSizeF fitted = QSizeF(image.size()).scaled(r.size(), Qt::KeepAspectRatio);
    const QRectF target(r.center().x() - fitted.width() / 2, r.center().y() - fitted.height() / 2,
                        fitted.width(), fitted.height());
    m_p->drawImage(target, image);
}

void FormPainter::signaturesBlock(const FormBlock &b)
{
    const int perRow = m_form.landscape ? 4 : 3;
    const double gap = mm(5);
    const double w = (m_content.width() - gap * (perRow - 1)) / perRow;
    const QFont labelFont = font(10);
    const QFont small = font(9);
    const double labelH = mm(6);
    const double dateH = b.signDate ? mm(6) : 0;
    // Many signers (a briefing signed by the whole crew): smaller boxes, still room for a pen.
    const double signH = b.signers.size() > perRow ? mm(16) : mm(kSignHeight);
    const double rowH = labelH + signH + dateH + mm(3);
    for (qsizetype start = 0; start < b.signers.size(); start += perRow) {
        ensure(rowH);
        double x = m_content.left();
        for (qsizetype i = start; i < std::min(start + perRow, b.signers.size()); ++i) {
            const FormSigner &s = b.signers.at(i);
            const FormSignature sig = m_ctx.signatures.value(s.signer);
            text(QRectF(x, m_y, w, labelH), Qt::AlignLeft | Qt::AlignVCenter,
                 Tr::tr("%1（签字）").arg(s.label), labelFont);
            const QRectF area(x, m_y + labelH, w, signH);
            box(area);
            signature(area.adjusted(mm(2), mm(2), -mm(2), -mm(2)), sig.image);
            if (!sig.name.isEmpty())
                text(area.adjusted(mm(1), 0, -mm(1.5), -mm(0.8)), Qt::AlignRight | Qt::AlignBottom,
                     sig.name, small, Qt::darkGray);
            if (b.signDate) {
                const QString date = sig.at.isValid()
                    ? Tr::tr("日期：%1").arg(sig.at.toString(QStringLiteral("yyyy年M月d日")))
                    : Tr::tr("日期：　　　　年　　月　　日");
                text(QRectF(x, area.bottom(), w, dateH), Qt::AlignLeft | Qt::AlignVCenter, date, small);
            }
            x += w + gap;
        }
        m_y += rowH;
    }
}

} // namespace ms
