// The real catalog read as a crew leader and a safety officer read it (issue 16 §2, §6): the
// evidence they demand is captured and each card is filled by the role that does the work.
#include "catalog/catalogloader.h"
#include "common/testenv.h"

#include <gtest/gtest.h>

using namespace ms;

namespace {

class ManualContent : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_load = CatalogLoader::load(test::formsDir());
        ASSERT_TRUE(m_load.ok());
    }
    const EvidenceRequirement *req(const char *card, const char *key) const
    {
        const Card *c = m_load.catalog.card(QString::fromLatin1(card));
        return c ? c->requirement(QString::fromLatin1(key)) : nullptr;
    }
    QString role(const char *card) const
    {
        const Card *c = m_load.catalog.card(QString::fromLatin1(card));
        return c ? c->role : QString();
    }
    CatalogLoad m_load;
};

} // namespace

TEST_F(ManualContent, EachCardIsFilledByTheRoleThatDoesTheWork)
{
    EXPECT_EQ(role("16.1"), "crew_leader"); // the work ticket is the 工作负责人's
    EXPECT_EQ(role("16.2"), "crew_leader");
    EXPECT_NE(role("37.1"), "installer"); // the master station pushes the archive
    EXPECT_NE(role("39.2"), "installer"); // the first purchase order is watched at the office
    EXPECT_EQ(role("43.2"), m_load.catalog.flow(QStringLiteral("43"))->role);
}

TEST_F(ManualContent, TheEvidenceACrewLeaderDemandsIsCaptured)
{
    ASSERT_NE(req("21.1", "visit_time"), nullptr);
    ASSERT_NE(req("21.1", "visit_outcome"), nullptr);
    const EvidenceRequirement *seals = req("22.2", "old_meter_seal_numbers");
    ASSERT_NE(seals, nullptr);
    EXPECT_EQ(seals->kind, EvidenceKind::SealNumber);
    EXPECT_GE(seals->minCount, 2);
    const EvidenceRequirement *barcodes = req("32.1", "old_meter_barcodes");
    ASSERT_NE(barcodes, nullptr);
    EXPECT_EQ(barcodes->kind, EvidenceKind::Barcode);
    EXPECT_EQ(barcodes->meter, "old");
    const EvidenceRequirement *handover = req("24.6", "handover_signature");
    ASSERT_NE(handover, nullptr);
    EXPECT_EQ(handover->signer, "crew_leader");
    ASSERT_NE(req("24.6", "custody_seal_reentered"), nullptr);
    EXPECT_EQ(req("24.6", "custody_seal_reentered")->matches, "24.3.old_meter_custody_seal");
    for (const char *key : {"master_port", "backup_port"}) {
        ASSERT_NE(req("36.2", key), nullptr) << key;
        EXPECT_TRUE(req("36.2", key)->required) << key;
    }
    for (const char *key : {"enclosure_width", "enclosure_height", "enclosure_depth"}) {
        ASSERT_NE(req("4.2", key), nullptr) << key;
        EXPECT_EQ(req("4.2", key)->unit, "mm") << key;
    }
}

TEST_F(ManualContent, TheSwapCardsNameTheSupervisorAndTheTag)
{
    for (const char *card : {"21.4", "24.3"}) {
        SCOPED_TRACE(card);
        ASSERT_NE(req(card, "guardian_name"), nullptr);
        ASSERT_NE(req(card, "tag_hung_photo"), nullptr);
        ASSERT_NE(req(card, "tag_removed"), nullptr);
        EXPECT_TRUE(req(card, "tag_removed")->blocking);
        EXPECT_TRUE(req(card, "no_voltage_verified")->blocking);
        EXPECT_TRUE(req(card, "adjacent_live_covered")->blocking);
    }
}
