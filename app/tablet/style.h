#pragma once
// The look for a 10-inch tablet in sunlight, used with a finger or a glove: large type, touch
// targets of at least 48 px (most are 64), dark text on white, strong colours for state.
#include "model/review.h"
#include "model/types.h"

#include <QColor>
#include <QString>

class QApplication;

namespace ms::style {

inline constexpr int kTouch = 64;      // default button height
inline constexpr int kTouchMin = 48;   // never smaller
inline constexpr int kBaseFont = 20;   // px

void apply(QApplication &app);         // font + style sheet
QString styleSheet();

QColor statusColor(JobStatus status);
QString statusText(JobStatus status); // translated
// After submission the office's review speaks: 已送审, 退回 (red), 已重新提交, 已审核通过 (green).
// For a job not yet submitted: the walk's status colour.
QColor stateColor(JobState state, JobStatus status);
QColor okColor();
QColor missingColor();

} // namespace ms::style
