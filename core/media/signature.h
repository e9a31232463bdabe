#pragma once
// A signature as captured on the pad: strokes of timed points. Saved as a PNG (what a printed
// form shows) plus the stroke points as JSON (what proves how it was drawn), both bound to the
// SHA-256 of the summary text the signer was shown, so a signature cannot be moved to another job.
#include "model/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QSize>
#include <QString>

class QPainter;

namespace ms {

struct SignaturePoint
{
    QPointF pos;  // in pad coordinates
    qint64 t = 0; // ms since the first point of the signature
};

using SignatureStroke = QList<SignaturePoint>;

class Signature
{
public:
    Signature() = default;
    explicit Signature(QSize canvas) : m_canvas(canvas) {}

    QSize canvas() const { return m_canvas; }
    void setCanvas(QSize canvas) { m_canvas = canvas; }
    const QList<SignatureStroke> &strokes() const { return m_strokes; }

    void beginStroke(QPointF pos, qint64 t);
    void addPoint(QPointF pos, qint64 t); // to the current stroke
    void undo();                          // removes the last stroke
    void clear();
    bool isEmpty() const { return m_strokes.isEmpty(); }
    int pointCount() const;
    double inkLength() const; // total stroke length in px, to reject a dot or a stray tap

private:
    QSize m_canvas{800, 300};
    QList<SignatureStroke> m_strokes;
};

struct SignatureArtifact
{
    QByteArray png;           // rendered strokes, black on white, canvas size
    QString pngSha256;
    QByteArray pointsJson;    // {"format":1,"canvas":[w,h],"summary_sha256":..,"strokes":[[[x,y,t]..]..]}
    QString pointsSha256;
    QString summarySha256;    // SHA-256 of the UTF-8 summary text shown to the signer
};

class SignatureRenderer
{
public:
    // Fails (with a message to show) when the signature is empty or too short to be one.
    static Result<SignatureArtifact> render(const Signature &signature, const QString &summaryText,
                                            double minInkLength = 40.0);
    // Draws the strokes as the saved PNG shows them (black, 3 px, round): the pad paints with
    // this too, so what the signer sees is what is saved.
    static void paintStrokes(QPainter &painter, const Signature &signature);
    static QString summarySha256(const QString &summaryText);
    // Reads points JSON back (for review and for tests).
    static Result<Signature> fromPointsJson(const QByteArray &json, QString *summarySha256 = nullptr);
    // True when `pointsJson` was made for exactly this summary text.
    static bool isBoundTo(const QByteArray &pointsJson, const QString &summaryText);
};

} // namespace ms
