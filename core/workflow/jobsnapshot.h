#pragma once
// Everything the workflow needs to know about one customer's job, as plain data. The store (or a
// test) fills it; core/workflow never reads the database itself.
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ms {

// What the job knows about the customer (drives `when` edges).
struct CustomerFacts
{
    bool mismatch = false; // 机电不符 (7.2)
    bool prepaid = false;  // 预付费; false = 后付费
};

// A branch the user chose at a card's decision.
struct BranchChoice
{
    QString choice; // edge choice id, e.g. "appointment"
    QString reason; // free text: why (e.g. "敲门三次无人应答，电话约定周六上午")
};

struct JobSnapshot
{
    CustomerFacts customer;
    // card id -> indexes (0-based) of ticked steps
    QHash<QString, QSet<int>> stepsDone;
    // card id -> requirement key -> captured values, one entry per capture (photos: file hash or
    // any non-empty text; check: "yes"/"no"; readings: the number as typed)
    QHash<QString, QHash<QString, QStringList>> evidence;
    // card id -> the branch chosen at that card's decision
    QHash<QString, BranchChoice> choices;
    // first card of the walk; empty = the catalog's job_entry
    QString startCard;

    // Convenience for callers and tests.
    void tick(const QString &card, int step) { stepsDone[card].insert(step); }
    void capture(const QString &card, const QString &key, const QString &value)
    {
        evidence[card][key].append(value);
    }
    void choose(const QString &card, const QString &choice, const QString &reason)
    {
        choices.insert(card, BranchChoice{choice, reason});
    }
};

} // namespace ms
