#pragma once
// The card walker's rules, as pure functions over the catalog and a job snapshot:
// which card is current, what is done or missing on a card, whether it can be completed, where
// the flow goes next (automatic `when` edges or the user's decision), the path taken and why,
// and the job's status. See forms/README.md for `when` and `wait`. A job is Done when its walk
// reaches a card without `next`, or an edge that hands over to an office role (30.2 -> 31.1).
#include "catalog/catalog.h"
#include "model/result.h"
#include "model/types.h"
#include "workflow/jobsnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ms {

struct StepState
{
    int index = 0;
    QString text;
    bool safety = false;
    bool done = false;
};

struct RequirementState
{
    QString key;
    QString label; // the requirement's label, to name exactly what is missing
    EvidenceKind kind = EvidenceKind::Photo;
    bool required = true;
    int have = 0; // captures so far
    int need = 1; // min_count
    bool done() const { return have >= need; }
};

// Where a card stands.
struct CardProgress
{
    QString cardId;
    QList<StepState> steps;
    QList<RequirementState> evidence;
    bool needsDecision = false;   // several user-choice edges and nothing chosen yet
    QString chosen;               // the choice recorded, if any
    bool checkFailed = false;     // a `check` requirement answered "no"
    bool started = false;         // any step ticked, evidence captured or choice made
    bool canComplete = false;     // all steps ticked and all required evidence captured
    QStringList missing;          // human text, one per missing thing: "步骤 3：…", requirement labels
    int stepsDone() const;
    int evidenceDone() const;     // required requirements satisfied
};

// One card on the path the job took, and how the walk left it.
struct PathEntry
{
    QString cardId;
    QString to;     // next card ("" when the walk stops here)
    QString choice; // decision choice taken ("" for a single or automatic edge)
    QString when;   // the condition that took an automatic edge ("!customer.mismatch")
    QString label;  // the edge's label
    QString reason; // the reason recorded with a choice
    QString wait;   // "appointment" when the edge makes the job wait
};

struct WorkflowState
{
    JobStatus status = JobStatus::NotStarted;
    QString currentCard;        // the card to work on ("" when done)
    QList<PathEntry> path;      // cards completed, in order, with the edge taken from each
    CardProgress current;       // progress on currentCard
    QList<Edge> choices;        // the current card's user choices (when it needs a decision)
    QString problem;            // a catalog problem that stopped the walk (e.g. no edge matches)
};

class Workflow
{
public:
    explicit Workflow(const Catalog &catalog);

    // Progress on one card (any card, on the path or not). Unknown card: empty progress.
    CardProgress progress(const JobSnapshot &job, const QString &cardId) const;

    // Walk from the start card through every completed card to the current one.
    WorkflowState evaluate(const JobSnapshot &job) const;

    // Where the flow goes after `cardId` given what the job knows: the target card, or an error
    // (code "workflow.incomplete", "workflow.decision_needed", "workflow.no_edge").
    Result<Edge> nextEdge(const JobSnapshot &job, const QString &cardId) const;

    // The rule for leaving a card, in one place: what still keeps it from being completed, one
    // line each (steps not ticked, evidence missing, and the decision while it is not made);
    // empty when it can be completed.
    static QStringList blockers(const CardProgress &progress);
    // ok, or "workflow.incomplete" naming every blocker ("卡片 21.3 还不能完成，还缺：…").
    static Result<void> checkComplete(const CardProgress &progress);

    // Evaluate a `when` expression for a card ("customer.mismatch", "check.failed",
    // "failed.27.3", ...). A check counts by its latest answer, so a check answered again "yes"
    // after rectification has passed.
    bool conditionHolds(const QString &when, const JobSnapshot &job, const QString &cardId) const;
    // A `check` of the card answered "no" (its latest answer).
    bool checkFailedOn(const JobSnapshot &job, const QString &cardId) const;

    // The user-selectable edges of a card (those without `when`).
    QList<Edge> userChoices(const QString &cardId) const;
    // ok when `choice` is one of them; else "workflow.unknown_choice".
    Result<void> checkChoice(const QString &cardId, const QString &choice) const;

private:
    // True when the walk leaves field work for an office role (where: office), e.g. 30.2 -> 31.1:
    // the job is done in the field there.
    bool handsOverToOffice(const QString &from, const QString &to) const;
    // The edge to follow, assuming the card is complete.
    Result<Edge> selectEdge(const JobSnapshot &job, const QString &cardId) const;

    const Catalog &m_catalog;
};

} // namespace ms
