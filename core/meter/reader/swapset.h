#pragma once
// The swap set (换表读数项): what MeterReader reads from the old meter (止码) and the new one
// (起码), per protocol, and the register names the simulator's register file uses for them.
#include "meter/dlt645/common.h"

#include <QString>
#include <QStringList>
#include <QList>

namespace ms::meter {

// Protocol-neutral keys, stable (JSON, evidence meta, register files):
//   address, meter_number, forward_active (total + T1..T4), reverse_active (total),
//   date, time, datetime (698), status_word_1, remaining_energy, remaining_money,
//   cover_open_count
struct SwapItem
{
    QString key;
    QString id; // DI (8 hex digits for 2007, 4 for 1997) or OAD; empty for "address"
};

// Items of the swap set for one protocol, in reading order. "address" comes first and is read
// with the protocol's probe (2007: read address 13; 1997: read 9010 to the wildcard; 698: GET
// 40010200). Ids the codec tables do not know are left out.
QList<SwapItem> swapSet(Protocol protocol);

// The swap-set key a DI/OAD belongs to (also the single-tariff DIs 00010000..00010400, 9010..9014,
// 00100201..00100205), with the index of the value inside that register (0 = total). Empty key
// when the id is not part of the swap set.
struct RegisterRef
{
    QString key;
    int index = -1; // -1: the whole register; 0..4: one value of a tariff block
};
RegisterRef registerOf(Protocol protocol, const QString &id);

// Chinese display name of a key (translated via QCoreApplication::translate).
QString swapItemName(const QString &key);

QString protocolText(Protocol protocol);             // "dlt645-2007" ...
std::optional<Protocol> protocolFromText(const QString &text);

} // namespace ms::meter
