// The sysctl_config collector run for real by the local transport, on this machine's own sysctl
// files copied into a fixture tree and mounted over the real folders in a private mount
// namespace (as tests/fleet does for its hosts), then the shipped kernel checks evaluated on it:
// folder precedence, lexical order, /etc/sysctl.conf last, and a key set only at runtime.
#include "TestPaths.h"

#include "collect/LocalTransport.h"
#include "collect/ObservationParser.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "eval/Evaluator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace triad;

namespace {

bool write(const QString &path, const QByteArray &content, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(mode) && f.write(content) == content.size();
}

/// Copies a folder's files as they are: symlinks stay symlinks (Debian's 99-sysctl.conf).
bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QFileInfoList entries = QDir(from).entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &e : entries) {
        const QString target = to + QLatin1Char('/') + e.fileName();
        bool ok = false;
        if (e.isSymLink()) {
            char link[4096];
            const ssize_t n = ::readlink(QFile::encodeName(e.filePath()).constData(), link, sizeof link - 1);
            ok = n > 0 && ::symlink(QByteArray(link, n).constData(), QFile::encodeName(target).constData()) == 0;
        } else {
            ok = QFile::copy(e.filePath(), target);
        }
        if (!ok)
            return false;
    }
    return true;
}

bool bind(const QString &from, const QString &to)
{
    return ::mount(QFile::encodeName(from).constData(), QFile::encodeName(to).constData(), nullptr, MS_BIND, nullptr) == 0;
}

QString running(const char *key)
{
    QFile f(QStringLiteral("/proc/sys/") + QString::fromLatin1(key).replace(QLatin1Char('.'), QLatin1Char('/')));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).trimmed() : QString();
}

int lineOf(const QString &path, const QByteArray &needle)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).startsWith(needle))
            return int(i + 1);
    return -1;
}

} // namespace

class TestSysctlConfig final : public QObject {
    Q_OBJECT
    QTemporaryDir m_fixture;
    std::optional<Catalog> m_catalog;

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root for a private mount namespace");
        QVERIFY(m_fixture.isValid());
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::move(*catalog);

        // This machine's real files first, then the cases on top of them.
        const QString fx = m_fixture.path();
        QVERIFY(QFile::copy(QStringLiteral("/etc/sysctl.conf"), fx + QStringLiteral("/etc/sysctl.conf")) ||
                write(fx + QStringLiteral("/etc/sysctl.conf"), "# none on this host\n"));
        QVERIFY(copyFolder(QStringLiteral("/etc/sysctl.d"), fx + QStringLiteral("/etc/sysctl.d")));
        QVERIFY(copyFolder(QStringLiteral("/usr/lib/sysctl.d"), fx + QStringLiteral("/usr/lib/sysctl.d")));
        // /etc beats /usr/lib for the same name (the real 50-pid-max.conf is in /usr/lib).
        QVERIFY(write(fx + QStringLiteral("/etc/sysctl.d/50-pid-max.conf"), "kernel.pid_max = 65536\n"));
        // /run beats /usr/lib for the same name: the whole vendor file is replaced.
        QVERIFY(write(fx + QStringLiteral("/run/sysctl.d/99-protect-links.conf"), "# runtime override\nfs.protected_regular = 1\n"));
        // Lexical order across folders: 60 (/usr/local/lib) is read before 70 (/etc).
        QVERIFY(write(fx + QStringLiteral("/usr/local/lib/sysctl.d/60-local.conf"),
                      "net.ipv4.conf.all.log_martians = 0\nnet.ipv4.conf.*.rp_filter = 1\n"));
        QVERIFY(write(fx + QStringLiteral("/etc/sysctl.d/70-site.conf"), "net.ipv4.conf.all.log_martians = 1\n"));
        // /etc/sysctl.conf is read last, even after a file sorting after 99-sysctl.conf.
        QVERIFY(write(fx + QStringLiteral("/etc/sysctl.d/99-zz.conf"), "net.ipv4.tcp_syncookies = 0\n"));
        QVERIFY(write(fx + QStringLiteral("/etc/sysctl.conf"), "net.ipv4.tcp_syncookies = 1\n", QIODevice::Append));

        // Only this process (and the shells it starts) sees the fixtures.
        QVERIFY2(::unshare(CLONE_NEWNS) == 0, "unshare(CLONE_NEWNS) failed");
        QVERIFY(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0);
        QVERIFY(bind(fx + QStringLiteral("/etc/sysctl.conf"), QStringLiteral("/etc/sysctl.conf")));
        QVERIFY(bind(fx + QStringLiteral("/etc/sysctl.d"), QStringLiteral("/etc/sysctl.d")));
        QVERIFY(bind(fx + QStringLiteral("/usr/lib/sysctl.d"), QStringLiteral("/usr/lib/sysctl.d")));
        QVERIFY(bind(fx + QStringLiteral("/run"), QStringLiteral("/run")));
        QVERIFY(QDir(QStringLiteral("/usr/local/lib")).exists());
        QVERIFY(bind(fx + QStringLiteral("/usr/local/lib"), QStringLiteral("/usr/local/lib")));
    }

    void kernelChecksReadBothValues()
    {
        auto plan = Planner::planLibrary(*m_catalog, QStringLiteral("linux-kernel"), {});
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().toString()));
        LocalTransport transport;
        auto batch = transport.collect(plan->collectors, {});
        QVERIFY2(batch, batch ? "" : qPrintable(batch.error().toString()));
        ObservationMap observations;
        const RawOutput *persistedRaw = nullptr;
        for (qsizetype i = 0; i < plan->collectors.size(); ++i) {
            observations.insert(plan->collectors.at(i).key, parseObservation(plan->collectors.at(i).spec, batch->outputs.at(i)));
            if (plan->collectors.at(i).spec.type == CollectorDef::Type::SysctlConfig)
                persistedRaw = &batch->outputs.at(i);
        }
        QVERIFY(persistedRaw);
        QCOMPARE(persistedRaw->exitCode, 0);
        const Observation persisted = observations.value(plan->collectorKeyByName.value(QStringLiteral("linux-kernel/persisted")));
        QCOMPARE(int(persisted.state), int(Observation::State::Value));
        const QVariantMap v = persisted.value.toMap();
        auto origin = [&persisted](const char *key) { return persisted.origins.value(QString::fromLatin1(key)); };

        QCOMPARE(v.value(QStringLiteral("kernel.pid_max")).toString(), QStringLiteral("65536"));
        QCOMPARE(origin("kernel.pid_max"), QStringLiteral("/etc/sysctl.d/50-pid-max.conf:1"));
        QCOMPARE(v.value(QStringLiteral("fs.protected_regular")).toString(), QStringLiteral("1"));
        QCOMPARE(origin("fs.protected_regular"), QStringLiteral("/run/sysctl.d/99-protect-links.conf:2"));
        // The real vendor file set these; the /run file of the same name replaced it whole.
        if (QFile::exists(QStringLiteral("/usr/lib/sysctl.d/99-protect-links.conf")))
            QVERIFY(!v.contains(QStringLiteral("fs.protected_fifos")));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.all.log_martians")).toString(), QStringLiteral("1"));
        QCOMPARE(origin("net.ipv4.conf.all.log_martians"), QStringLiteral("/etc/sysctl.d/70-site.conf:1"));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.default.rp_filter")).toString(), QStringLiteral("1"));
        const int mainLine = lineOf(QStringLiteral("/etc/sysctl.conf"), "net.ipv4.tcp_syncookies");
        QCOMPARE(v.value(QStringLiteral("net.ipv4.tcp_syncookies")).toString(), QStringLiteral("1"));
        QCOMPARE(origin("net.ipv4.tcp_syncookies"), QStringLiteral("/etc/sysctl.conf:%1").arg(mainLine));
        QVERIFY(!v.contains(QStringLiteral("kernel.randomize_va_space")));

        QHash<QString, CheckResult> results;
        for (const CheckResult &r : Evaluator::evaluatePlan(*plan, observations))
            results.insert(r.checkId, r);

        // Set only at runtime: the running value is right, no file keeps it after a reboot.
        const CheckResult aslr = results.value(QStringLiteral("kernel.aslr"));
        if (running("kernel.randomize_va_space") == QLatin1String("2")) {
            QCOMPARE(toString(aslr.status), QStringLiteral("fail"));
            QCOMPARE(aslr.message, QStringLiteral("kernel.randomize_va_space is not set in any sysctl configuration file"));
        }
        // Both right: the result names the file that sets the value at boot.
        const CheckResult syncookies = results.value(QStringLiteral("net.tcp-syncookies"));
        if (running("net.ipv4.tcp_syncookies") == QLatin1String("1")) {
            QCOMPARE(toString(syncookies.status), QStringLiteral("pass"));
            QVERIFY2(syncookies.actual.contains(QStringLiteral("(set in /etc/sysctl.conf:%1)").arg(mainLine)), qPrintable(syncookies.actual));
        }
        // Persisted but not running (nothing applied the fixture): the running value decides.
        const CheckResult rp = results.value(QStringLiteral("net.rp-filter"));
        if (running("net.ipv4.conf.all.rp_filter") != QLatin1String("1"))
            QCOMPARE(toString(rp.status), QStringLiteral("fail"));
    }

    void aSymlinkToDevNullMasks()
    {
        const QString fx = m_fixture.path();
        // A symlink to /dev/null in /etc masks the vendor file of the same name.
        QVERIFY(::symlink("/dev/null", QFile::encodeName(fx + QStringLiteral("/etc/sysctl.d/99-protect-links.conf")).constData()) == 0);
        PlannedCollector c;
        c.key = QStringLiteral("persisted");
        c.spec.id = c.key;
        c.spec.type = CollectorDef::Type::SysctlConfig;
        LocalTransport transport;
        auto batch = transport.collect({c}, {});
        QVERIFY(batch);
        Observation o = parseObservation(c.spec, batch->outputs.first());
        QCOMPARE(int(o.state), int(Observation::State::Value));
        QVERIFY(!o.value.toMap().contains(QStringLiteral("fs.protected_regular")));
        QVERIFY(batch->outputs.first().stdoutData.contains("~/etc/sysctl.d/99-protect-links.conf\n"));

    }
};

QTEST_GUILESS_MAIN(TestSysctlConfig)
#include "tst_sysctl_config.moc"
