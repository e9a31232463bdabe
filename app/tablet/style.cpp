#include "style.h"

#include <QApplication>
#include <QFont>

namespace ms::style {

QColor statusColor(JobStatus status)
{
    switch (status) {
    case JobStatus::NotStarted: return QColor(0x4a, 0x4a, 0x4a);
    case JobStatus::InProgress: return QColor(0xb0, 0x4a, 0x00);
    case JobStatus::WaitingAppointment: return QColor(0x5b, 0x2c, 0x9c);
    case JobStatus::Done: return QColor(0x1b, 0x6e, 0x2a);
    }
    return Qt::black;
}

QColor stateColor(JobState state, JobStatus status)
{
    switch (state) {
    case JobState::Submitted:
    case JobState::Resubmitted:
        return QColor(0x0b, 0x3d, 0x7a);
    case JobState::SentBack:
        return QColor(0xb3, 0x12, 0x12);
    case JobState::Approved:
        return QColor(0x1b, 0x6e, 0x2a);
    default:
        return statusColor(status);
    }
}

QString statusText(JobStatus status)
{
    switch (status) {
    case JobStatus::NotStarted: return QApplication::translate("ms::style", "未开始");
    case JobStatus::InProgress: return QApplication::translate("ms::style", "进行中");
    case JobStatus::WaitingAppointment: return QApplication::translate("ms::style", "待约时");
    case JobStatus::Done: return QApplication::translate("ms::style", "已完成");
    }
    return {};
}

QColor okColor() { return QColor(0x1b, 0x6e, 0x2a); }
QColor missingColor() { return QColor(0xb3, 0x12, 0x12); }

QString styleSheet()
{
    return QStringLiteral(R"(
QWidget { color: #111111; background: #ffffff; font-size: 20px; }
QLabel#pageTitle { font-size: 28px; font-weight: bold; }
QLabel#sectionTitle { font-size: 22px; font-weight: bold; color: #0b3d7a; padding-top: 8px; }
QLabel#hint { color: #333333; font-size: 18px; }
QLabel#error { color: #ffffff; background: #b31212; font-weight: bold; padding: 10px;
               border-radius: 6px; }
QLabel#notice { color: #111111; background: #ffe9a8; border: 2px solid #b07a00; padding: 10px;
                border-radius: 6px; }
QLabel#precaution { color: #7a0000; background: #fff0f0; border-left: 6px solid #b31212;
                    padding: 6px 10px; }
QFrame#topBar { background: #0b3d7a; }
QFrame#topBar QLabel { color: #ffffff; background: transparent; font-size: 22px; }
QFrame#topBar QPushButton { background: #ffffff; color: #0b3d7a; border: none; min-width: 96px; }
QFrame#card { border: 2px solid #9aa7b8; border-radius: 8px; }
QPushButton { min-height: 64px; padding: 0 20px; border-radius: 8px; border: 2px solid #0b3d7a;
              background: #e8eef7; color: #0b3d7a; font-weight: bold; font-size: 22px; }
QPushButton:pressed, QPushButton:checked { background: #0b3d7a; color: #ffffff; }
QPushButton:disabled { border-color: #9a9a9a; color: #8a8a8a; background: #f0f0f0; }
QPushButton#primary { background: #0b3d7a; color: #ffffff; }
QPushButton#primary:disabled { background: #9aa7b8; color: #eeeeee; }
QPushButton#danger { border-color: #b31212; color: #b31212; background: #fff0f0; }
QPushButton#step { text-align: left; padding: 10px 16px; border: 2px solid #7a8594;
                   background: #ffffff; color: #111111; font-weight: normal; }
QPushButton#step:checked { background: #e3f3e6; border-color: #1b6e2a; }
QPushButton#step[safety="true"] { border-color: #b31212; }
QPushButton#key { min-height: 72px; min-width: 96px; font-size: 30px; }
QPushButton#choice { background: #fff6e0; border-color: #b07a00; color: #5a3b00; }
QLineEdit { min-height: 60px; border: 2px solid #0b3d7a; border-radius: 8px; padding: 0 12px;
            font-size: 26px; background: #ffffff; }
QListView { border: 2px solid #9aa7b8; border-radius: 8px; }
QScrollBar:vertical { width: 36px; }
QScrollBar::handle:vertical { background: #7a8594; min-height: 60px; border-radius: 8px; }
)");
}

void apply(QApplication &app)
{
    QFont font = app.font();
    font.setPixelSize(kBaseFont);
    font.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
                      font.family()});
    app.setFont(font);
    app.setStyleSheet(styleSheet());
}

} // namespace ms::style
