#pragma once
// A real store with one task of one customer, the real catalog and workflow, and a JobSession
// on the customer's job; expectOneAction() checks an action's contract.
#include "catalog/catalogloader.h"
#include "common/resultvalue.h"
#include "common/storefixture.h"
#include "common/testenv.h"
#include "service/jobsession.h"
#include "store/store.h"
#include "workflow/workflow.h"

#include <QObject>
#include <gtest/gtest.h>
#include <memory>

namespace ms::test {

class JobServiceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_catalog = CatalogLoader::load(formsDir());
        ASSERT_TRUE(m_catalog.ok());
        m_workflow = std::make_unique<Workflow>(m_catalog.catalog);
        Task t;
        t.name = QStringLiteral("安贞里3号楼台区换表");
        t.areaName = QStringLiteral("安贞里3号楼台区");
        Customer c;
        c.accountNo = QStringLiteral("0103087650");
        c.name = QStringLiteral("王建国");
        c.address = QStringLiteral("北京市朝阳区安贞里3号楼1单元101室");
        c.payment = PaymentType::Postpaid;
        m_task = env.importTask(t, {c});
        ASSERT_GT(m_task, 0);
        m_job = valueOf(store().jobs().list(JobQuery())).value(0).job.id;
        ASSERT_GT(m_job, 0);
        ASSERT_NO_FATAL_FAILURE(openJob());
    }

    Store &store() { return env.store(); }
    const Catalog &catalog() const { return m_catalog.catalog; }
    qint64 commits() { return store().database().commitCount(); }

    void openJob()
    {
        session.reset();
        auto s = JobSession::open(store(), catalog(), *m_workflow, kActor, m_job);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        session = std::move(s).value();
    }
    void openTask()
    {
        session.reset();
        auto s = JobSession::openTask(store(), catalog(), *m_workflow, kActor, m_task);
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        session = std::move(s).value();
    }

    // Runs one action and checks its contract: it succeeds, exactly one transaction commits, and
    // changed() is emitted exactly once, when that commit is done (no transaction open) and the
    // session already shows what was committed (`shown` is checked at that moment).
    template <typename Action>
    void expectOneAction(const char *what, Action action, std::function<bool()> shown = {})
    {
        SCOPED_TRACE(what);
        const qint64 before = commits();
        int emitted = 0;
        qint64 committedAtSignal = -1;
        int depthAtSignal = -1;
        bool shownAtSignal = false;
        const auto c = QObject::connect(session.get(), &JobSession::changed, session.get(), [&] {
            ++emitted;
            committedAtSignal = commits() - before;
            depthAtSignal = store().database().transactionDepth();
            shownAtSignal = !shown || shown();
        });
        const auto result = action();
        QObject::disconnect(c);
        ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
        EXPECT_EQ(commits() - before, 1) << "transactions committed by one action";
        EXPECT_EQ(emitted, 1) << "changed() emissions";
        EXPECT_EQ(committedAtSignal, 1) << "changed() came before the commit";
        EXPECT_EQ(depthAtSignal, 0) << "changed() came inside a transaction";
        EXPECT_TRUE(shownAtSignal) << "at changed() the session did not show the change yet";
    }

    // Runs an action that must be refused without writing or announcing anything.
    template <typename Action> Error expectRefused(const char *what, Action action)
    {
        SCOPED_TRACE(what);
        const qint64 before = commits();
        int emitted = 0;
        const auto c = QObject::connect(session.get(), &JobSession::changed, session.get(),
                                        [&] { ++emitted; });
        const auto result = action();
        QObject::disconnect(c);
        EXPECT_FALSE(result.ok());
        EXPECT_EQ(commits(), before) << "a refused action wrote";
        EXPECT_EQ(emitted, 0) << "a refused action announced a change";
        return result.ok() ? Error{} : result.error();
    }

    // A photo as the photo page hands it over (the bytes need not be a real JPEG here).
    static ProcessedPhoto photo(int n)
    {
        ProcessedPhoto p;
        p.jpeg = QByteArray("photo-") + QByteArray::number(n) + QByteArray(2000, 'x');
        p.size = QSize(1600, 1200);
        p.originalSize = p.size;
        return p;
    }

    // Ticks every step and captures every required, applicable evidence of `cardId` through the
    // session (valid values per kind).
    void fillCard(const QString &cardId)
    {
        const Card *card = catalog().card(cardId);
        ASSERT_NE(card, nullptr);
        for (int i = 0; i < card->steps.size(); ++i)
            ASSERT_TRUE(session->setStep(cardId, i, true).ok());
        for (const RequirementState &r : session->progress(cardId).evidence) {
            if (!r.required)
                continue;
            for (int n = r.have; n < r.need; ++n) {
                const EvidenceRequirement &req = *card->requirement(r.key);
                Result<Evidence> added = makeError({}, {});
                if (req.kind == EvidenceKind::Photo)
                    added = session->addPhoto(cardId, r.key, photo(n));
                else if (req.kind == EvidenceKind::Check)
                    added = session->addValue(cardId, r.key, QStringLiteral("yes"));
                else if (req.isNumeric())
                    added = session->addValue(
                        cardId, r.key,
                        QString::number(req.plausibleLow.value_or(req.min.value_or(1)), 'f',
                                        req.decimals.value_or(0)));
                else
                    added =
                        session->addValue(cardId, r.key, QStringLiteral("SEAL%1").arg(100000 + n));
                ASSERT_TRUE(added.ok())
                    << r.key.toStdString() << ": " << added.error().message.toStdString();
            }
        }
    }

    inline static const Actor kActor{QStringLiteral("u-zhang"), QStringLiteral("张伟")};
    StoreEnv env;
    CatalogLoad m_catalog;
    std::unique_ptr<Workflow> m_workflow;
    std::unique_ptr<JobSession> session;
    RowId m_task = 0;
    RowId m_job = 0;
};

} // namespace ms::test
