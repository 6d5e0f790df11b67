#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

/// A real OpenSSH server on a loopback address for tests, run in the foreground (-D) as a child
/// of the test so that it always dies with it (PR_SET_PDEATHSIG: a crashing test too). Keys are
/// made fresh with ssh-keygen.
class SshdFixture final {
public:
    struct Options {
        QString address = QStringLiteral("127.0.0.1");
        int port = 0;                       ///< 0: pick a free port
        bool passwordAuth = false;          ///< PasswordAuthentication + KbdInteractive (needs UsePAM)
        QStringList extraConfig;            ///< more sshd_config lines
        /// Run sshd in a private mount namespace with these files bind-mounted over the real
        /// paths (fixture path -> path on the "host"), so that each server sees its own files.
        QList<QPair<QString, QString>> bindMounts;
        /// More shell lines run inside that namespace after the bind mounts, before sshd starts
        /// (e.g. hiding programs from the host). Implies a private namespace.
        QStringList namespaceSetup;
    };

    explicit SshdFixture(Options options);
    explicit SshdFixture() : SshdFixture(Options{}) {}
    ~SshdFixture();

    /// Starts sshd and waits until it accepts connections. False (with error()) when it cannot.
    bool start();
    void stop();
    /// SIGKILLs sshd and every process below it (sessions and the commands they run), by pid:
    /// what a host that crashes or drops off the network looks like to a client mid-session.
    /// `reap` = false only signals (safe from any thread); call crash() again from the owning
    /// thread to collect the process.
    void crash(bool reap = true);
    /// Pids of the processes below sshd (sessions and their commands).
    [[nodiscard]] QList<qint64> descendants() const;
    /// Replaces the host key and restarts: what a reinstalled or spoofed host looks like.
    bool regenerateHostKey();

    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString address() const { return m_options.address; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString userKey() const { return m_dir.filePath(QStringLiteral("userkey")); }
    [[nodiscard]] QString dir() const { return m_dir.path(); }
    /// "SHA256:…" of the current host key, as ssh-keygen -lf prints it.
    [[nodiscard]] QString hostKeySha256() const;
    [[nodiscard]] QString log() const;
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }

    /// Makes a private key protected by `passphrase` (OpenSSH format, or PEM with pem=true)
    /// and authorizes it. Returns its path.
    QString addUserKey(const QString &name, const QString &passphrase, bool pem = false);

    static bool available();    ///< sshd and ssh-keygen are installed, and we are root

private:
    bool keygen(const QString &path, const QString &passphrase, bool pem = false);
    bool writeConfig();

    Options m_options;
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_error;
};
