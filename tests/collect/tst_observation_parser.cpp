// Raw collector output -> observations, per type and text format.
#include "collect/ObservationParser.h"

#include <QTest>

using namespace triad;

namespace {

RawOutput ok(const QByteArray &out, int exitCode = 0)
{
    RawOutput r;
    r.status = CollectionStatus::Ok;
    r.exitCode = exitCode;
    r.stdoutData = out;
    return r;
}

CollectorDef def(CollectorDef::Type type, ParseSpec::Format format = ParseSpec::Format::Raw)
{
    CollectorDef c;
    c.type = type;
    c.path = QStringLiteral("/etc/x");
    c.parse.format = format;
    return c;
}

int state(const Observation &o)
{
    return int(o.state);
}

constexpr int kValue = int(Observation::State::Value);
constexpr int kMissing = int(Observation::State::Missing);
constexpr int kError = int(Observation::State::Error);

} // namespace

class TestObservationParser final : public QObject {
    Q_OBJECT
private slots:
    void keyValue()
    {
        CollectorDef c = def(CollectorDef::Type::File, ParseSpec::Format::KeyValue);
        c.parse.comment = QStringLiteral("#");
        c.parse.keyCase = ParseSpec::KeyCase::Lower;
        const QByteArray text = "# comment\nPermitRootLogin no\n  MaxAuthTries\t 4 \nPermitRootLogin yes\nBanner /etc/issue # not a comment\n\nFlag\n";
        Observation o = parseObservation(c, ok(text));
        QCOMPARE(state(o), kValue);
        QVariantMap m = o.value.toMap();
        QCOMPARE(m.value(QStringLiteral("permitrootlogin")).toString(), QStringLiteral("no"));
        QCOMPARE(m.value(QStringLiteral("maxauthtries")).toString(), QStringLiteral("4"));
        QCOMPARE(m.value(QStringLiteral("banner")).toString(), QStringLiteral("/etc/issue # not a comment"));
        QVERIFY(m.contains(QStringLiteral("flag")));
        c.parse.duplicates = ParseSpec::Duplicates::Last;
        QCOMPARE(parseObservation(c, ok(text)).value.toMap().value(QStringLiteral("permitrootlogin")).toString(), QStringLiteral("yes"));
        c.parse.duplicates = ParseSpec::Duplicates::List;
        QCOMPARE(parseObservation(c, ok(text)).value.toMap().value(QStringLiteral("permitrootlogin")).toStringList(),
                 (QStringList{QStringLiteral("no"), QStringLiteral("yes")}));
        c.parse.keyCase = ParseSpec::KeyCase::AsIs;
        c.parse.separator = QStringLiteral("=");
        m = parseObservation(c, ok("ID=debian\nVERSION_ID=\"12\"\nno separator here\n")).value.toMap();
        QCOMPARE(m.value(QStringLiteral("ID")).toString(), QStringLiteral("debian"));
        QCOMPARE(m.value(QStringLiteral("VERSION_ID")).toString(), QStringLiteral("\"12\""));
        QCOMPARE(m.size(), 2);
    }

    void linesRawIniJsonYaml()
    {
        CollectorDef lines = def(CollectorDef::Type::Command, ParseSpec::Format::Lines);
        lines.parse.comment = QStringLiteral("#");
        QCOMPARE(parseObservation(lines, ok("a\n# c\n\nb\n")).value.toStringList(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(parseObservation(def(CollectorDef::Type::Command), ok("text\n")).value.toString(), QStringLiteral("text"));

        const QVariantMap ini = parseObservation(def(CollectorDef::Type::File, ParseSpec::Format::Ini),
                                                 ok("top=1\n[main]\nkey = value\n; comment\n[other]\nkey=2\n")).value.toMap();
        QCOMPARE(ini.value(QStringLiteral("top")).toString(), QStringLiteral("1"));
        QCOMPARE(ini.value(QStringLiteral("main.key")).toString(), QStringLiteral("value"));
        QCOMPARE(ini.value(QStringLiteral("other.key")).toString(), QStringLiteral("2"));

        const QVariant json = parseObservation(def(CollectorDef::Type::Command, ParseSpec::Format::Json),
                                               ok(R"({"a": [1, {"b": true}], "c": "x"})")).value;
        QCOMPARE(json.toMap().value(QStringLiteral("a")).toList().at(1).toMap().value(QStringLiteral("b")).toBool(), true);
        const Observation badJson = parseObservation(def(CollectorDef::Type::Command, ParseSpec::Format::Json), ok("{oops"));
        QCOMPARE(state(badJson), kError);
        QVERIFY(badJson.error.startsWith(QStringLiteral("JSON")));

        const QVariant yaml = parseObservation(def(CollectorDef::Type::File, ParseSpec::Format::Yaml),
                                               ok("authentication:\n  anonymous:\n    enabled: false\nport: 10250\nname: \"10250\"\n")).value;
        QCOMPARE(yaml.toMap().value(QStringLiteral("authentication")).toMap().value(QStringLiteral("anonymous")).toMap()
                     .value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(yaml.toMap().value(QStringLiteral("port")).typeId(), int(QMetaType::LongLong));
        QCOMPARE(yaml.toMap().value(QStringLiteral("name")).typeId(), int(QMetaType::QString));
        const Observation badYaml = parseObservation(def(CollectorDef::Type::File, ParseSpec::Format::Yaml), ok("a: [1,\n"));
        QCOMPARE(state(badYaml), kError);
        QVERIFY(badYaml.error.contains(QStringLiteral("line")));
    }

    void fileStates()
    {
        CollectorDef c = def(CollectorDef::Type::File);
        QCOMPARE(state(parseObservation(c, ok("", 3))), kMissing);
        const Observation denied = parseObservation(c, ok("", 4));
        QCOMPARE(state(denied), kError);
        QVERIFY(denied.error.contains(QStringLiteral("permission denied")));
        c.includeGlob = QStringLiteral("/etc/x.d/*.conf");
        c.parse.format = ParseSpec::Format::Lines;
        QCOMPARE(parseObservation(c, ok("#@triad-file /etc/x.d/a.conf\nA\n\n#@triad-file /etc/x\nB\n")).value.toStringList(),
                 (QStringList{QStringLiteral("A"), QString(), QStringLiteral("B")}));
    }

    void stat()
    {
        CollectorDef c = def(CollectorDef::Type::Stat);
        const Observation o = parseObservation(c, ok("1|regular file|640|0|42|root|shadow|1234|1700000000\n"));
        QCOMPARE(state(o), kValue);
        const QVariantMap m = o.value.toMap();
        QCOMPARE(m.value(QStringLiteral("mode")).toString(), QStringLiteral("0640"));
        QCOMPARE(m.value(QStringLiteral("type")).toString(), QStringLiteral("file"));
        QCOMPARE(m.value(QStringLiteral("gid")).toLongLong(), 42);
        QCOMPARE(m.value(QStringLiteral("group")).toString(), QStringLiteral("shadow"));
        QCOMPARE(parseObservation(c, ok("1|directory|1777|0|0|root|root|4096|1\n")).value.toMap().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("1777"));
        const Observation gone = parseObservation(c, ok("0\n"));
        QCOMPARE(state(gone), kMissing);
        QCOMPARE(gone.value.toMap().value(QStringLiteral("exists")).toBool(), false);
        QCOMPARE(state(parseObservation(c, ok("garbage"))), kError);
    }

    void processPackageServiceSysctl()
    {
        const Observation p = parseObservation(def(CollectorDef::Type::Process),
                                               ok("812\x1f/usr/bin/kubelet\x1f--anonymous-auth=false\x1f--port\x1f""10250\x1f--rotate\x1f\n"));
        QCOMPARE(state(p), kValue);
        const QVariantMap proc = p.value.toList().at(0).toMap();
        QCOMPARE(proc.value(QStringLiteral("pid")).toLongLong(), 812);
        const QVariantMap flags = proc.value(QStringLiteral("flags")).toMap();
        QCOMPARE(flags.value(QStringLiteral("anonymous-auth")).toString(), QStringLiteral("false"));
        QCOMPARE(flags.value(QStringLiteral("port")).toString(), QStringLiteral("10250"));
        QCOMPARE(flags.value(QStringLiteral("rotate")).toString(), QStringLiteral("true"));
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Process), ok(""))), kMissing);

        const Observation pkg = parseObservation(def(CollectorDef::Type::Package), ok("installed\t1:9.2p1-2+deb12u3\n"));
        QCOMPARE(pkg.value.toMap().value(QStringLiteral("version")).toString(), QStringLiteral("1:9.2p1-2+deb12u3"));
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Package), ok("absent\n"))), kMissing);

        const Observation svc = parseObservation(def(CollectorDef::Type::Service), ok("enabled=enabled\nactive=active\n"));
        QCOMPARE(svc.value.toMap().value(QStringLiteral("active")).toString(), QStringLiteral("active"));
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Service), ok("enabled=\nactive=inactive\n"))), kMissing);
        RawOutput noSystemctl = ok("", 3);
        noSystemctl.stderrData = "systemctl not found\n";
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Service), noSystemctl)), kError);

        QCOMPARE(parseObservation(def(CollectorDef::Type::Sysctl), ok("32768\t60999\n")).value.toString(), QStringLiteral("32768 60999"));
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Sysctl), ok("", 3))), kMissing);
    }

    void failedCollectionIsNeverAValue()
    {
        for (auto status : {CollectionStatus::Timeout, CollectionStatus::Error, CollectionStatus::Skipped}) {
            RawOutput r = ok("PermitRootLogin no\n");
            r.status = status;
            r.errorMessage = QStringLiteral("boom");
            QCOMPARE(state(parseObservation(def(CollectorDef::Type::File, ParseSpec::Format::KeyValue), r)), kError);
        }
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Command), ok("", 127))), kMissing);
        QCOMPARE(state(parseObservation(def(CollectorDef::Type::Command), ok("\xff\xfe\x00binary", 0))), kValue);
    }

    void commandExitCodes()
    {
        const CollectorDef plain = def(CollectorDef::Type::Command, ParseSpec::Format::Lines);
        // grep's "no match" is data; not runnable and killed-by-signal never are.
        QCOMPARE(state(parseObservation(plain, ok("", 1))), kValue);
        QCOMPARE(state(parseObservation(plain, ok("partial\n", 126))), kError);
        const Observation killed = parseObservation(plain, ok("partial\n", 137));
        QCOMPARE(state(killed), kError);
        QVERIFY2(killed.error.contains(QStringLiteral("signal 9")), qPrintable(killed.error));
        QCOMPARE(state(parseObservation(plain, ok("capped\n", 141))), kValue);     // SIGPIPE from the output cap
        // ok_exit names what a check accepts as data.
        CollectorDef strict = plain;
        strict.okExitCodes = {0, 1};
        QCOMPARE(state(parseObservation(strict, ok("", 1))), kValue);
        const Observation failed = parseObservation(strict, ok("", 2));
        QCOMPARE(state(failed), kError);
        QVERIFY2(failed.error.contains(QStringLiteral("exit 2")), qPrintable(failed.error));
        QCOMPARE(state(parseObservation(strict, ok("", 127))), kMissing);
    }

    // The sysctl configuration as systemd-sysctl and `sysctl --system` apply it (sysctl.d(5)).
    void sysctlConfigPrecedence()
    {
        const CollectorDef spec = def(CollectorDef::Type::SysctlConfig);
        const QByteArray out =
            // Same name: /etc beats /run beats /usr/lib; /lib (the same folder on merged-/usr
            // hosts) comes last; an unreadable file that does not count changes nothing.
            "=/etc/sysctl.d/50-same.conf\n a.same = etc\n"
            "=/run/sysctl.d/50-same.conf\n a.same = run\n a.only_run = 1\n"
            "=/usr/lib/sysctl.d/50-same.conf\n a.same = usr\n"
            "!/lib/sysctl.d/50-same.conf\n"
            "=/run/sysctl.d/40-run.conf\n a.run_only = yes\n"
            // Lexical order across folders: 20 (usr) before 30 (etc) before 99 (usr).
            "=/etc/sysctl.d/30-etc.conf\n b.order = etc30\n"
            "=/usr/lib/sysctl.d/20-usr.conf\n b.order = usr20\n b.late = usr20\n"
            "=/usr/lib/sysctl.d/99-usr.conf\n b.late = usr99\n"
            // A mask (symlink to /dev/null) hides the vendor file of the same name.
            "~/etc/sysctl.d/60-vendor.conf\n"
            "=/usr/lib/sysctl.d/60-vendor.conf\n c.masked = 1\n"
            // Comments, blanks, "-key = value", slash form, values with blanks.
            "=/usr/local/lib/sysctl.d/70-forms.conf\n"
            " # comment\n ; also a comment\n \n"
            "   -d.ignore_failure = 5  \n"
            " d/slash/key=7\n"
            " net/ipv4/conf/enp3s0.200/forwarding = 0\n"
            " d.spaces = 4096\t87380   6291456\n"
            " not an assignment\n"
            // Globs: explicit keys win whatever the order, "-key" keeps a key out, last glob wins.
            "=/etc/sysctl.d/80-globs.conf\n"
            " net.ipv4.conf.*.rp_filter = 2\n"
            " -net.ipv4.conf.all.rp_filter\n"
            " net.ipv4.conf.*.log_martians = 0\n"
            " net.ipv4.conf.*.log_martians = 1\n"
            " net.ipv4.conf.*.send_redirects = 0\n"
            "=/etc/sysctl.d/10-early.conf\n net.ipv4.conf.default.send_redirects = 1\n"
            // The main file is read last, after 99-usr.conf.
            "=/etc/sysctl.conf\n b.late = main\n";
        const Observation o = parseObservation(spec, ok(out));
        QCOMPARE(state(o), kValue);
        const QVariantMap v = o.value.toMap();
        QCOMPARE(v.value(QStringLiteral("a.same")).toString(), QStringLiteral("etc"));
        QVERIFY(!v.contains(QStringLiteral("a.only_run")));          // its file lost to /etc's
        QCOMPARE(v.value(QStringLiteral("a.run_only")).toString(), QStringLiteral("yes"));
        QCOMPARE(v.value(QStringLiteral("b.order")).toString(), QStringLiteral("etc30"));
        QCOMPARE(v.value(QStringLiteral("b.late")).toString(), QStringLiteral("main"));
        QCOMPARE(o.origins.value(QStringLiteral("b.late")), QStringLiteral("/etc/sysctl.conf:1"));
        QVERIFY(!v.contains(QStringLiteral("c.masked")));
        QCOMPARE(v.value(QStringLiteral("d.ignore_failure")).toString(), QStringLiteral("5"));
        QCOMPARE(v.value(QStringLiteral("d.slash.key")).toString(), QStringLiteral("7"));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.enp3s0/200.forwarding")).toString(), QStringLiteral("0"));
        QCOMPARE(v.value(QStringLiteral("d.spaces")).toString(), QStringLiteral("4096 87380 6291456"));
        QCOMPARE(o.origins.value(QStringLiteral("d.spaces")), QStringLiteral("/usr/local/lib/sysctl.d/70-forms.conf:7"));
        QVERIFY(!v.contains(QStringLiteral("not an assignment")));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.default.rp_filter")).toString(), QStringLiteral("2"));
        QVERIFY(o.origins.value(QStringLiteral("net.ipv4.conf.default.rp_filter")).contains(QStringLiteral("by net.ipv4.conf.*.rp_filter")));
        QVERIFY(!v.contains(QStringLiteral("net.ipv4.conf.all.rp_filter")));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.all.log_martians")).toString(), QStringLiteral("1"));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.all.send_redirects")).toString(), QStringLiteral("0"));
        QCOMPARE(v.value(QStringLiteral("net.ipv4.conf.default.send_redirects")).toString(), QStringLiteral("1"));
        QCOMPARE(o.unsetText, QStringLiteral("not set in any sysctl configuration file"));
    }

    void sysctlConfigNeverGuesses()
    {
        const CollectorDef spec = def(CollectorDef::Type::SysctlConfig);
        // The file that counts cannot be read: nothing can be said about any key.
        QCOMPARE(state(parseObservation(spec, ok("=/usr/lib/sysctl.d/50-a.conf\n k = 1\n!/etc/sysctl.d/50-a.conf\n"))), kError);
        QCOMPARE(state(parseObservation(spec, ok("", 124))), kError);
        RawOutput cut = ok("=/etc/sysctl.conf\n k = 1\n");
        cut.truncated = true;
        QCOMPARE(state(parseObservation(spec, cut)), kError);
        // No file at all: a value with no keys, so every key is "not set in any file".
        const Observation none = parseObservation(spec, ok(""));
        QCOMPARE(state(none), kValue);
        QVERIFY(none.value.toMap().isEmpty());
        // A line of a file cannot pose as a file header: each is prefixed by a space.
        const Observation forged = parseObservation(spec, ok("=/etc/sysctl.d/10-a.conf\n =/etc/sysctl.conf\n k = 1\n"));
        QCOMPARE(forged.origins.value(QStringLiteral("k")), QStringLiteral("/etc/sysctl.d/10-a.conf:2"));
    }
};

QTEST_GUILESS_MAIN(TestObservationParser)
#include "tst_observation_parser.moc"
