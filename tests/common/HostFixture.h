#pragma once

#include "SshdFixture.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

/// A simulated Linux host for SSH tests: its own sshd on a loopback address, in a private mount
/// namespace where /etc is a copy whose passwd, shadow, group and sudoers are fixtures of the test
/// (users with passwords and sudo rules exist only for that host; the machine's files are never
/// touched), and where programs can be hidden (a host without bash, or without sudo).
class HostFixture final {
public:
    struct User {
        QString name;
        QString password; ///< empty: no password (key login only)
        QString shell = QStringLiteral("/bin/sh");
        QString sudoRule; ///< e.g. "ALL=(ALL) ALL"; empty: not in sudoers
    };
    struct Options {
        QString address;
        QList<User> users;
        QStringList hiddenPrograms; ///< names in /usr/bin to hide ("sudo", "bash")
        QString rootShell; ///< root's login shell; empty: unchanged
        QList<QPair<QString, QString>> extraBindMounts;
    };

    explicit HostFixture(Options options);
    ~HostFixture();

    bool start();
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] SshdFixture &sshd() { return *m_sshd; }
    /// What sudo logged on this host (Defaults logfile): one line per event.
    [[nodiscard]] QString sudoLog() const;

private:
    bool writeFixtures();

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_error;
};
