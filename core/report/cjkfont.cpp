#include "report/cjkfont.h"

#include "report/reportlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontDatabase>

namespace ms {

CjkFont CjkFont::ensure(const QString &fontFile)
{
    static const QString preferred = QStringLiteral("WenQuanYi Micro Hei");
    CjkFont font;
    if (QFontDatabase::families().contains(preferred)) {
        font.family = preferred;
        return font;
    }
    if (QFile::exists(fontFile)) {
        const int id = QFontDatabase::addApplicationFont(fontFile);
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        if (id >= 0 && !families.isEmpty()) {
            font.family = families.first();
            return font;
        }
    }
    const QStringList chinese = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    font.family = chinese.isEmpty() ? QString() : chinese.first();
    font.warning = chinese.isEmpty()
        ? QCoreApplication::translate("ms::CjkFont",
                                      "找不到中文字体 %1，也没有其他可用的中文字体，打印出的中文会显示为方框。"
                                      "请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei）后重新打印。")
              .arg(fontFile)
        : QCoreApplication::translate("ms::CjkFont",
                                      "找不到中文字体 %1，暂用“%2”代替。建议安装 fonts-wqy-microhei 以保证打印效果一致。")
              .arg(fontFile, font.family);
    qCWarning(lcReport).noquote() << font.warning;
    return font;
}

} // namespace ms
