#include "media/signature.h"

#include "model/sha256.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace ms {

namespace {

QString sha256(const QByteArray &bytes)
{
    return Sha256::hexOf(bytes);
}
} // namespace

void Signature::beginStroke(QPointF pos, qint64 t)
{
    m_strokes.append(SignatureStroke{SignaturePoint{pos, t}});
}

void Signature::addPoint(QPointF pos, qint64 t)
{
    if (m_strokes.isEmpty()) {
        beginStroke(pos, t);
        return;
    }
    m_strokes.last().append(SignaturePoint{pos, t});
}

void Signature::undo()
{
    if (!m_strokes.isEmpty())
        m_strokes.removeLast();
}

void Signature::clear()
{
    m_strokes.clear();
}

int Signature::pointCount() const
{
    int n = 0;
    for (const auto &s : m_strokes)
        n += int(s.size());
    return n;
}

double Signature::inkLength() const
{
    double len = 0;
    for (const auto &s : m_strokes)
        for (qsizetype i = 1; i < s.size(); ++i) {
            const QPointF d = s[i].pos - s[i - 1].pos;
            len += std::hypot(d.x(), d.y());
        }
    return len;
}

QString SignatureRenderer::summarySha256(const QString &summaryText)
{
    return sha256(summaryText.toUtf8());
}

void SignatureRenderer::paintStrokes(QPainter &painter, const Signature &signature)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::black, 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const auto &stroke : signature.strokes()) {
        if (stroke.size() == 1) {
            painter.drawPoint(stroke.first().pos);
            continue;
        }
        QPainterPath path(stroke.first().pos);
        for (qsizetype i = 1; i < stroke.size(); ++i)
            path.lineTo(stroke[i].pos);
        painter.drawPath(path);
    }
    painter.restore();
}

Result<SignatureArtifact> SignatureRenderer::render(const Signature &signature,
                                                    const QString &summaryText, double minInkLength)
{
    if (signature.isEmpty())
        return makeError(QStringLiteral("signature.empty"),
                         QCoreApplication::translate("ms::SignatureRenderer", "还没有签名：请在签名框内用手指或笔签名。"));
    if (signature.inkLength() < minInkLength)
        return makeError(QStringLiteral("signature.too_short"),
                         QCoreApplication::translate("ms::SignatureRenderer", "签名太短，看起来像误触：请清除后重新签写完整姓名。"));
    if (summaryText.trimmed().isEmpty())
        return makeError(QStringLiteral("signature.no_summary"),
                         QCoreApplication::translate("ms::SignatureRenderer", "没有给签字人看的确认内容：请返回填写换表信息后再签名。"));
    const QSize canvas = signature.canvas().isValid() ? signature.canvas() : QSize(800, 300);

    QImage image(canvas, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        paintStrokes(p, signature);
    }
    SignatureArtifact out;
    {
        QBuffer buffer(&out.png);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return makeError(QStringLiteral("signature.encode_failed"),
                             QCoreApplication::translate("ms::SignatureRenderer", "签名图片无法保存：请重试。"));
    }
    out.pngSha256 = sha256(out.png);
    out.summarySha256 = summarySha256(summaryText);

    QJsonArray strokes;
    for (const auto &stroke : signature.strokes()) {
        QJsonArray pts;
        for (const auto &pt : stroke)
            pts.append(QJsonArray{std::round(pt.pos.x() * 10) / 10, std::round(pt.pos.y() * 10) / 10,
                                  double(pt.t)});
        strokes.append(pts);
    }
    const QJsonObject root{{QStringLiteral("format"), 1},
                           {QStringLiteral("canvas"), QJsonArray{canvas.width(), canvas.height()}},
                           {QStringLiteral("summary_sha256"), out.summarySha256},
                           {QStringLiteral("png_sha256"), out.pngSha256},
                           {QStringLiteral("strokes"), strokes}};
    out.pointsJson = QJsonDocument(root).toJson(QJsonDocument::Compact);
    out.pointsSha256 = sha256(out.pointsJson);
    return out;
}

Result<Signature> SignatureRenderer::fromPointsJson(const QByteArray &json, QString *summarySha)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    const QJsonObject root = doc.object();
    if (err.error != QJsonParseError::NoError || root.value(QStringLiteral("format")).toInt() != 1)
        return makeError(QStringLiteral("signature.bad_json"),
                         QCoreApplication::translate("ms::SignatureRenderer", "签名笔迹数据无法读取：文件已损坏或格式不对。"));
    const QJsonArray canvas = root.value(QStringLiteral("canvas")).toArray();
    Signature sig(QSize(canvas.at(0).toInt(), canvas.at(1).toInt()));
    for (const auto &strokeValue : root.value(QStringLiteral("strokes")).toArray()) {
        const QJsonArray stroke = strokeValue.toArray();
        bool first = true;
        for (const auto &ptValue : stroke) {
            const QJsonArray pt = ptValue.toArray();
            const QPointF pos(pt.at(0).toDouble(), pt.at(1).toDouble());
            const auto t = qint64(pt.at(2).toDouble());
            if (first)
                sig.beginStroke(pos, t);
            else
                sig.addPoint(pos, t);
            first = false;
        }
    }
    if (summarySha)
        *summarySha = root.value(QStringLiteral("summary_sha256")).toString();
    return sig;
}

bool SignatureRenderer::isBoundTo(const QByteArray &pointsJson, const QString &summaryText)
{
    QString bound;
    auto sig = fromPointsJson(pointsJson, &bound);
    return sig.ok() && !bound.isEmpty() && bound == summarySha256(summaryText);
}

} // namespace ms
