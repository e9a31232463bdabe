// DL/T 698.45 SET-Response and LINK-Request/Response (issue 16 §8): clock setting on
// commissioning, a terminal's login and heartbeat. Frames are published ones (CRCs checked):
//  - SET 40000200 and its answers: 600888/dlt698 website/docs/guide/clock.md;
//  - SET-Response PIID 05 and the login / LINK-Response pair: a split698 frame test
//    (stored code index file id 43965130787, frame_test.py);
//  - login, heartbeat and the master's confirmation from a Go terminal library (stored code index
//    file id 49116717447, Ptl698_45BuildPacket comment);
//  - a heartbeat with PIID-ACD 01 from a terminal simulator (stored code index file id
//  42983327990).
#include "meter/dlt698/anyframe.h"
#include "meter/dlt698/setlink.h"

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::dlt698;

namespace {

meter::Bytes hex(std::string_view text)
{
    std::string compact;
    for (char c : text)
        if (c != ' ')
            compact.push_back(c);
    return meter::fromHex(compact).value();
}

Frame frameOf(std::string_view text)
{
    const auto f = decodeFrame(hex(text));
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().detail);
    return f.ok() ? *f : Frame{};
}

constexpr const char *kSetClock = "68 1F 00 43 05 00 00 00 00 00 00 00 D8 C5 06 01 00 40 00 02 00 "
                                  "1C 07 EA 0A 07 0F 00 00 00 06 D5 16";
constexpr const char *kSetOk =
    "68 19 00 C3 05 00 00 00 00 00 00 00 78 F4 86 01 00 40 00 02 00 00 00 00 89 B6 16";
constexpr const char *kSetRefused =
    "68 19 00 C3 05 00 00 00 00 00 00 00 78 F4 86 01 00 40 00 03 00 03 00 00 A9 52 16";
constexpr const char *kLogin = "681e008105220300000000004271010000003c07e70705030f1811000080fa16";
constexpr const char *kLinkResponse =
    "683000010522030000000000c21e81008007e7070b02102b3b000007e7070b02102c01000207e7070b02102c01"
    "000277ad16";
constexpr const char *kGoLogin = "68 1E 00 81 05 01 00 00 00 00 00 00 D2 B6 01 00 00 01 2C 07 E6 "
                                 "02 17 03 08 06 38 03 22 1C BC 16";
constexpr const char *kGoConfirm =
    "68 30 00 01 05 01 00 00 00 00 00 00 52 D9 81 00 00 07 E6 02 17 03 08 05 02 02 F9 07 E6 02 17 "
    "03 08 06 09 00 32 07 E6 02 17 03 08 06 09 00 32 F0 E7 16";
constexpr const char *kGoHeartbeat = "68 1E 00 81 05 01 00 00 00 00 00 00 D2 B6 01 00 01 01 2C 07 "
                                     "E6 02 17 03 00 04 33 00 68 77 34 16";
constexpr const char *kSimHeartbeat = "68 1E 00 81 05 05 00 00 00 00 00 00 A4 D9 01 01 01 01 2C 07 "
                                      "E3 02 15 04 13 2C 12 00 00 41 66 16";

} // namespace

TEST(Dlt698Set, ClockSettingRequestAndSuccessAnswer)
{
    // GIVEN the published SET of 40000200 to 2026-10-07 15:00:00 and the meter's answer
    const Frame request = frameOf(kSetClock);
    const auto set = decodeSetRequest(request);
    ASSERT_TRUE(set.ok()) << set.error().detail;
    EXPECT_EQ(set->oad, oad::DateTime);
    EXPECT_EQ(dataToText(set->data), "2026-10-07 15:00:00");
    // … our encoder writes exactly those bytes (PIID 0, wildcard-less all-zero address)
    EXPECT_EQ(encodeSetRequest(request.server, oad::DateTime, set->data, 0, 0),
              meter::Bytes(hex(std::string("FEFEFEFE") + kSetClock)));
    const auto answer = decodeSetResponse(frameOf(kSetOk));
    // THEN the answer is a success for the same OAD
    ASSERT_TRUE(answer.ok()) << answer.error().detail;
    EXPECT_TRUE(answer->ok());
    EXPECT_EQ(answer->piid, 0);
    EXPECT_EQ(answer->oad, oad::DateTime);
    EXPECT_EQ(encodeSetResponse(frameOf(kSetOk).server, 0, 0, oad::DateTime, 0),
              hex(std::string("FEFEFEFE") + kSetOk));
}

TEST(Dlt698Set, RefusalCarriesItsDarAndDescribeNamesIt)
{
    const auto refused = decodeSetResponse(frameOf(kSetRefused));
    ASSERT_TRUE(refused.ok());
    EXPECT_FALSE(refused->ok());
    EXPECT_EQ(refused->dar, 3);
    EXPECT_EQ(refused->oad, 0x40000300u);
    // the protocol-neutral decoder (meterswapctl frame decode) says what was refused and why
    const auto m = meter::decodeAnyFrame(hex(kSetRefused));
    ASSERT_TRUE(m.ok()) << m.error().detail;
    EXPECT_EQ(m->id, "40000300");
    ASSERT_TRUE(m->error.has_value());
    EXPECT_EQ(m->error->text, "拒绝读写");
    // … a SET-Response with PIID 05 from another source
    const auto other =
        decodeSetResponse(frameOf("681900c305220300000000003dac86010540000200000000e82116"));
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->piid, 5);
    EXPECT_TRUE(other->ok());
}

TEST(Dlt698Set, OtherFormsAndShortAnswersAreRefusedNotMisread)
{
    // a GET-Response is not a SET-Response
    const auto get = decodeSetResponse(
        frameOf("682100C305000000000000001DDB850100400102000109061234567890120000DB0716"));
    ASSERT_FALSE(get.ok());
    EXPECT_EQ(get.error().fault, meter::Fault::Garbage);
    // SET-Response-NormalList (86 02) is recognised as not supported
    Frame list = frameOf(kSetOk);
    list.apdu[1] = 0x02;
    EXPECT_EQ(decodeSetResponse(list).error().fault, meter::Fault::Unsupported);
    // a SET-Response cut before its DAR
    Frame cut = frameOf(kSetOk);
    cut.apdu.resize(7);
    EXPECT_EQ(decodeSetResponse(cut).error().fault, meter::Fault::Truncated);
}

TEST(Dlt698Link, LoginAndItsResponse)
{
    // GIVEN a terminal's login (C=81) and the master station's LINK-Response (C=01)
    const Frame login = frameOf(kLogin);
    EXPECT_EQ(login.control, control::LinkRequestFromServer);
    const auto request = decodeLinkRequest(login);
    ASSERT_TRUE(request.ok()) << request.error().detail;
    EXPECT_EQ(request->type, LinkType::Login);
    EXPECT_EQ(request->heartbeatSeconds, 60);
    EXPECT_EQ(request->requestTime.toText(), "2023-07-05 15:24:17.000");
    EXPECT_EQ(request->requestTime.weekday, 3);
    EXPECT_EQ(login.server.toText(), "000000000322");
    // … it re-encodes to the same bytes
    EXPECT_EQ(encodeLinkRequest(login.server, *request), hex(std::string("FEFEFEFE") + kLogin));

    const Frame answer = frameOf(kLinkResponse);
    EXPECT_EQ(answer.control, control::LinkResponseToServer);
    const auto response = decodeLinkResponse(answer);
    ASSERT_TRUE(response.ok()) << response.error().detail;
    // THEN the login was accepted with a trusted clock, and the three times are read
    EXPECT_TRUE(response->accepted());
    EXPECT_TRUE(response->clockTrusted());
    EXPECT_EQ(response->requestTime.toText(), "2023-07-11 16:43:59.000");
    EXPECT_EQ(response->receivedTime.toText(), "2023-07-11 16:44:01.002");
    EXPECT_EQ(response->responseTime.toText(), "2023-07-11 16:44:01.002");
    EXPECT_EQ(encodeLinkResponse(answer.server, answer.client, *response),
              hex(std::string("FEFEFEFE") + kLinkResponse));
}

TEST(Dlt698Link, HeartbeatsAndAConfirmationWithMilliseconds)
{
    for (const char *text : {kGoHeartbeat, kSimHeartbeat}) {
        const auto hb = decodeLinkRequest(frameOf(text));
        ASSERT_TRUE(hb.ok()) << text;
        EXPECT_EQ(hb->type, LinkType::Heartbeat);
        EXPECT_EQ(hb->heartbeatSeconds, 300);
    }
    EXPECT_EQ(decodeLinkRequest(frameOf(kSimHeartbeat))->piidAcd, 1);
    const auto login = decodeLinkRequest(frameOf(kGoLogin));
    ASSERT_TRUE(login.ok());
    EXPECT_EQ(login->type, LinkType::Login);
    EXPECT_EQ(login->requestTime.toText(), "2022-02-23 08:06:56.802");
    const auto confirm = decodeLinkResponse(frameOf(kGoConfirm));
    ASSERT_TRUE(confirm.ok());
    EXPECT_TRUE(confirm->accepted());
    EXPECT_FALSE(confirm->clockTrusted());
    EXPECT_EQ(confirm->requestTime.toText(), "2022-02-23 08:05:02.761");
    // the protocol-neutral view names the request type and period
    const auto m = meter::decodeAnyFrame(hex(kGoHeartbeat));
    ASSERT_TRUE(m.ok()) << m.error().detail;
    ASSERT_GE(m->values.size(), 2u);
    EXPECT_EQ(m->values[0].toString(), "心跳");
    EXPECT_EQ(m->values[1].toString(), "300");
}

TEST(Dlt698Link, RefusedLoginAndBadFramesSayWhatIsWrong)
{
    // a master station answering "address taken" (result 1)
    Frame answer = frameOf(kLinkResponse);
    answer.apdu[2] = 0x01;
    const auto m = describe(answer);
    ASSERT_TRUE(m.ok());
    ASSERT_TRUE(m->error.has_value());
    EXPECT_EQ(m->error->text, "地址重复");
    // request type 7 is none of login / heartbeat / logout
    Frame odd = frameOf(kLogin);
    odd.apdu[2] = 7;
    const auto bad = decodeLinkRequest(odd);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fault, meter::Fault::BadData);
    // cut short
    Frame cut = frameOf(kLinkResponse);
    cut.apdu.resize(20);
    EXPECT_EQ(decodeLinkResponse(cut).error().fault, meter::Fault::Truncated);
    // a LINK-Request is not a LINK-Response
    EXPECT_EQ(decodeLinkResponse(frameOf(kLogin)).error().fault, meter::Fault::Garbage);
}
