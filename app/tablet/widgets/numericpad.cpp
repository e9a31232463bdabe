#include "widgets/numericpad.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>

namespace ms {

NumericPad::NumericPad(bool withDecimalPoint, QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setSpacing(10);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList keys = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                              QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"),
                              QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"),
                              withDecimalPoint ? QStringLiteral(".") : QString(),
                              QStringLiteral("0"), QStringLiteral("⌫")};
    for (int i = 0; i < keys.size(); ++i) {
        if (keys[i].isEmpty())
            continue;
        auto *b = new QPushButton(keys[i], this);
        b->setObjectName(QStringLiteral("key"));
        b->setFocusPolicy(Qt::NoFocus);
        b->setAccessibleName(keys[i] == QStringLiteral("⌫") ? tr("退格") : keys[i]);
        b->setProperty("key", keys[i]);
        grid->addWidget(b, i / 3, i % 3);
        const QString key = keys[i];
        connect(b, &QPushButton::clicked, this, [this, key] { press(key); });
    }
}

void NumericPad::press(const QString &key)
{
    if (!m_target)
        return;
    if (key == QStringLiteral("⌫"))
        m_target->backspace();
    else
        m_target->insert(key);
    emit typed();
}

} // namespace ms
