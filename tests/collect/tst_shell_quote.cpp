// shellQuote is the one door to every shell: hostile values must stay data.
#include "common/ShellQuote.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

class TestShellQuote final : public QObject {
    Q_OBJECT
private slots:
    void hostileValuesStayData_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("single quote") << QStringLiteral("it's");
        QTest::newRow("double quotes") << QStringLiteral("say \"hi\"");
        QTest::newRow("command substitution") << QStringLiteral("$(touch %1/pwned)");
        QTest::newRow("backticks") << QStringLiteral("`touch %1/pwned`");
        QTest::newRow("semicolon") << QStringLiteral("x; touch %1/pwned");
        QTest::newRow("newline") << QStringLiteral("a\ntouch %1/pwned\nb");
        QTest::newRow("glob") << QStringLiteral("/etc/*");
        QTest::newRow("variables") << QStringLiteral("$HOME ${PATH} $0");
        QTest::newRow("quote escape attempt") << QStringLiteral("'\\''; touch %1/pwned; '");
        QTest::newRow("dash") << QStringLiteral("-n");
        QTest::newRow("empty") << QString();
        QTest::newRow("unicode") << QStringLiteral("Grüße ") + QChar(0x202E) + QStringLiteral(" RTL ✓");
    }

    void hostileValuesStayData()
    {
        QFETCH(QString, value);
        QTemporaryDir dir;
        value = value.contains(QStringLiteral("%1")) ? value.arg(dir.path()) : value;
        for (const char *shell : {"/bin/sh", "/bin/bash", "/bin/busybox"}) {
            if (!QFile::exists(QLatin1String(shell)))
                continue;
            QProcess p;
            QStringList args{QStringLiteral("-c"), QStringLiteral("printf '%s' ") + shellQuote(value)};
            if (QLatin1String(shell) == QLatin1String("/bin/busybox"))
                args.prepend(QStringLiteral("sh"));
            p.start(QLatin1String(shell), args);
            QVERIFY(p.waitForFinished());
            QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), value);
            QVERIFY2(!QFile::exists(dir.filePath(QStringLiteral("pwned"))), shell);
        }
    }

    void joinKeepsArgumentBoundaries()
    {
        QProcess p;
        p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("for a in ") +
                                                                     shellJoin({QStringLiteral("a b"), QStringLiteral("c'd"), QString()}) +
                                                                     QStringLiteral("; do printf '[%s]' \"$a\"; done")});
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.readAllStandardOutput(), QByteArray("[a b][c'd][]"));
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shell_quote.moc"
