#pragma once
// The Chinese font every printed form uses. WenQuanYi Micro Hei (fonts-wqy-microhei) is loaded
// from its file and embedded by QPdfWriter; when it is missing, any installed font that covers
// Simplified Chinese is used and a warning says what to install. Needs a QGuiApplication.
#include <QString>

namespace ms {

struct CjkFont
{
    QString family;   // font family to use ("WenQuanYi Micro Hei")
    QString warning;  // empty when the preferred font is there; else what is wrong and what to do

    static QString preferredFile()
    {
        return QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    }
    // Registers the preferred font with QFontDatabase (once per process; later calls find it).
    static CjkFont ensure(const QString &fontFile = preferredFile());
};

} // namespace ms
