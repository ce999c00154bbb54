// CsvStream's positions (issue 16): an import checks an orders file in one pass and applies its
// orders in order of payment in a second, going back to where each starts. Every record read
// again from the position taken before it must be the same record on the same line, whatever
// the file's encoding, line breaks and quoted fields spanning lines; and so must a workbook's.
#include "CsvStream.h"
#include "SeenNumbers.h"
#include "TableFile.h"

#include "TestClock.h"

#include <QBuffer>
#include <QStringEncoder>
#include <QTest>

#include <algorithm>

using namespace MicroShop;

namespace {

struct Read
{
    TablePosition at;
    CsvRecord record;
};

// Every record of the source with the position it was read from, to the end.
QList<Read> readAll(TableSource &source)
{
    QList<Read> all;
    Read read;
    read.at = source.position();
    while (source.next(read.record)) {
        all.append(read);
        read.at = source.position();
    }
    return all;
}

} // namespace

class TestCsvStream : public QObject
{
    Q_OBJECT

private slots:
    void seenNumbersAreFoundAlsoWhenTheirHashesCollide();
    void eachRecordIsReadAgainFromItsPosition_data();
    void eachRecordIsReadAgainFromItsPosition();
    void aTableInMemoryIsReadAgainFromItsPositions();
};

void TestCsvStream::eachRecordIsReadAgainFromItsPosition_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("records");
    QTest::addColumn<QList<int>>("lines"); // the line each record starts on

    const QString text = QStringLiteral("order_no,customer,notes\n"
                                        "N1,李娜,\"普洱, 357g\"\n"
                                        "N2,张伟,\"第一行\n第二行\n\"\"第三行\"\"\"\n"
                                        "\n"
                                        "N3,王芳,\n"
                                        "N4,欧阳娜娜,最后");
    const QList<int> lines = {2, 3, 7, 8};
    QTest::newRow("UTF-8, LF, no break at the end") << text.toUtf8() << 4 << lines;
    QTest::newRow("UTF-8 with a byte-order mark")
        << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << 4 << lines;
    QString crlf = text;
    crlf.replace(u'\n', QStringLiteral("\r\n"));
    QTest::newRow("CRLF") << crlf.toUtf8() << 4 << lines;
    QString cr = text;
    cr.replace(u'\n', u'\r'); // old Mac files: the whole file is one "line" to readLine()
    QTest::newRow("lone CR") << cr.toUtf8() << 4 << lines;
    QStringEncoder gb18030("GB18030");
    QTest::newRow("GB18030, CRLF") << QByteArray(gb18030(crlf)) << 4 << lines;
    QStringEncoder gb18030again("GB18030");
    QTest::newRow("GB18030, lone CR") << QByteArray(gb18030again(cr)) << 4 << lines;
    QString mixed = text;
    mixed.replace(QStringLiteral("\nN3"), QStringLiteral("\rN3"))
        .replace(QStringLiteral("\nN2"), QStringLiteral("\r\nN2"));
    QTest::newRow("mixed breaks") << mixed.toUtf8() << 4 << lines;
}

void TestCsvStream::eachRecordIsReadAgainFromItsPosition()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, records);
    QFETCH(QList<int>, lines);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvStream stream(buffer);
    QVERIFY(stream.issues().isEmpty());
    const QList<Read> all = readAll(stream);
    QCOMPARE(all.size(), records);
    QList<int> read;
    for (const Read &each : all)
        read.append(each.record.line);
    QCOMPARE(read, lines);
    QString spanning = all.at(1).record.fields.at(2); // its breaks kept as the file has them
    spanning.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    QCOMPARE(spanning, QStringLiteral("第一行\n第二行\n\"第三行\""));

    // Each record alone, from its position, last first; then the rest of the file from each.
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        stream.seek(all.at(i).at);
        CsvRecord again;
        QVERIFY(stream.next(again));
        QCOMPARE(again.fields, all.at(i).record.fields);
        QCOMPARE(again.line, all.at(i).record.line);
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        stream.seek(all.at(i).at);
        const QList<Read> rest = readAll(stream);
        QCOMPARE(rest.size(), all.size() - i);
        for (qsizetype j = 0; j < rest.size(); ++j) {
            QCOMPARE(rest.at(j).record.fields, all.at(i + j).record.fields);
            QCOMPARE(rest.at(j).record.line, all.at(i + j).record.line);
            QCOMPARE(rest.at(j).at, all.at(i + j).at);
        }
    }
    QVERIFY(stream.issues().isEmpty());
}

void TestCsvStream::aTableInMemoryIsReadAgainFromItsPositions()
{
    const TableFile table = readTableBytes(QByteArray("a,b\n1,x\n\n2,\"y\nz\"\n3,w\n"));
    TableFileSource source(table);
    const QList<Read> all = readAll(source);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(2).record.line, 6);
    std::for_each(all.crbegin(), all.crend(), [&source](const Read &each) {
        source.seek(each.at);
        CsvRecord again;
        QVERIFY(source.next(again));
        QCOMPARE(again.fields, each.record.fields);
        QCOMPARE(again.line, each.record.line);
    });
}

// An import's order numbers kept as hashes: a number met again is found with the index it was
// added with, a new one is added, whatever hash they share (every hash the same below, or some).
void TestCsvStream::seenNumbersAreFoundAlsoWhenTheirHashesCollide()
{
    QStringList numbers;
    for (int i = 0; i < 300; ++i)
        numbers.append(QStringLiteral("SO%1").arg(i, 6, 10, QLatin1Char('0')));
    const auto numberAt = [&numbers](qsizetype index) { return numbers.at(index); };
    const QList<SeenNumbers::Hash> hashes{
        {}, // qHash
        [](const QString &) { return size_t(7); },
        [](const QString &number) { return size_t(number.right(1).toInt() % 3); }};
    for (const SeenNumbers::Hash &hash : hashes) {
        SeenNumbers seen(numberAt, hash);
        for (qsizetype index = 0; index < 200; ++index)
            QCOMPARE(seen.add(numbers.at(index), index), std::nullopt);
        for (qsizetype index = 0; index < 200; ++index)
            QCOMPARE(seen.add(numbers.at(index), index + 1000), std::optional<qsizetype>(index));
        for (qsizetype index = 200; index < 300; ++index)
            QCOMPARE(seen.add(numbers.at(index), index), std::nullopt);
        seen.clear();
        QCOMPARE(seen.add(numbers.first(), 0), std::nullopt);
    }
}

MICROSHOP_TEST_GUILESS_MAIN(TestCsvStream)
#include "tst_csvstream.moc"
