#pragma once
// ConcentratorClient: Q/GDW 1376.1 requests to one concentrator (集中器) through a SerialLink —
// the same port handling, timeouts, retries and failure classes as the meter link. A new PSEQ per
// request, the same PSEQ for the link's retries; a reply is matched by terminal address, AFN (or
// AFN 00) and RSEQ, never by C's function code; multi-frame replies (FIR…FIN) are collected.
// Every request and reply frame is kept for the card's evidence.
//
//   ConcentratorClient client(&link, *gdw1376::Address::fromText("1101-1234"));
//   client.readParameters([](const ConcentratorParameters &p) { … p.master, p.logical … });
//   client.readArchive([](const ConcentratorArchive &a) { … a.entries … });
//   client.readEnergy({1, 2, 3}, [](const ConcentratorEnergy &e) { … e.readings[1] … });
#include "meter/gdw1376/dataunits.h"
#include "meter/link/seriallink.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>

namespace ms::meter {

// One request's outcome.
struct ConcentratorReply
{
    enum class Outcome {
        Data,         // data units came back
        Confirmed,    // AFN 00 F1 (or F3 with every unit correct)
        Denied,       // AFN 00 F2: refused (a set: password/authentication)
        PartlyDenied, // AFN 00 F3 with some units in error (see verdicts)
        NoAnswer,     // the link failed (failure says how)
        BadReply,     // frames came back but their data units did not decode
    };
    Outcome outcome = Outcome::NoAnswer;
    LinkFailure failure = LinkFailure::None;
    QString message; // human text when not ok()
    std::vector<gdw1376::DataUnit> units;
    gdw1376::UnitVerdicts verdicts;
    QList<RawFrame> frames;
    int attempts = 0;
    qint64 txBytes = 0;
    qint64 rxBytes = 0;
    qint64 elapsedMs = 0;
    bool ok() const { return outcome == Outcome::Data || outcome == Outcome::Confirmed; }
};

// Totals over the requests of one operation (for evidence and the bench).
struct ConcentratorTraffic
{
    QList<RawFrame> frames;
    int requests = 0;
    qint64 txBytes = 0;
    qint64 rxBytes = 0;
    qint64 elapsedMs = 0;
    void add(const ConcentratorReply &reply);
};

struct ConcentratorParameters // F3 + F89
{
    bool ok = false;
    QString message;
    std::optional<gdw1376::MasterStation> master;
    std::optional<gdw1376::LogicalAddress> logical;
    ConcentratorTraffic traffic;
};

struct ConcentratorParameterSet // what to write; nullopt = leave as it is
{
    std::optional<gdw1376::MasterStation> master;
    std::optional<gdw1376::LogicalAddress> logical;
};

struct ConcentratorSetResult
{
    bool ok = false; // written and read back equal
    QString message;
    bool denied = false;    // AFN 00 F2 on the set: password/authentication refused
    bool confirmed = false; // the concentrator confirmed the set (AFN 00 F1)
    ConcentratorParameters readBack;
    ConcentratorTraffic traffic; // the set and the read-back
};

struct ConcentratorArchive // F10 records, 序号 ascending
{
    bool ok = false;
    QString message;
    std::vector<gdw1376::ArchiveEntry> entries;
    ConcentratorTraffic traffic;
};

struct ConcentratorEnergy // F129 per measuring point; a point without a reading is absent
{
    bool ok = false; // every request answered (a point may still be unread)
    QString message;
    std::map<int, gdw1376::EnergyReading> readings;
    ConcentratorTraffic traffic;
};

struct ConcentratorArchiveWrite
{
    bool ok = false;
    QString message;
    bool denied = false;
    std::vector<gdw1376::UnitVerdict>
        verdicts; // F3 per-unit errors (2: address already registered)
    ConcentratorTraffic traffic;
};

class ConcentratorClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const ConcentratorReply &)>;

    ConcentratorClient(SerialLink *link, gdw1376::Address address, QObject *parent = nullptr);

    // The maintenance port's defaults: 9600 bit/s 8E1, 2 s reply timeout, 2 retries.
    static LinkSettings defaultSettings(const QString &port);

    const gdw1376::Address &address() const { return m_address; }
    void setAddress(const gdw1376::Address &address) { m_address = address; }
    // The 16-byte PW the office issued (default 16 × 00), sent with every AFN 04.
    void setPassword(const std::array<std::uint8_t, gdw1376::PasswordBytes> &password)
    {
        m_password = password;
    }
    void setArchiveBatch(int seqsPerRequest) { m_archiveBatch = std::clamp(seqsPerRequest, 1, 64); }
    void setEnergyBatch(int pointsPerRequest)
    {
        m_energyBatch = std::clamp(pointsPerRequest, 1, 32);
    }

    // One request; `done` runs exactly once.
    void request(std::uint8_t afn, std::vector<gdw1376::DataUnit> units, Done done);

    // The terminal on the port, when its address is not known: an F89 query to the broadcast
    // address (A1 = A2 = FFFF, group flag). Not every terminal answers a broadcast: on nullopt,
    // ask for the address on the nameplate or the display. On success the client is addressed
    // to it.
    void discover(std::function<void(const ConcentratorParameters &)> done);
    void readParameters(std::function<void(const ConcentratorParameters &)> done);
    // Writes F3 / F89 (with the password), then reads both back and compares.
    void setParameters(const ConcentratorParameterSet &set,
                       std::function<void(const ConcentratorSetResult &)> done);
    // Queries 序号 1… in batches until two batches in a row hold no record (or 2040).
    void readArchive(std::function<void(const ConcentratorArchive &)> done);
    // F129 for these measuring points, several points per request.
    void readEnergy(const QList<int> &points, std::function<void(const ConcentratorEnergy &)> done);
    // Writes these records (AFN 04 F10, with the password).
    void writeArchive(const std::vector<gdw1376::ArchiveEntry> &entries,
                      std::function<void(const ConcentratorArchiveWrite &)> done);

private:
    QString failureMessage(const Exchange &ex) const;
    QString deniedMessage(std::uint8_t afn) const;
    void readMasterOnly(const ConcentratorReply &denied,
                        std::function<void(const ConcentratorParameters &)> done);
    void archiveBatch(int from, int emptyRun, std::shared_ptr<ConcentratorArchive> state,
                      std::function<void(const ConcentratorArchive &)> done);
    void energyBatch(QList<int> left, std::shared_ptr<ConcentratorEnergy> state,
                     std::function<void(const ConcentratorEnergy &)> done);

    SerialLink *m_link;
    gdw1376::Address m_address;
    std::array<std::uint8_t, gdw1376::PasswordBytes> m_password{};
    int m_pfc = 0;
    int m_archiveBatch = 16;
    int m_energyBatch = 8;
};

} // namespace ms::meter
