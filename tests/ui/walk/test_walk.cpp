// GIVEN the demo data, WHEN an installer walks one normal customer's swap through the real
// screens, THEN every step, value, photo and signature is in the database, the files match their
// hashes, the signature is bound to what the customer saw, and the job is done.
#include "common/shellfixture.h"

#include "common/resultvalue.h"
#include "media/signature.h"
#include "models/joblistmodel.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/jobpage.h"
#include "pages/photopage.h"
#include "pages/signaturepage.h"
#include "pages/signinpage.h"
#include "pages/valueentrypage.h"
#include "service/accounts.h"
#include "service/fieldwalk.h"
#include "service/jobsession.h"
#include "store/database.h"
#include "store/store.h"
#include "widgets/signaturepad.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

// What the installer types for each requirement (by key); numbers as read off the meter.
QString valueFor(const QString &key, const Customer &c, int nth)
{
    if (key == QLatin1String("old_meter_asset"))
        return c.oldMeter.assetNo;
    if (key == QLatin1String("new_meter_asset"))
        return c.newMeter.assetNo.isEmpty() ? QStringLiteral("1100000000012345678901") : c.newMeter.assetNo;
    if (key == QLatin1String("new_meter_comm_address"))
        return c.newMeter.commAddress.isEmpty() ? QStringLiteral("012345678901") : c.newMeter.commAddress;
    if (key == QLatin1String("old_final_total"))
        return QStringLiteral("12345.67");
    if (key == QLatin1String("old_remaining_money"))
        return QStringLiteral("35.20");
    if (key == QLatin1String("new_start_total"))
        return QStringLiteral("0.01");
    if (key.contains(QLatin1String("phone")))
        return QStringLiteral("13812345678");
    if (key == QLatin1String("seal_numbers"))
        return QStringLiteral("BJ2026%1").arg(100 + nth, 6, 10, QLatin1Char('0'));
    if (key == QLatin1String("marketing_order_no"))
        return QStringLiteral("GD-2026-000123");
    if (key == QLatin1String("visit_time"))
        return QStringLiteral("2026-11-20 09:30");
    return {}; // anything else: a value the requirement accepts (FieldWalk::valueFor)
}

class Walk : public ShellTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(ShellTest::SetUp());
        ASSERT_TRUE(writeJpeg(app->dir.filePath(QStringLiteral("meter.jpg")), 1600, 1200));
    }

    qint64 commits() { return app->ctx->store.database().commitCount(); }

    // Taps a button that performs one user action: it goes through the job service, and exactly
    // one transaction commits (checked here for every action of the walk).
    bool tapAction(QAbstractButton *button, const char *what)
    {
        const qint64 before = commits();
        const bool tapped = tap(button);
        EXPECT_EQ(commits() - before, 1) << what << ": transactions committed by one tap";
        ++actions;
        return tapped;
    }

    // Captures one piece of evidence through its screen.
    void capture(CardWalkerPage *walker, const EvidenceRequirement &req, int nth)
    {
        SCOPED_TRACE(req.key.toStdString());
        const Customer c = win().session()->customer();
        switch (req.kind) {
        case EvidenceKind::Check:
            ASSERT_TRUE(tapAction(findButtonByProperty(slotOf(walker, req.key), "action",
                                                       int(EvidenceSlot::Action::Yes)),
                                  "check"));
            return;
        case EvidenceKind::Photo: {
            ASSERT_TRUE(tap(findButtonByProperty(slotOf(walker, req.key), "action",
                                                 int(EvidenceSlot::Action::Photo))));
            auto *photo = page<PhotoPage>();
            ASSERT_TRUE(photo) << win().currentPage()->metaObject()->className() << " "
                               << win().message().toStdString();
            photo->importFile(app->dir.filePath(QStringLiteral("meter.jpg")));
            ASSERT_TRUE(QTest::qWaitFor([&] { return photo->hasPending(); }, 5000));
            ASSERT_TRUE(tapAction(findButton(photo, QStringLiteral("保存")), "photo"));
            return;
        }
        case EvidenceKind::Signature: {
            if (req.signer == QLatin1String("supervisor")
                || req.signer == QLatin1String("crew_leader")) {
                // theirs alone: given under their own sign-in (here: their own device)
                signAs(req.signer == QLatin1String("supervisor") ? QStringLiteral("赵敏")
                                                                 : QStringLiteral("李强"),
                       walker->cardId(), req, nth);
                return;
            }
            ASSERT_TRUE(tap(findButtonByProperty(slotOf(walker, req.key), "action",
                                                 int(EvidenceSlot::Action::Signature))));
            auto *sig = page<SignaturePage>();
            ASSERT_TRUE(sig);
            sig->pad()->resize(900, 300);
            drawStroke(sig->pad(), {{60, 200}, {120, 80}, {180, 220}, {240, 90}, {300, 210}});
            drawStroke(sig->pad(), {{360, 150}, {460, 140}, {560, 160}, {660, 120}});
            ASSERT_TRUE(tapAction(findButton(sig, QStringLiteral("确认签名")), "signature"));
            return;
        }
        default: {
            ASSERT_TRUE(tap(findButtonByProperty(slotOf(walker, req.key), "action",
                                                 int(EvidenceSlot::Action::Manual))));
            auto *entry = page<ValueEntryPage>();
            ASSERT_TRUE(entry);
            entry->editor()->clear();
            QString typed = valueFor(req.key, c, nth);
            if (typed.isEmpty())
                typed = FieldWalk(app->ctx->catalog, {}).valueFor(*win().session(), req, nth);
            QTest::keyClicks(entry->editor(), typed);
            ASSERT_TRUE(tapAction(findButton(entry, QStringLiteral("确定")), "typed value"));
            ASSERT_EQ(page<ValueEntryPage>(), nullptr) << entry->message().toStdString();
            return;
        }
        }
    }

    // A supervisor's or crew leader's signature, given on their own device under their sign-in
    // (one action of their own session); the crew's tablet then reads it.
    void signAs(const QString &name, const QString &cardId, const EvidenceRequirement &req, int nth)
    {
        const User user = test::valueOf(Accounts(app->ctx->store).byName(name));
        auto theirs =
            JobSession::open(app->ctx->store, app->ctx->catalog, app->ctx->workflow,
                             Actor{user.uuid, user.name, user.roles}, win().session()->job().id);
        ASSERT_TRUE(theirs.ok());
        const qint64 before = commits();
        const Result<void> signedIt =
            FieldWalk(app->ctx->catalog, {}).captureOne(*theirs.value(), cardId, req, nth);
        ASSERT_TRUE(signedIt.ok()) << signedIt.error().message.toStdString();
        EXPECT_EQ(commits() - before, 1);
        ++actions;
        ASSERT_TRUE(win().session()->reload().ok());
        ++foreignSignatures;
    }

    int actions = 0; // taps that were user actions (each checked to commit one transaction)
    int foreignSignatures = 0;
};

} // namespace

TEST_F(Walk, GivenDemoJob_WhenWalkedThroughAllCards_ThenRecordsAndFilesAreComplete)
{
    // GIVEN the installer signs in with the big PIN pad
    auto *signIn = win().signInPage();
    ASSERT_TRUE(signIn->selectUser(QStringLiteral("张伟")));
    for (QChar d : demoPin())
        ASSERT_TRUE(tap(findButtonByProperty(signIn, "key", QString(d))));
    ASSERT_TRUE(tap(findButton(signIn, QStringLiteral("登录"))));
    ASSERT_TRUE(waitForPinCheck(win())); // the PIN is derived off the UI thread
    auto *list = page<JobListPage>();
    ASSERT_TRUE(list) << win().message().toStdString();
    ASSERT_GE(list->model()->totalCount(), 15);

    // AND finds a normal (not 机电不符) customer by 户号 and opens the job with a tap
    Customer customer;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        if (!list->model()->item(row)->customer.mismatchFlag) {
            customer = list->model()->item(row)->customer;
            break;
        }
    list->setSearch(customer.accountNo);
    ASSERT_EQ(list->model()->rowCount(), 1);
    const QRect rowRect = list->view()->visualRect(list->model()->index(0));
    QTest::mouseClick(list->view()->viewport(), Qt::LeftButton, {}, rowRect.center());
    ASSERT_TRUE(page<JobPage>());
    ASSERT_TRUE(tap(findButton(page<JobPage>(), QStringLiteral("开始"))));

    // WHEN every card is walked: steps ticked, evidence captured, branch chosen, card completed
    // (every one of those taps is one action of the job service: one transaction each)
    const qint64 commitsBeforeWalk = commits();
    QStringList visited;
    bool finished = false;
    for (int guard = 0; guard < 30 && !finished; ++guard) {
        auto *walker = page<CardWalkerPage>();
        ASSERT_TRUE(walker) << "stopped after " << visited.join(QLatin1Char(' ')).toStdString();
        const QString cardId = walker->cardId();
        visited << cardId;
        SCOPED_TRACE(cardId.toStdString());
        const Card *card = app->ctx->catalog.card(cardId);
        ASSERT_TRUE(card);

        // Completing too early names what is missing and stays on the card
        if (visited.size() == 1) {
            const qint64 before = commits();
            ASSERT_TRUE(tap(findButtonByProperty(walker, "role", QStringLiteral("complete"))));
            EXPECT_EQ(commits(), before) << "a refused completion wrote";
            EXPECT_EQ(walker->cardId(), cardId);
            EXPECT_TRUE(walker->missingText().contains(card->evidence.first().label));
        }
        const int steps = int(card->steps.size());
        for (int i = 0; i < steps; ++i)
            ASSERT_TRUE(tapAction(findButtonByProperty(walker, "stepIndex", i), "step"));
        const CardProgress progress = win().session()->progress(cardId);
        for (const RequirementState &rs : progress.evidence) {
            if (!rs.required)
                continue;
            for (int n = 0; n < rs.need; ++n) {
                capture(walker, *card->requirement(rs.key), n);
                if (::testing::Test::HasFatalFailure())
                    return;
                ASSERT_EQ(page<CardWalkerPage>(), walker);
            }
        }
        // the ordinary way: at home, a single-phase meter, its own switch
        for (const char *choice : {"home", "single_phase", "own_switch"})
            if (auto *b = findButtonByProperty(walker, "choice", QString::fromLatin1(choice))) {
                ASSERT_TRUE(tapAction(b, "choice"));
            }
        QAbstractButton *complete = findButtonByProperty(walker, "role", QStringLiteral("complete"));
        ASSERT_TRUE(complete);
        // The field part ends with 30.2; the job then goes to the office's review (31.1).
        finished = card->isFinal() || cardId == QLatin1String("30.2");
        ASSERT_TRUE(tapAction(complete, "complete card")) << walker->missingText().toStdString();
        if (!finished) {
            ASSERT_NE(walker->cardId(), cardId) << walker->missingText().toStdString();
        }
    }

    // THEN the walk went the normal way, ended after 30.2 and shows the job page
    EXPECT_EQ(visited.first(), QStringLiteral("20.1"));
    for (const char *id :
         {"20.2", "21.1", "21.3", "21.4", "21.5", "27.1", "28.6", "29.1", "30.1", "30.2"})
        EXPECT_TRUE(visited.contains(QString::fromLatin1(id))) << id;
    EXPECT_FALSE(visited.contains(QStringLiteral("21.8")));
    ASSERT_TRUE(finished);
    ASSERT_TRUE(page<JobPage>());
    EXPECT_EQ(visited.last(), QStringLiteral("30.2"));
    // AND the walk wrote nothing but its actions: one transaction each
    EXPECT_GT(actions, 50);
    EXPECT_EQ(commits() - commitsBeforeWalk, actions);

    Store &store = app->ctx->store;
    auto job = store.jobs().forCustomer(customer.id);
    ASSERT_TRUE(job.ok());
    EXPECT_EQ(job->status, JobStatus::Done);
    EXPECT_TRUE(job->startedAt.isValid());
    EXPECT_TRUE(job->finishedAt.isValid());
    EXPECT_EQ(job->branches.value(QStringLiteral("21.1")).toObject().value(QStringLiteral("choice")).toString(),
              QStringLiteral("home"));

    // AND every step of every visited card is recorded as done
    const QList<StepRecord> steps = test::valueOf(store.steps().list(RecordOwner::job(job->id)));
    int expectedSteps = 0;
    for (const QString &id : visited) // the task-level cards (27.5, 28.4) are the task's
        if (app->ctx->catalog.card(id)->scope != QLatin1String("task"))
            expectedSteps += int(app->ctx->catalog.card(id)->steps.size());
    EXPECT_EQ(std::count_if(steps.cbegin(), steps.cend(), [](const StepRecord &s) { return s.done; }),
              expectedSteps);

    // AND every evidence file exists and matches its hash
    const QList<Evidence> evidence =
        test::valueOf(store.evidence().list(RecordOwner::job(job->id)));
    int photos = 0, signatures = 0;
    for (const Evidence &e : evidence) {
        if (e.sha256.isEmpty())
            continue;
        QFile f(store.files().path(e.sha256));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << e.sha256.toStdString();
        const QByteArray bytes = f.readAll();
        EXPECT_EQ(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
                  e.sha256);
        EXPECT_EQ(bytes.size(), e.size);
        if (e.kind == EvidenceKind::Photo) {
            ++photos;
            const QImage img = QImage::fromData(bytes, "JPEG");
            EXPECT_EQ(img.size(), QSize(1600, 1200));
            EXPECT_TRUE(e.meta.value(QStringLiteral("watermark")).toArray().at(0).toString().contains(customer.accountNo));
        }
        if (e.kind == EvidenceKind::Signature) {
            ++signatures;
            const QString summary = e.meta.value(QStringLiteral("summary")).toString();
            EXPECT_TRUE(summary.contains(QStringLiteral("12345.67")));
            // the customer's shows the 起码; later ones show 28.1's acceptance reading
            if (e.requirement == QLatin1String("customer_signature")) {
                EXPECT_TRUE(summary.contains(QStringLiteral("0.01")));
            }
            const QByteArray points = QJsonDocument(e.meta.value(QStringLiteral("points")).toObject())
                                          .toJson(QJsonDocument::Compact);
            EXPECT_TRUE(SignatureRenderer::isBoundTo(points, summary));
            auto back = SignatureRenderer::fromPointsJson(points);
            ASSERT_TRUE(back.ok());
            EXPECT_GE(back->strokes().size(), 2);
            EXPECT_FALSE(QImage::fromData(bytes, "PNG").isNull());
        }
    }
    EXPECT_GE(photos, 9);
    // the customer's, the supervisor's (27.4) and the crew leader's acceptance (28.6), the last
    // two each under the signer's own sign-in
    EXPECT_EQ(signatures, 3);
    for (const Evidence &e : evidence) {
        if (e.kind == EvidenceKind::Signature
            && e.requirement != QLatin1String("customer_signature")) {
            EXPECT_NE(e.userUuid, app->ctx->userUuid()) << e.requirement.toStdString();
        }
    }
    EXPECT_TRUE(store.evidence().verifyFiles(job->id).ok());
    EXPECT_TRUE(store.evidence().verifyChain(RecordOwner::job(job->id)).ok);

    // AND the readings and the three seals are there
    const auto valueOf = [&](const QString &key) {
        for (const Evidence &e : evidence)
            if (e.requirement == key)
                return e.value;
        return QString();
    };
    EXPECT_EQ(valueOf(QStringLiteral("old_final_total")), QStringLiteral("12345.67"));
    EXPECT_EQ(valueOf(QStringLiteral("new_start_total")), QStringLiteral("0.01"));
    const QList<Seal> seals = test::valueOf(store.seals().list(RecordOwner::job(job->id)));
    ASSERT_EQ(seals.size(), 3);
    QStringList positions;
    for (const Seal &s : seals)
        positions << s.position;
    positions.sort();
    EXPECT_EQ(positions, (QStringList{QStringLiteral("box"), QStringLiteral("meter_cover"),
                                      QStringLiteral("terminal_cover")}));
    // AND everything waits in the outbox for sync
    EXPECT_GT(test::valueOf(store.outbox().pending(1000)).size(), evidence.size());
}
