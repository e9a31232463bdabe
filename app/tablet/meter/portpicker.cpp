#include "meter/portpicker.h"

#include "style.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSerialPortInfo>

namespace ms {

PortPicker::PortPicker(QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_combo = new QComboBox(this);
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setMinimumHeight(style::kTouch);
    m_combo->setMinimumWidth(360);
    m_combo->lineEdit()->setPlaceholderText(tr("选择串口或输入路径，如 /dev/ttyUSB0"));
    m_refresh = new QPushButton(tr("刷新"), this);
    m_refresh->setMinimumSize(style::kTouch * 2, style::kTouch);
    row->addWidget(m_combo, 1);
    row->addWidget(m_refresh);
    connect(m_refresh, &QPushButton::clicked, this, &PortPicker::refresh);
    connect(m_combo, &QComboBox::currentTextChanged, this,
            [this](const QString &) { emit portChanged(portName()); });
    refresh();
}

void PortPicker::refresh()
{
    const QString typed = portName();
    m_combo->clear();
    for (const QSerialPortInfo &info : QSerialPortInfo::availablePorts()) {
        const QString label = info.description().isEmpty()
                                  ? info.systemLocation()
                                  : QStringLiteral("%1 — %2").arg(info.systemLocation(), info.description());
        m_combo->addItem(label, info.systemLocation());
    }
    if (!typed.isEmpty())
        setPortName(typed);
}

QString PortPicker::portName() const
{
    const int i = m_combo->currentIndex();
    const QString text = m_combo->currentText().trimmed();
    if (i >= 0 && m_combo->itemText(i) == m_combo->currentText())
        return m_combo->itemData(i).toString();
    return text;
}

void PortPicker::setPortName(const QString &name)
{
    const int i = m_combo->findData(name);
    if (i >= 0)
        m_combo->setCurrentIndex(i);
    else
        m_combo->setEditText(name);
}

} // namespace ms
