#include "PassphraseStrength.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace triad {

PassphraseStrength passphraseStrength(const QString &passphrase)
{
    if (passphrase.isEmpty())
        return PassphraseStrength::Empty;
    if (passphrase.size() < kMinimumPassphraseLength)
        return PassphraseStrength::TooShort;
    bool lower = false, upper = false, digit = false, other = false;
    QSet<QChar> distinct;
    for (const QChar c : passphrase) {
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
        distinct.insert(c);
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    // "aaaaaaaaaaaa" is long but has one character: count length only as far as there is variety.
    const double effectiveLength = std::min<double>(passphrase.size(), distinct.size() * 3.0);
    const double bits = effectiveLength * std::log2(std::max(pool, 2));
    if (bits < 50)
        return PassphraseStrength::Weak;
    if (bits < 80)
        return PassphraseStrength::Fair;
    return PassphraseStrength::Strong;
}

QString passphraseStrengthText(PassphraseStrength strength)
{
    switch (strength) {
    case PassphraseStrength::Empty:
        return QCoreApplication::translate("triad::PassphraseStrength", "Type a passphrase of at least %1 characters.")
            .arg(kMinimumPassphraseLength);
    case PassphraseStrength::TooShort:
        return QCoreApplication::translate("triad::PassphraseStrength", "Too short: use at least %1 characters.")
            .arg(kMinimumPassphraseLength);
    case PassphraseStrength::Weak:
        return QCoreApplication::translate("triad::PassphraseStrength",
                                           "Weak: easy to guess. Several unrelated words make a better passphrase.");
    case PassphraseStrength::Fair:
        return QCoreApplication::translate("triad::PassphraseStrength", "Fair: a few more words or characters would help.");
    case PassphraseStrength::Strong:
        return QCoreApplication::translate("triad::PassphraseStrength", "Strong, as far as length and variety tell.");
    }
    return {};
}

} // namespace triad
