#include "pages/settingspage.h"

#include "catalog/catalogloader.h"
#include "languageswitcher.h"
#include "store/store.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

namespace {
const QList<int> kEdges = {1280, 1600, 2048, 3072};
} // namespace

SettingsPage::SettingsPage(AppContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(32, 20, 32, 20);
    root->setSpacing(14);
    auto *title = new QLabel(tr("设置"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    root->addWidget(title);

    auto section = [&](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setObjectName(QStringLiteral("sectionTitle"));
        root->addWidget(l);
    };
    section(tr("界面语言 / Language"));
    auto *langRow = new QHBoxLayout;
    m_lang = new QButtonGroup(this);
    const QStringList langs = LanguageSwitcher::available();
    for (int i = 0; i < langs.size(); ++i) {
        auto *b = new QPushButton(langs[i] == QLatin1String("zh_CN") ? QStringLiteral("中文")
                                                                     : QStringLiteral("English"),
                                  this);
        b->setCheckable(true);
        b->setChecked(ctx.language.language() == langs[i]);
        b->setMinimumWidth(200);
        m_lang->addButton(b, i);
        langRow->addWidget(b);
    }
    langRow->addStretch();
    root->addLayout(langRow);

    section(tr("照片尺寸（长边像素，越大越清楚、占用越多空间）"));
    auto *edgeRow = new QHBoxLayout;
    m_edge = new QButtonGroup(this);
    const int edge = ctx.photoOptions().longEdge;
    for (int px : kEdges) {
        auto *b = new QPushButton(QString::number(px), this);
        b->setCheckable(true);
        b->setChecked(px == edge);
        b->setMinimumWidth(160);
        m_edge->addButton(b, px);
        edgeRow->addWidget(b);
    }
    edgeRow->addStretch();
    root->addLayout(edgeRow);

    section(tr("卡片目录文件夹（办公室下发的新版卡片；空 = 使用内置卡片）"));
    auto *catRow = new QHBoxLayout;
    const auto savedDir = DeviceSettings(ctx.store).catalogDir();
    m_catalog = new QLineEdit(savedDir ? savedDir.value() : QString(), this);
    m_catalog->setPlaceholderText(tr("内置卡片"));
    catRow->addWidget(m_catalog, 1);
    auto *pick = new QPushButton(tr("选择…"), this);
    auto *apply = new QPushButton(tr("应用"), this);
    auto *builtIn = new QPushButton(tr("用内置"), this);
    catRow->addWidget(pick);
    catRow->addWidget(apply);
    catRow->addWidget(builtIn);
    root->addLayout(catRow);
    m_catalogState = new QLabel(tr("正在使用：%1（%n 张卡片，版本 %2）", nullptr,
                                   int(ctx.catalog.cards.size()))
                                    .arg(ctx.catalogRoot == CatalogLoader::builtInRoot()
                                             ? tr("内置卡片")
                                             : ctx.catalogRoot)
                                    .arg(ctx.catalog.version),
                                this);
    m_catalogState->setObjectName(QStringLiteral("hint"));
    m_catalogState->setWordWrap(true);
    if (!savedDir)
        m_catalogState->setText(tr("读不出保存的卡片目录：%1").arg(savedDir.error().message));
    root->addWidget(m_catalogState);

    section(tr("关于"));
    auto *about = new QLabel(tr("换表通 %1　数据目录：%2")
                                 .arg(QCoreApplication::applicationVersion(), ctx.store.dataDir()),
                             this);
    about->setObjectName(QStringLiteral("hint"));
    about->setWordWrap(true);
    about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    root->addWidget(about);
    root->addStretch();

    connect(m_lang, &QButtonGroup::idClicked, this,
            [this, langs](int id) { setLanguage(langs.value(id)); });
    connect(m_edge, &QButtonGroup::idClicked, this, &SettingsPage::setLongEdge);
    connect(pick, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("选择卡片目录文件夹"));
        if (!dir.isEmpty()) {
            m_catalog->setText(dir);
            setCatalogDir(dir);
        }
    });
    connect(apply, &QPushButton::clicked, this, [this] { setCatalogDir(m_catalog->text().trimmed()); });
    connect(builtIn, &QPushButton::clicked, this, [this] {
        m_catalog->clear();
        setCatalogDir({});
    });
}

void SettingsPage::setLanguage(const QString &language)
{
    if (auto r = DeviceSettings(m_ctx.store).setLanguage(language); !r)
        m_catalogState->setText(r.error().message);
    emit languageChanged(language); // the window switches the translator and rebuilds
}

void SettingsPage::setLongEdge(int px)
{
    if (auto r = DeviceSettings(m_ctx.store).setPhotoLongEdge(px); !r)
        m_catalogState->setText(r.error().message);
    if (QAbstractButton *b = m_edge->button(px))
        b->setChecked(true);
}

bool SettingsPage::setCatalogDir(const QString &dir)
{
    // The folder is used only when its cards load without problems (DeviceSettings checks).
    if (auto r = DeviceSettings(m_ctx.store).setCatalogDir(dir); !r) {
        m_catalogState->setText(r.error().message);
        return false;
    }
    m_catalogState->setText(tr("已保存。重新打开换表通后使用%1。")
                                .arg(dir.isEmpty() ? tr("内置卡片") : dir));
    return true;
}

} // namespace ms
