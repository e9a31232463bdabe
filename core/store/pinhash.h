#pragma once
// PIN material: the key-derivation function, the PIN rule and the office reset code. Pure and
// thread-safe (no database): the slow parts run on a worker thread while the sign-in page stays
// responsive (docs/decisions/0007-pin-sign-in.md).
//
//   pin::Hash h = pin::make(QStringLiteral("123456"));   // ~0.3 s: PBKDF2-HMAC-SHA256, 600,000
//   pin::Verdict v = pin::check(typed, h);                // same cost (twice when it upgrades)
//   if (v.matched && v.upgrade) store(v.upgrade);         // an older hash, re-derived
#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace ms::pin {

inline constexpr int kMinDigits = 6;
inline constexpr int kMaxDigits = 12;
inline constexpr int kIterations = 600000; // OWASP 2023 for PBKDF2-HMAC-SHA256
inline constexpr int kSaltBytes = 16;
inline constexpr int kKeyBytes = 32;
inline constexpr int kResetDigits = 8; // challenge and reset code

// How a PIN is stored: "pbkdf2-sha256$ITERATIONS", a per-user salt and the derived key.
// Rows written before migration 4 read "pbkdf2-sha256$20000" (Qt's PBKDF2, the same function).
struct Hash
{
    QString kdf;
    QByteArray salt;
    QByteArray key;
};

// "store.bad_input" unless `pin` is kMinDigits–kMaxDigits ASCII digits.
Result<void> checkFormat(const QString &pin);

// A fresh salt and the current KDF. Slow (see the header). Does not check the format.
Hash make(const QString &pin);

// The KDF's iteration count, or 0 when `kdf` is not a form this build knows.
int iterations(const QString &kdf);
QString currentKdf();
bool isCurrent(const Hash &stored);

struct Verdict
{
    bool matched = false;
    bool tooShort = false;       // matched, but shorter than kMinDigits (set before the rule)
    std::optional<Hash> upgrade; // matched with an older KDF: the same PIN, hashed as today
};

// Derives `pin` with the stored parameters and compares in constant time; on a match with an
// outdated KDF also makes the upgraded hash. Slow; safe on any thread.
Verdict check(const QString &pin, const Hash &stored);

// Office reset: the office turns the challenge the locked tablet shows into a code, keyed with
// the device token's SHA-256 (hex, as the office stores it): the first 8 decimal digits of
// HMAC-SHA256(key, "meterswap-pin-reset-v1\n" + challenge). Both sides compute it; the tablet
// needs no network and holds no office secret beyond the token it already has.
QString resetCode(const QString &tokenSha256Hex, const QString &challenge);
QString tokenSha256Hex(const QString &token);
QString newChallenge(); // kResetDigits random digits

// Byte-wise comparison whose time does not depend on where the inputs differ.
bool constantTimeEqual(const QByteArray &a, const QByteArray &b);

} // namespace ms::pin
