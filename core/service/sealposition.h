#pragma once
// Where a typed seal number goes (封印位置), from the requirement it was typed on and how many
// numbers that requirement already holds: the concentrator's seals (19.1 concentrator_seals,
// 28.4 concentrator_box_seal) are the task's; one requirement for several seals ("端钮盒、表盖、
// 表箱", key seal_numbers) takes them in that order.
//
//   sealPosition("seal_numbers", 1);          // "meter_cover"
//   sealPosition("concentrator_box_seal", 0); // "concentrator_box"
#include <QString>

namespace ms {

QString sealPosition(const QString &requirementKey, qsizetype index);
// The position's name for people (端钮盒, 表盖, 表箱, …); an unknown position as it is.
QString sealPositionName(const QString &position);

} // namespace ms
