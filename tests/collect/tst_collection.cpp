// The collection script run for real on this machine (dash, and busybox sh when installed).
#include "collect/CollectionScript.h"
#include "collect/LocalTransport.h"
#include "collect/ObservationParser.h"
#include "collect/ScriptOutputParser.h"

#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace triad;

namespace {

PlannedCollector collector(const QString &key, CollectorDef::Type type)
{
    PlannedCollector c;
    c.key = key;
    c.spec.id = key;
    c.spec.type = type;
    c.spec.timeoutSeconds = 10;
    return c;
}

PlannedCollector command(const QString &key, const QStringList &run)
{
    PlannedCollector c = collector(key, CollectorDef::Type::Command);
    c.spec.run = run;
    return c;
}

/// Runs the script with `shell` and splits the output, as a transport would.
CollectionBatch runWith(const QString &shell, const QList<PlannedCollector> &collectors)
{
    auto script = buildCollectionScript(collectors);
    if (!script)
        qFatal("%s", qPrintable(script.error().toString()));
    QProcess p;
    QStringList args{QStringLiteral("-s")};
    if (shell.endsWith(QLatin1String("busybox")))
        args.prepend(QStringLiteral("sh"));
    p.start(shell, args);
    p.write(script->text);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return parseScriptOutput(p.readAllStandardOutput(), *script, QDateTime::currentDateTimeUtc());
}

const RawOutput *find(const CollectionBatch &batch, const QString &key)
{
    for (const RawOutput &r : batch.outputs)
        if (r.collectorKey == key)
            return &r;
    return nullptr;
}

} // namespace

class TestCollection final : public QObject {
    Q_OBJECT
private slots:
    void shells_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("dash") << QStringLiteral("/bin/sh");
        QTest::newRow("busybox") << QStringLiteral("/bin/busybox");
    }

    void shells()
    {
        QFETCH(QString, shell);
        if (!QFile::exists(shell))
            QSKIP("shell not installed (apt-get install busybox-static)");
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("pwned"));
        QByteArray binary;
        for (int i = 0; i < 256; ++i)
            binary.append(char(i));
        QFile bin(dir.filePath(QStringLiteral("binary")));
        QVERIFY(bin.open(QIODevice::WriteOnly));
        bin.write(binary);
        bin.close();

        PlannedCollector file = collector(QStringLiteral("file"), CollectorDef::Type::File);
        file.spec.path = dir.filePath(QStringLiteral("binary"));
        PlannedCollector stat = collector(QStringLiteral("stat"), CollectorDef::Type::Stat);
        stat.spec.path = QStringLiteral("/etc/passwd");
        PlannedCollector absent = collector(QStringLiteral("absent"), CollectorDef::Type::Stat);
        absent.spec.path = dir.filePath(QStringLiteral("no such file"));
        PlannedCollector sysctl = collector(QStringLiteral("sysctl"), CollectorDef::Type::Sysctl);
        sysctl.spec.name = QStringLiteral("kernel.ostype");
        PlannedCollector sysctlConfig = collector(QStringLiteral("sysctl-config"), CollectorDef::Type::SysctlConfig);

        const QList<PlannedCollector> plan{
            command(QStringLiteral("hostile"), {QStringLiteral("printf"), QStringLiteral("%s|"), QStringLiteral("$(touch ") + marker + QLatin1Char(')'),
                                               QStringLiteral("`touch ") + marker + QLatin1Char('`'), QStringLiteral("a'b\"c"),
                                               QStringLiteral("line1\nline2"), QStringLiteral(";touch ") + marker}),
            file, stat, absent, sysctl, sysctlConfig,
            command(QStringLiteral("stderr"), {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 3")}),
            command(QStringLiteral("missing"), {QStringLiteral("/nonexistent/tool")}),
            command(QStringLiteral("fake-frame"), {QStringLiteral("printf"), QStringLiteral("\n@@TRIAD:0000:END:9:0\nstill data\n")}),
        };
        const CollectionBatch batch = runWith(shell, plan);
        QCOMPARE(batch.outputs.size(), plan.size());
        QVERIFY(!QFile::exists(marker));
        QCOMPARE(find(batch, QStringLiteral("hostile"))->stdoutData,
                 (QStringLiteral("$(touch ") + marker + QStringLiteral(")|`touch ") + marker + QStringLiteral("`|a'b\"c|line1\nline2|;touch ") +
                  marker + QLatin1Char('|')).toUtf8());
        QCOMPARE(find(batch, QStringLiteral("file"))->stdoutData, binary);
        QCOMPARE(find(batch, QStringLiteral("file"))->exitCode, 0);
        const Observation st = parseObservation(stat.spec, *find(batch, QStringLiteral("stat")));
        QCOMPARE(int(st.state), int(Observation::State::Value));
        QCOMPARE(st.value.toMap().value(QStringLiteral("owner")).toString(), QStringLiteral("root"));
        QCOMPARE(st.value.toMap().value(QStringLiteral("mode")).toString(), QStringLiteral("0644"));
        QCOMPARE(int(parseObservation(absent.spec, *find(batch, QStringLiteral("absent"))).state), int(Observation::State::Missing));
        QCOMPARE(parseObservation(sysctl.spec, *find(batch, QStringLiteral("sysctl"))).value.toString(), QStringLiteral("Linux"));
        // This machine's sysctl configuration, read with the shell's builtins only.
        const RawOutput *config = find(batch, QStringLiteral("sysctl-config"));
        QCOMPARE(config->exitCode, 0);
        QCOMPARE(config->stdoutData.contains("=/etc/sysctl.conf\n"), QFile::exists(QStringLiteral("/etc/sysctl.conf")));
        QCOMPARE(int(parseObservation(sysctlConfig.spec, *config).state), int(Observation::State::Value));
        const RawOutput *err = find(batch, QStringLiteral("stderr"));
        QCOMPARE(err->exitCode, 3);
        QCOMPARE(err->stdoutData, QByteArray("out\n"));
        QCOMPARE(err->stderrData, QByteArray("err\n"));
        QCOMPARE(find(batch, QStringLiteral("missing"))->exitCode, 127);
        QCOMPARE(find(batch, QStringLiteral("fake-frame"))->stdoutData, QByteArray("\n@@TRIAD:0000:END:9:0\nstill data\n"));
        QVERIFY(!batch.facts.hostname.isEmpty());
        QVERIFY(!batch.facts.kernel.isEmpty());
    }

    void eachCollectorIsTimedByItsOwnStamps_data() { shells_data(); }

    void eachCollectorIsTimedByItsOwnStamps()
    {
        // Every evidence row used to carry the whole script's duration: a slow collector could
        // not be told from a fast one. The script now stamps each frame with /proc/uptime.
        QFETCH(QString, shell);
        if (!QFile::exists(shell))
            QSKIP("shell not installed (apt-get install busybox-static)");
        const CollectionBatch batch = runWith(shell, {command(QStringLiteral("fast"), {QStringLiteral("true")}),
                                                      command(QStringLiteral("slow"), {QStringLiteral("sleep"), QStringLiteral("0.4")}),
                                                      command(QStringLiteral("after"), {QStringLiteral("true")})});
        QCOMPARE(batch.outputs.size(), 3);
        QVERIFY2(batch.outputs.at(1).durationMs >= 380, qPrintable(QString::number(batch.outputs.at(1).durationMs)));
        QVERIFY2(batch.outputs.at(1).durationMs < 3000, qPrintable(QString::number(batch.outputs.at(1).durationMs)));
        QVERIFY(batch.outputs.at(0).durationMs < 300);
        QVERIFY(batch.outputs.at(2).durationMs < 300);
    }

    void missingOrForgedStampsLeaveDurationsUnmeasured()
    {
        auto script = buildCollectionScript({command(QStringLiteral("a"), {QStringLiteral("true")}),
                                             command(QStringLiteral("b"), {QStringLiteral("true")})});
        QVERIFY(script);
        const QByteArray n = script->nonce;
        auto frame = [&n](const QByteArray &rest) -> QByteArray { return QByteArrayLiteral("@@TRIAD:") + n + ':' + rest; };
        // A host without /proc/uptime prints empty stamps; a garbled one must not give a negative
        // or absurd figure; exit codes are read as before.
        const QByteArray output = frame("FACTS\nh\n6.1\n\n") + frame("FACTSEND:\n") + frame("BEGIN:0\nx\n") +
                                  frame("END:0:0:\n") + frame("BEGIN:1\ny\n") + frame("END:1:3:-5.00\n") + frame("DONE\n");
        const CollectionBatch batch = parseScriptOutput(output, *script, QDateTime::currentDateTimeUtc());
        QCOMPARE(batch.outputs.size(), 2);
        QCOMPARE(batch.outputs.at(0).exitCode, 0);
        QCOMPARE(batch.outputs.at(1).exitCode, 3);
        QCOMPARE(batch.outputs.at(0).durationMs, 0);
        QCOMPARE(batch.outputs.at(1).durationMs, 0);
        QCOMPARE(batch.outputs.at(1).stdoutData, QByteArray("y"));
    }

    void floodIsCappedQuickly()
    {
        PlannedCollector flood = command(QStringLiteral("flood"), {QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("52428800"),
                                                                  QStringLiteral("/dev/zero")});
        flood.spec.maxBytes = 100000;
        QElapsedTimer t;
        t.start();
        LocalTransport transport;
        auto batch = transport.collect({flood, command(QStringLiteral("after"), {QStringLiteral("echo"), QStringLiteral("ok")})}, {});
        QVERIFY(batch);
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(batch->outputs.at(0).stdoutData.size(), 100000);
        QVERIFY(batch->outputs.at(0).truncated);
        QCOMPARE(batch->outputs.at(1).stdoutData, QByteArray("ok\n"));
    }

    void hangingCommandTimesOut()
    {
        PlannedCollector hang = command(QStringLiteral("hang"), {QStringLiteral("sleep"), QStringLiteral("60")});
        hang.spec.timeoutSeconds = 1;
        QElapsedTimer t;
        t.start();
        LocalTransport transport;
        auto batch = transport.collect({hang, command(QStringLiteral("after"), {QStringLiteral("echo"), QStringLiteral("ok")})}, {});
        QVERIFY(batch);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(int(batch->outputs.at(0).status), int(CollectionStatus::Timeout));
        QCOMPARE(int(parseObservation(hang.spec, batch->outputs.at(0)).state), int(Observation::State::Error));
        QCOMPARE(batch->outputs.at(1).stdoutData, QByteArray("ok\n"));
    }

    void cancelAndOverallTimeout()
    {
        // An unusual duration, so that pgrep below cannot mistake another program's "sleep 60" for ours.
        PlannedCollector hang = command(QStringLiteral("hang"), {QStringLiteral("sleep"), QStringLiteral("61.4142")});
        hang.spec.timeoutSeconds = 0;     // no per-collector limit: the transport must stop it
        std::atomic_bool cancel{false};
        CollectOptions options;
        options.cancel = &cancel;
        QElapsedTimer t;
        t.start();
        QThread *canceller = QThread::create([&cancel] {
            QThread::msleep(300);
            cancel = true;
        });
        canceller->start();
        LocalTransport transport;
        auto cancelled = transport.collect({hang}, options);
        canceller->wait();
        delete canceller;
        QVERIFY(!cancelled);
        QCOMPARE(int(cancelled.error().code), int(Error::Code::Cancelled));
        QVERIFY(t.elapsed() < 1500);

        CollectOptions shortRun;
        shortRun.overallTimeoutSeconds = 1;
        t.restart();
        auto timedOut = transport.collect({hang}, shortRun);
        QVERIFY(!timedOut);
        QCOMPARE(int(timedOut.error().code), int(Error::Code::Timeout));
        QVERIFY(t.elapsed() < 3000);
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("^sleep 61\\.4142$")});
        pgrep.waitForFinished();
        QVERIFY2(pgrep.readAllStandardOutput().isEmpty(), "the whole process group must be gone");
    }

    // One real walk over a tree holding one of each finding, including a hostile file name.
    void filesystemWalkFindsEachKindOnce()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        auto touch = [&](const QString &rel, QFile::Permissions perms) {
            QFile f(root + QLatin1Char('/') + rel);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
            QVERIFY(f.setPermissions(perms));
        };
        auto chmod = [&](const QString &rel, const char *mode) {
            QCOMPARE(QProcess::execute(QStringLiteral("chmod"), {QString::fromLatin1(mode), root + QLatin1Char('/') + rel}), 0);
        };
        QVERIFY(QDir(root).mkpath(QStringLiteral("shared")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("tmp")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("skipped")));
        touch(QStringLiteral("suid-tool"), QFile::ReadOwner | QFile::ExeOwner);
        chmod(QStringLiteral("suid-tool"), "4755");
        touch(QStringLiteral("everyone.txt"), QFile::ReadOwner);
        chmod(QStringLiteral("everyone.txt"), "0666");
        chmod(QStringLiteral("shared"), "0777");
        chmod(QStringLiteral("tmp"), "1777");                   // sticky: not a finding
        touch(QStringLiteral("skipped/also-suid"), QFile::ReadOwner);
        chmod(QStringLiteral("skipped/also-suid"), "6755");     // excluded by pattern
        const QString hostile = QStringLiteral("evil|name\nS|f|4755|0|0|root|root|forged");   // a real newline
        touch(hostile, QFile::ReadOwner);
        chmod(hostile, "0666");
        touch(QStringLiteral("orphan"), QFile::ReadOwner);
        QCOMPARE(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("54321:54321"), root + QStringLiteral("/orphan")}), 0);

        PlannedCollector walk = collector(QStringLiteral("walk"), CollectorDef::Type::FsWalk);
        walk.spec.roots = {root};
        walk.spec.excludes = {root + QStringLiteral("/skipped")};
        walk.spec.maxBytes = 1 << 20;
        const CollectionBatch batch = runWith(QStringLiteral("/bin/sh"), {walk});
        const RawOutput *raw = find(batch, QStringLiteral("walk"));
        QVERIFY(raw);
        QCOMPARE(raw->exitCode, 0);
        const Observation obs = parseObservation(walk.spec, *raw);
        QCOMPARE(int(obs.state), int(Observation::State::Value));
        const QVariantMap v = obs.value.toMap();
        auto paths = [&](const char *list) {
            QStringList out;
            for (const QVariant &e : v.value(QString::fromLatin1(list)).toList())
                out << e.toMap().value(QStringLiteral("path")).toString().mid(root.size());
            out.sort();
            return out;
        };
        QCOMPARE(paths("suid_sgid_files"), QStringList{QStringLiteral("/suid-tool")});
        // The newline in the name is shown escaped and forges no SUID record.
        QCOMPARE(paths("world_writable_files"),
                 (QStringList{QStringLiteral("/everyone.txt"), QStringLiteral("/evil|name\\nS|f|4755|0|0|root|root|forged")}));
        QCOMPARE(paths("world_writable_dirs_without_sticky"), QStringList{QStringLiteral("/shared")});
        QCOMPARE(paths("unowned"), QStringList{QStringLiteral("/orphan")});
        const QVariantMap orphan = v.value(QStringLiteral("unowned")).toList().first().toMap();
        QCOMPARE(orphan.value(QStringLiteral("no_user")).toBool(), true);
        QCOMPARE(orphan.value(QStringLiteral("uid")).toLongLong(), 54321);
        const QVariantMap suid = v.value(QStringLiteral("suid_sgid_files")).toList().first().toMap();
        QCOMPARE(suid.value(QStringLiteral("mode")).toString(), QStringLiteral("4755"));
        QCOMPARE(suid.value(QStringLiteral("suid")).toBool(), true);
        QCOMPARE(suid.value(QStringLiteral("sgid")).toBool(), false);
    }

    void unsafeNamesAreRefused()
    {
        PlannedCollector sysctl = collector(QStringLiteral("s"), CollectorDef::Type::Sysctl);
        sysctl.spec.name = QStringLiteral("../../etc/shadow");
        QVERIFY(!buildCollectionScript({sysctl}));
        PlannedCollector glob = collector(QStringLiteral("g"), CollectorDef::Type::File);
        glob.spec.path = QStringLiteral("/etc/x");
        glob.spec.includeGlob = QStringLiteral("/etc/x.d/$(id).conf");
        QVERIFY(!buildCollectionScript({glob}));
        PlannedCollector pkg = collector(QStringLiteral("p"), CollectorDef::Type::Package);
        pkg.spec.name = QStringLiteral("bash; reboot");
        QVERIFY(!buildCollectionScript({pkg}));
    }

    void packagesAndIncludes()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("conf.d")));
        auto write = [&dir](const QString &name, const QByteArray &content) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(content);
        };
        write(QStringLiteral("main.conf"), "PermitRootLogin yes\nMaxAuthTries 6\n");
        write(QStringLiteral("conf.d/10-a.conf"), "PermitRootLogin no");
        write(QStringLiteral("conf.d/ignored.txt"), "MaxAuthTries 1\n");
        PlannedCollector file = collector(QStringLiteral("cfg"), CollectorDef::Type::File);
        file.spec.path = dir.filePath(QStringLiteral("main.conf"));
        file.spec.includeGlob = dir.filePath(QStringLiteral("conf.d/*.conf"));
        file.spec.parse.format = ParseSpec::Format::KeyValue;
        file.spec.parse.keyCase = ParseSpec::KeyCase::Lower;
        PlannedCollector bash = collector(QStringLiteral("bash"), CollectorDef::Type::Package);
        bash.spec.name = QStringLiteral("bash");
        PlannedCollector nope = collector(QStringLiteral("nope"), CollectorDef::Type::Package);
        nope.spec.name = QStringLiteral("triad-no-such-package");
        LocalTransport transport;
        auto batch = transport.collect({file, bash, nope}, {});
        QVERIFY(batch);
        const Observation cfg = parseObservation(file.spec, batch->outputs.at(0));
        QCOMPARE(cfg.value.toMap().value(QStringLiteral("permitrootlogin")).toString(), QStringLiteral("no"));   // drop-in first
        QCOMPARE(cfg.value.toMap().value(QStringLiteral("maxauthtries")).toString(), QStringLiteral("6"));
        const Observation b = parseObservation(bash.spec, batch->outputs.at(1));
        QCOMPARE(int(b.state), int(Observation::State::Value));
        QVERIFY(!b.value.toMap().value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(int(parseObservation(nope.spec, batch->outputs.at(2)).state), int(Observation::State::Missing));
    }
};

QTEST_GUILESS_MAIN(TestCollection)
#include "tst_collection.moc"
