#pragma once
// 设置: language (中文 / English, switched at once), photo size, catalog folder.
#include "appcontext.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;

namespace ms {

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(AppContext &ctx, QWidget *parent = nullptr);

    void setLanguage(const QString &language);
    void setLongEdge(int px);
    bool setCatalogDir(const QString &dir); // validated; "" = built-in

signals:
    void languageChanged(const QString &language);

private:
    AppContext &m_ctx;
    QButtonGroup *m_lang = nullptr;
    QButtonGroup *m_edge = nullptr;
    QLineEdit *m_catalog = nullptr;
    QLabel *m_catalogState = nullptr;
};

} // namespace ms
