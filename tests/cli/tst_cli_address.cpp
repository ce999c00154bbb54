// microshop-cli address parse (spec/cli.md): the CSV row, the missing fields on stderr and the
// exit status. It needs no database, so it runs once, not on both backends.
#include "CliRunner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop::Testing;

class TestCliAddress : public QObject
{
    Q_OBJECT

private slots:
    void printsTheRowOfACompleteAddress();
    void joinsUnquotedWords();
    void printsJson();
    void namesTheMissingFieldsAndExitsOne();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();

private:
    QTemporaryDir m_folder;
    // A database location that does not exist: the command must not need one.
    QStringList db() const
    {
        return {QStringLiteral("--db"), m_folder.filePath(QStringLiteral("none/x.db"))};
    }
};

void TestCliAddress::printsTheRowOfACompleteAddress()
{
    const CliResult result = runCli(
        db()
        + QStringList{QStringLiteral("address"), QStringLiteral("parse"),
                      QStringLiteral("收货人：张三，电话：+86 138-0013-8000，"
                                     "地址：广东省深圳市南山区科技园南区1号")});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.out, QStringLiteral("receiver,phone,province,city,district,detail\r\n"
                                        "张三,13800138000,广东省,深圳市,南山区,科技园南区1号\r\n"));
    QVERIFY(!QDir(m_folder.filePath(QStringLiteral("none"))).exists());
}

void TestCliAddress::joinsUnquotedWords()
{
    const CliResult result = runCli(
        db()
        + QStringList{QStringLiteral("address"), QStringLiteral("parse"), QStringLiteral("北京市"),
                      QStringLiteral("海淀区中关村大街1号"), QStringLiteral("李四"),
                      QStringLiteral("13912345678")});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.out.split(QStringLiteral("\r\n")).value(1),
             QStringLiteral("李四,13912345678,北京市,北京市,海淀区,中关村大街1号"));
}

void TestCliAddress::printsJson()
{
    const CliResult result = runCli(
        db()
        + QStringList{QStringLiteral("address"), QStringLiteral("parse"),
                      QStringLiteral("四川 成都 武侯区 科华北路62号 王五 13800138000"),
                      QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(result.status, 0);
    const QJsonArray rows = QJsonDocument::fromJson(result.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.first().toObject();
    QCOMPARE(row.value(QStringLiteral("province")).toString(), QStringLiteral("四川省"));
    QCOMPARE(row.value(QStringLiteral("city")).toString(), QStringLiteral("成都市"));
    QCOMPARE(row.value(QStringLiteral("district")).toString(), QStringLiteral("武侯区"));
    QCOMPARE(row.value(QStringLiteral("receiver")).toString(), QStringLiteral("王五"));
}

void TestCliAddress::namesTheMissingFieldsAndExitsOne()
{
    const CliResult onlyPhone = runCli(db()
                                       + QStringList{QStringLiteral("address"),
                                                     QStringLiteral("parse"),
                                                     QStringLiteral("138 0013 8000")});
    QCOMPARE(onlyPhone.status, 1);
    QCOMPARE(onlyPhone.out, QStringLiteral("receiver,phone,province,city,district,detail\r\n"
                                           ",13800138000,,,,\r\n"));
    QCOMPARE(onlyPhone.err,
             QStringLiteral("microshop-cli: address parse: the text has no recognisable receiver, "
                            "province, city, district, detail; the row holds what could be "
                            "read\n"));

    const CliResult noPhone = runCli(
        db()
        + QStringList{QStringLiteral("address"), QStringLiteral("parse"),
                      QStringLiteral("张三 广东省深圳市南山区科技园南区1号")});
    QCOMPARE(noPhone.status, 1);
    QVERIFY(noPhone.out.endsWith(QStringLiteral("张三,,广东省,深圳市,南山区,科技园南区1号\r\n")));
    QVERIFY2(noPhone.err.contains(QStringLiteral("no recognisable phone;")),
             qPrintable(noPhone.err));
}

void TestCliAddress::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("address")};
    QTest::newRow("no text") << QStringList{QStringLiteral("address"), QStringLiteral("parse")};
    QTest::newRow("blank text") << QStringList{QStringLiteral("address"), QStringLiteral("parse"),
                                               QStringLiteral("  ")};
    QTest::newRow("unknown subcommand")
        << QStringList{QStringLiteral("address"), QStringLiteral("split"), QStringLiteral("x")};
    QTest::newRow("foreign option")
        << QStringList{QStringLiteral("address"), QStringLiteral("parse"), QStringLiteral("x"),
                       QStringLiteral("--date"), QStringLiteral("2026-01-01")};
}

void TestCliAddress::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    const CliResult result = runCli(db() + arguments);
    QCOMPARE(result.status, 2);
    QCOMPARE(result.out, QString());
    QVERIFY(result.err.startsWith(QStringLiteral("microshop-cli: ")));
}

QTEST_GUILESS_MAIN(TestCliAddress)
#include "tst_cli_address.moc"
