#include "SecretInput.h"

#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

#include <cerrno>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace triad::SecretInput {

namespace {

const char *const kPassphraseVariable = "TRIAD_VAULT_PASSPHRASE";

/// Echo off for as long as it lives (terminal input only).
class NoEcho {
public:
    NoEcho()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~NoEcho()
    {
        if (m_active) {
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
            std::fputc('\n', stderr);
        }
    }
    NoEcho(const NoEcho &) = delete;
    NoEcho &operator=(const NoEcho &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

} // namespace

Result<SecretBytes> readLine(const QString &prompt)
{
    const bool terminal = ::isatty(STDIN_FILENO);
    std::unique_ptr<NoEcho> noEcho;
    if (terminal) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        noEcho = std::make_unique<NoEcho>();
    }
    QByteArray line;
    line.reserve(256); // no reallocation (and no unwiped copy) for any sane secret
    bool sawEnd = false;
    char c = 0;
    while (true) {
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (c == '\n') {
            sawEnd = true;
            break;
        }
        line.append(c);
    }
    c = 0;
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return makeError(
            Error::Code::InvalidInput,
            sawEnd ? QStringLiteral("%1: an empty line was given").arg(prompt.trimmed())
                   : QStringLiteral("%1: standard input ended before a line was read").arg(prompt.trimmed()));
    return SecretBytes(std::move(line));
}

Result<SecretBytes> vaultPassphrase(const QString &projectPath, bool confirm)
{
    QByteArray fromEnv = qgetenv(kPassphraseVariable);
    if (!fromEnv.isEmpty()) {
        // Child processes need not inherit it. (The copy in this process's environment block
        // cannot be wiped portably; unsetting it is what is possible.)
        qunsetenv(kPassphraseVariable);
        return SecretBytes(std::move(fromEnv));
    }
    if (!::isatty(STDIN_FILENO))
        return makeError(Error::Code::InvalidInput,
                         QStringLiteral("the project's credential vault needs its passphrase: set %1 "
                                        "(standard input is not a terminal)")
                             .arg(QLatin1String(kPassphraseVariable)),
                         projectPath);
    auto first = readLine(QStringLiteral("Vault passphrase for %1: ").arg(projectPath));
    if (!first || !confirm)
        return first;
    auto again = readLine(QStringLiteral("The same passphrase again: "));
    if (!again)
        return again.error();
    if (again->bytes() != first->bytes())
        return makeError(Error::Code::InvalidInput, QStringLiteral("the two passphrases differ"),
                         projectPath);
    return first;
}

Result<SecretBytes> newVaultPassphrase(const QString &projectPath)
{
    QByteArray fromEnv = qgetenv("TRIAD_NEW_VAULT_PASSPHRASE");
    if (!fromEnv.isEmpty()) {
        qunsetenv("TRIAD_NEW_VAULT_PASSPHRASE");
        return SecretBytes(std::move(fromEnv));
    }
    auto first = readLine(QStringLiteral("New vault passphrase for %1: ").arg(projectPath));
    if (!first || !::isatty(STDIN_FILENO))
        return first;
    auto again = readLine(QStringLiteral("The same passphrase again: "));
    if (!again)
        return again.error();
    if (again->bytes() != first->bytes())
        return makeError(Error::Code::InvalidInput, QStringLiteral("the two passphrases differ"), projectPath);
    return first;
}

Result<std::shared_ptr<CredentialVault>> unlockVault(ProjectDatabase &db, const QString &projectPath,
                                                     bool create)
{
    auto exists = CredentialVault::exists(db);
    if (!exists)
        return exists.error();
    auto passphrase = vaultPassphrase(projectPath, create && !*exists);
    if (!passphrase)
        return passphrase.error();
    auto vault = CredentialVault::unlock(db, *passphrase,
                                         create ? CredentialVault::Mode::CreateIfMissing
                                                : CredentialVault::Mode::OpenExisting);
    if (!vault)
        return makeError(vault.error().code, vault.error().message, projectPath);
    return vault;
}

} // namespace triad::SecretInput
