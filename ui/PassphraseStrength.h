#pragma once

#include <QString>

namespace triad {

/// A rough, honest hint about a vault passphrase while it is typed. It estimates the search space
/// from the length and the kinds of characters used; it cannot see that a passphrase is a famous
/// quotation, so the hint never says "secure", only how long a guesser would need at best.
enum class PassphraseStrength { Empty, TooShort, Weak, Fair, Strong };

inline constexpr int kMinimumPassphraseLength = 8;

PassphraseStrength passphraseStrength(const QString &passphrase);
/// The hint shown under the passphrase field.
QString passphraseStrengthText(PassphraseStrength strength);

} // namespace triad
