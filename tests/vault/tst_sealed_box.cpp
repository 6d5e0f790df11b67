#include "vault/SealedBox.h"

#include <QTest>

using namespace triad;

class TestSealedBox final : public QObject {
    Q_OBJECT
    const SealedBox::KdfCost m_fast{10, 8, 1};   // tests need not be slow; the default is stronger

private slots:
    void roundTrip()
    {
        const SecretBytes secret(QByteArrayLiteral("correct horse battery staple \x00\xff binary"));
        auto blob = SealedBox::seal(secret, SecretBytes(QByteArrayLiteral("project passphrase")), m_fast);
        QVERIFY(blob);
        QVERIFY(!blob->contains("horse"));
        QVERIFY(blob->startsWith("TRV1"));
        auto back = SealedBox::open(*blob, SecretBytes(QByteArrayLiteral("project passphrase")));
        QVERIFY(back);
        QCOMPARE(back->bytes(), secret.bytes());
    }

    void eachSealIsDifferent()
    {
        const SecretBytes secret(QByteArrayLiteral("same"));
        const SecretBytes pass(QByteArrayLiteral("pass"));
        QVERIFY(*SealedBox::seal(secret, pass, m_fast) != *SealedBox::seal(secret, pass, m_fast));
    }

    void wrongPassphraseAndTampering()
    {
        auto blob = SealedBox::seal(SecretBytes(QByteArrayLiteral("s3cret")), SecretBytes(QByteArrayLiteral("right")), m_fast);
        QVERIFY(blob);
        auto wrong = SealedBox::open(*blob, SecretBytes(QByteArrayLiteral("wrong")));
        QVERIFY(!wrong);
        QVERIFY(wrong.error().message.contains(QStringLiteral("wrong passphrase")));
        QVERIFY(!wrong.error().message.contains(QStringLiteral("s3cret")));

        for (int i : {4, 10, 40, int(blob->size()) - 1}) {     // header, salt, ciphertext, tag
            QByteArray tampered = *blob;
            tampered[i] = char(tampered[i] ^ 0x01);
            QVERIFY2(!SealedBox::open(tampered, SecretBytes(QByteArrayLiteral("right"))), qPrintable(QString::number(i)));
        }
        QVERIFY(!SealedBox::open(blob->left(20), SecretBytes(QByteArrayLiteral("right"))));
        QVERIFY(!SealedBox::open(QByteArray(), SecretBytes(QByteArrayLiteral("right"))));
    }

    void emptyPassphraseIsRefused()
    {
        QVERIFY(!SealedBox::seal(SecretBytes(QByteArrayLiteral("x")), SecretBytes(), m_fast));
    }

    void defaultCostIsScryptN32768()
    {
        const SealedBox::KdfCost cost;
        QCOMPARE(cost.log2N, 15);
        auto blob = SealedBox::seal(SecretBytes(QByteArrayLiteral("x")), SecretBytes(QByteArrayLiteral("p")));
        QVERIFY(blob);
        QCOMPARE(int(quint8(blob->at(4))), 15);
        QVERIFY(SealedBox::open(*blob, SecretBytes(QByteArrayLiteral("p"))));
    }
};

QTEST_GUILESS_MAIN(TestSealedBox)
#include "tst_sealed_box.moc"
