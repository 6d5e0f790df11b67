#include "TestPaths.h"

#include "inventory/InventoryImport.h"

#include <QTest>

using namespace triad;
using namespace triad::InventoryImport;

namespace {

const ImportedHost *find(const QList<ImportedHost> &hosts, const QString &name)
{
    for (const ImportedHost &h : hosts)
        if (h.name == name)
            return &h;
    return nullptr;
}

QString data(const char *name)
{
    return QStringLiteral(TRIAD_TEST_DATA_DIR "/inventory/") + QLatin1String(name);
}

} // namespace

class TestInventoryImport final : public QObject {
    Q_OBJECT
private slots:
    void csv()
    {
        auto hosts = importFile(data("hosts.csv"));
        QVERIFY2(hosts, qPrintable(hosts ? QString() : hosts.error().toString()));
        QCOMPARE(hosts->size(), 3);
        const ImportedHost *web = find(*hosts, QStringLiteral("web-01"));
        QVERIFY(web);
        QCOMPARE(web->address, QStringLiteral("10.0.0.5"));
        QCOMPARE(web->user, QStringLiteral("audit"));
        QCOMPARE(web->keyFile, QStringLiteral("~/.ssh/id_ed25519"));
        QCOMPARE(web->tags, (QStringList{QStringLiteral("prod"), QStringLiteral("pci")}));
        const ImportedHost *db = find(*hosts, QStringLiteral("db, primary"));
        QVERIFY(db);
        QCOMPARE(db->port, 2222);
        const ImportedHost *j = find(*hosts, QStringLiteral("jump-target"));
        QCOMPARE(j->address, QStringLiteral("jump-target"));
        QCOMPARE(j->port, 22);
        QCOMPARE(j->tags, (QStringList{QStringLiteral("lab"), QStringLiteral("dmz")}));
    }

    void csvErrorsNameTheLine()
    {
        auto noName = parseCsv("address,port\n10.0.0.1,22\n", QStringLiteral("x.csv"));
        QVERIFY(!noName);
        QCOMPARE(noName.error().location, QStringLiteral("x.csv:1"));
        auto badPort = parseCsv("name,port\na,22\nb,99999\n", QStringLiteral("x.csv"));
        QVERIFY(!badPort);
        QCOMPARE(badPort.error().location, QStringLiteral("x.csv:3"));
        QVERIFY(badPort.error().message.contains(QStringLiteral("99999")));
        auto quote = parseCsv("name\n\"open\n", QStringLiteral("x.csv"));
        QVERIFY(!quote);
        QVERIFY(quote.error().message.contains(QStringLiteral("quote")));
        auto dup = parseCsv("name\na\na\n", QStringLiteral("x.csv"));
        QVERIFY(!dup);
        QCOMPARE(dup.error().location, QStringLiteral("x.csv:3"));
    }

    void sshConfig()
    {
        auto hosts = importFile(data("ssh_config"));
        QVERIFY2(hosts, qPrintable(hosts ? QString() : hosts.error().toString()));
        QCOMPARE(hosts->size(), 3);     // bastion, web-01, web-02; patterns are not hosts
        const ImportedHost *bastion = find(*hosts, QStringLiteral("bastion"));
        QCOMPARE(bastion->address, QStringLiteral("203.0.113.10"));
        QCOMPARE(bastion->port, 2200);
        QCOMPARE(bastion->user, QStringLiteral("jumper"));
        QVERIFY(bastion->proxyJump.isEmpty());
        const ImportedHost *web = find(*hosts, QStringLiteral("web-02"));
        QCOMPARE(web->address, QStringLiteral("10.1.0.1"));
        QCOMPARE(web->user, QStringLiteral("audit"));            // first matching block wins over "Host *"
        QCOMPARE(web->keyFile, QStringLiteral("~/.ssh/audit_key"));
        QCOMPARE(web->proxyJump, QStringLiteral("bastion"));
        QCOMPARE(web->port, 22);
    }

    void sshConfigNegationAndErrors()
    {
        auto hosts = parseSshConfig("Host web-* !web-legacy\n  User audit\nHost web-legacy\n  HostName 10.9.9.9\n",
                                    QStringLiteral("cfg"));
        QVERIFY(hosts);
        QCOMPARE(hosts->size(), 1);
        QVERIFY(hosts->first().user.isEmpty());    // excluded by !web-legacy
        auto bad = parseSshConfig("Host a\n  Port http\n", QStringLiteral("cfg"));
        QVERIFY(!bad);
        QVERIFY(bad.error().message.contains(QStringLiteral("http")));
    }

    void ansibleIni()
    {
        auto hosts = importFile(data("hosts.ini"));
        QVERIFY2(hosts, qPrintable(hosts ? QString() : hosts.error().toString()));
        QCOMPARE(hosts->size(), 7);
        const ImportedHost *mail = find(*hosts, QStringLiteral("mail.example.com"));
        QVERIFY(mail && mail->tags.isEmpty());
        const ImportedHost *web2 = find(*hosts, QStringLiteral("web02.example.com"));
        QVERIFY(web2);
        QCOMPARE(web2->user, QStringLiteral("deploy"));          // host var beats group var
        QCOMPARE(web2->keyFile, QStringLiteral("/keys/prod"));   // group var fills the gap
        QCOMPARE(web2->tags, (QStringList{QStringLiteral("webservers"), QStringLiteral("prod")}));
        const ImportedHost *foo = find(*hosts, QStringLiteral("foo.example.com"));
        QCOMPARE(foo->address, QStringLiteral("192.0.2.50"));
        QCOMPARE(foo->port, 2022);
        QCOMPARE(foo->user, QStringLiteral("ops"));
        const ImportedHost *dbb = find(*hosts, QStringLiteral("db-b.example.com"));
        QVERIFY(dbb);
        QCOMPARE(dbb->tags, (QStringList{QStringLiteral("dbservers"), QStringLiteral("prod")}));
    }

    void ansibleErrors()
    {
        auto bad = parseAnsibleIni("[web\nhost\n", QStringLiteral("inv"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().location, QStringLiteral("inv:1"));
        auto range = parseAnsibleIni("[w]\nweb[09:01]\n", QStringLiteral("inv"));
        QVERIFY(!range);
        QCOMPARE(range.error().location, QStringLiteral("inv:2"));
        // Nested ranges multiply: found by fuzzing, refused before they exhaust memory.
        auto nested = parseAnsibleIni("[w]\nh[0:9999][0:9999]\n", QStringLiteral("inv"));
        QVERIFY(!nested);
        QVERIFY2(nested.error().message.contains(QStringLiteral("more than 10000 hosts")), qPrintable(nested.error().message));
    }

    void detection()
    {
        QCOMPARE(detect(QStringLiteral("a.csv"), "name\n"), Format::Csv);
        QCOMPARE(detect(QStringLiteral("/home/u/.ssh/config"), ""), Format::SshConfig);
        QCOMPARE(detect(QStringLiteral("servers"), "Host a\n"), Format::SshConfig);
        QCOMPARE(detect(QStringLiteral("hosts"), "[web]\na\n"), Format::AnsibleIni);
        QVERIFY(!importFile(QStringLiteral("/nonexistent/inventory")));
    }
};

QTEST_GUILESS_MAIN(TestInventoryImport)
#include "tst_inventory_import.moc"
