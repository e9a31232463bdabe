// The record chain's bytes (docs/sync-protocol.md "Record chain"): RFC 8785 canonical JSON against
// the RFC's own vectors, Ed25519 against RFC 8032, and the link of a fixed record against values
// computed independently (Python hashlib) from the documented definition.
#include "model/recordchain.h"
#include "model/signingkey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>
#include <gtest/gtest.h>

#include <cstring>

using namespace ms;

namespace {
double fromBits(quint64 bits)
{
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

std::string canon(const QJsonValue &v) { return chain::canonicalJson(v).toStdString(); }

OutboxEntry fixedRecord()
{
    OutboxEntry e;
    e.entity = QStringLiteral("job");
    e.uuid = QStringLiteral("j-1");
    e.version = 2;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("uuid"), QStringLiteral("j-1")},
                            {QStringLiteral("status"), QStringLiteral("done")},
                            {QStringLiteral("reading"), 12.5}};
    e.blobs = {QStringLiteral("bb"), QStringLiteral("aa"), QStringLiteral("aa")};
    return e;
}

// RFC 8032 §7.1, test 1.
const QByteArray kRfcSecret = QByteArray::fromHex(
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
} // namespace

TEST(CanonicalJson, NumbersPrintAsEcmaScriptDoes)
{
    // RFC 8785 Appendix B
    const std::pair<quint64, const char *> vectors[] = {
        {0x0000000000000000, "0"}, {0x8000000000000000, "0"},
        {0x0000000000000001, "5e-324"}, {0x8000000000000001, "-5e-324"},
        {0x7fefffffffffffff, "1.7976931348623157e+308"},
        {0xffefffffffffffff, "-1.7976931348623157e+308"},
        {0x4340000000000000, "9007199254740992"}, {0xc340000000000000, "-9007199254740992"},
        {0x4430000000000000, "295147905179352830000"},
        {0x44b52d02c7e14af5, "9.999999999999997e+22"}, {0x44b52d02c7e14af6, "1e+23"},
        {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
        {0x444b1ae4d6e2ef4e, "999999999999999700000"}, {0x444b1ae4d6e2ef4f, "999999999999999900000"},
        {0x444b1ae4d6e2ef50, "1e+21"}, {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
        {0x3eb0c6f7a0b5ed8d, "0.000001"}, {0x41b3de4355555553, "333333333.3333332"},
        {0x41b3de4355555554, "333333333.33333325"}, {0x41b3de4355555555, "333333333.3333333"},
        {0x41b3de4355555556, "333333333.3333334"}, {0x41b3de4355555557, "333333333.33333343"},
        {0xbecbf647612f3696, "-0.0000033333333333333333"},
        {0x43143ff3c1cb0959, "1424953923781206.2"},
    };
    for (const auto &[bits, expected] : vectors)
        EXPECT_EQ(canon(QJsonValue(fromBits(bits))), expected) << std::hex << bits;
    EXPECT_EQ(canon(QJsonValue(qint64(42))), "42");
}

TEST(CanonicalJson, SortsKeysByUtf16AndEscapesMinimally)
{
    // RFC 8785 §3.2.2 and §3.2.3
    const QByteArray input = R"({"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]})";
    EXPECT_EQ(canon(QJsonDocument::fromJson(input).object()),
              R"({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],)"
              "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    const QByteArray keys = R"({"\u20ac": 5, "\r": 1, "\ufb33": 7, "1": 2, "\ud83d\ude00": 6,
                                "\u0080": 3, "\u00f6": 4})";
    const QByteArray out = chain::canonicalJson(QJsonDocument::fromJson(keys).object());
    QList<int> order; // the values, in the order their keys came out
    for (qsizetype i = out.indexOf(':'); i >= 0; i = out.indexOf(':', i + 1))
        order << out.at(i + 1) - '0';
    EXPECT_EQ(order, (QList<int>{1, 2, 3, 4, 5, 6, 7})) << out.constData();
}

TEST(SigningKey, MatchesRfc8032AndRejectsAnyChange)
{
    auto key = SigningKey::fromPrivateKey(kRfcSecret);
    ASSERT_TRUE(key);
    EXPECT_EQ(key->publicKey().toHex(),
              "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const QByteArray signature = key->sign(QByteArray());
    EXPECT_EQ(signature.toHex(), "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8"
                                 "821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    EXPECT_TRUE(SigningKey::verify(key->publicKey(), QByteArray(), signature));
    EXPECT_EQ(key->privateKey(), kRfcSecret);

    auto other = SigningKey::generate();
    ASSERT_TRUE(other);
    const QByteArray message("link bytes");
    const QByteArray sig = other->sign(message);
    EXPECT_TRUE(SigningKey::verify(other->publicKey(), message, sig));
    EXPECT_FALSE(SigningKey::verify(key->publicKey(), message, sig));       // another key
    EXPECT_FALSE(SigningKey::verify(other->publicKey(), "link bytez", sig)); // another message
    QByteArray flipped = sig;
    flipped[10] = char(flipped[10] ^ 1);
    EXPECT_FALSE(SigningKey::verify(other->publicKey(), message, flipped));
    EXPECT_FALSE(SigningKey::verify(other->publicKey().left(31), message, sig));
    EXPECT_FALSE(SigningKey::fromPrivateKey(QByteArray(31, 'x')));
}

TEST(RecordChain, LinksAreTheDocumentedBytes)
{
    // Computed with Python's hashlib from the definition in docs/sync-protocol.md.
    const OutboxEntry e = fixedRecord();
    EXPECT_EQ(chain::recordHash(e).toHex(), "ee3c383c6349afe635178738992897457ac0c098067db9d462c799ce9de1725e");
    const QByteArray first = chain::linkOf(1, chain::genesis(), chain::recordHash(e));
    EXPECT_EQ(first.toHex(), "e4dce634bda492a8e5eddd913ceb3e4c4dc4eb638b9852df1cb0189d5fcc04b0");
    EXPECT_EQ(chain::linkOf(2, first, chain::recordHash(e)).toHex(),
              "d4dd1a2ca5e5eaa8383ff1f5bb8f51ee0cbc5a7e77d152d44cfa27dd060dad6b");
    // what a payload read back from its stored text hashes to is the same
    OutboxEntry reread = e;
    reread.payload = QJsonDocument::fromJson(QJsonDocument(e.payload).toJson()).object();
    EXPECT_EQ(chain::recordHash(reread), chain::recordHash(e));
}

TEST(RecordChain, CheckFindsAlteredContentForeignSignaturesAndMissingLinks)
{
    auto key = SigningKey::fromPrivateKey(kRfcSecret);
    ASSERT_TRUE(key);
    OutboxEntry e = fixedRecord();
    e.chain = chain::makeLink(e, 1, chain::genesisHex(), *key);
    EXPECT_EQ(e.chain.link, QStringLiteral("e4dce634bda492a8e5eddd913ceb3e4c4dc4eb638b9852df1cb0189d5fcc04b0"));
    EXPECT_EQ(chain::checkLink(e, key->publicKey()), chain::LinkFault::None);

    OutboxEntry altered = e;
    altered.payload.insert(QStringLiteral("reading"), 12.6);
    EXPECT_EQ(chain::checkLink(altered, key->publicKey()), chain::LinkFault::ContentMismatch);
    altered = e;
    altered.version = 3;
    EXPECT_EQ(chain::checkLink(altered, key->publicKey()), chain::LinkFault::ContentMismatch);
    altered = e;
    altered.blobs.removeLast();
    EXPECT_EQ(chain::checkLink(altered, key->publicKey()), chain::LinkFault::None); // a set
    altered.blobs = {QStringLiteral("aa")};
    EXPECT_EQ(chain::checkLink(altered, key->publicKey()), chain::LinkFault::ContentMismatch);

    auto stranger = SigningKey::generate();
    ASSERT_TRUE(stranger);
    EXPECT_EQ(chain::checkLink(e, stranger->publicKey()), chain::LinkFault::BadSignature);
    OutboxEntry forged = e; // a stranger re-signs the same link
    forged.chain.signature = QString::fromLatin1(stranger->sign(QByteArray::fromHex(e.chain.link.toLatin1())).toHex());
    EXPECT_EQ(chain::checkLink(forged, key->publicKey()), chain::LinkFault::BadSignature);

    OutboxEntry bare = e;
    bare.chain = {};
    EXPECT_EQ(chain::checkLink(bare, key->publicKey()), chain::LinkFault::Unsigned);
    bare.chain = e.chain;
    bare.chain.prev = QStringLiteral("XYZ");
    EXPECT_EQ(chain::checkLink(bare, key->publicKey()), chain::LinkFault::Malformed);
}
