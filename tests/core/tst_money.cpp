// Money, rates and dates exactly as domain.md writes them.
#include "Dates.h"
#include "Error.h"
#include "Money.h"
#include "Rate.h"
#include "TestClock.h"

#include <QTest>

#include <limits>

using namespace MicroShop;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryValidForm_data();
    void parsesEveryValidForm();
    void rejectsMalformedText_data();
    void rejectsMalformedText();
    void formatsWithTwoDecimals_data();
    void formatsWithTwoDecimals();
    void roundsHalfAwayFromZero_data();
    void roundsHalfAwayFromZero();
    void roundingNeverOverflowsOnLargeAmounts();
    void spreadsInProportionToTheFen_data();
    void spreadsInProportionToTheFen();
    void arithmeticRefusesOverflow();
    void largeSumsStayExact();
    void ratesParseToBasisPoints_data();
    void ratesParseToBasisPoints();
    void ratesRejectMalformedText_data();
    void ratesRejectMalformedText();
    void rateOfAmountRoundsOnce();
    void datesParseStrictly_data();
    void datesParseStrictly();
    void dateTimesAcceptMinutesOrSeconds();
    void datesAreWrittenAsQtFormatsThem();
};

void TestMoney::parsesEveryValidForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("integer") << "12" << qint64(1200);
    QTest::newRow("one decimal") << "12.3" << qint64(1230);
    QTest::newRow("two decimals") << "12.30" << qint64(1230);
    QTest::newRow("fen only") << "0.05" << qint64(5);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("negative") << "-12.34" << qint64(-1234);
    QTest::newRow("negative fen") << "-0.05" << qint64(-5);
    QTest::newRow("leading zeros") << "007.10" << qint64(710);
    QTest::newRow("large") << "92233720368547758.07" << std::numeric_limits<qint64>::max();
    QTest::newRow("most negative but one")
        << "-92233720368547758.07" << -std::numeric_limits<qint64>::max();
}

void TestMoney::parsesEveryValidForm()
{
    QFETCH(QString, text);
    QFETCH(qint64, minor);
    QString error;
    const auto money = Money::parse(text, &error);
    QVERIFY2(money.has_value(), qPrintable(error));
    QCOMPARE(money->minorUnits(), minor);
}

void TestMoney::rejectsMalformedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hint"); // a word the message must contain
    QTest::newRow("three decimals") << "12.345"
                                    << "two decimals";
    QTest::newRow("three zero decimals") << "12.300"
                                         << "two decimals";
    QTest::newRow("thousands separator") << "1,234.00"
                                         << "separators";
    QTest::newRow("yuan sign") << "¥12"
                               << "symbols";
    QTest::newRow("fullwidth yuan sign") << "￥12.00"
                                         << "symbols";
    QTest::newRow("dollar sign") << "$12"
                                 << "symbols";
    QTest::newRow("trailing currency code") << "12 CNY"
                                            << "symbols";
    QTest::newRow("empty") << ""
                           << "required";
    QTest::newRow("only minus") << "-"
                                << "not an amount";
    QTest::newRow("plus sign") << "+12"
                               << "not an amount";
    QTest::newRow("leading dot") << ".5"
                                 << "not an amount";
    QTest::newRow("trailing dot") << "12."
                                  << "decimal point";
    QTest::newRow("space inside") << "1 2"
                                  << "not an amount";
    QTest::newRow("leading space") << " 12"
                                   << "not an amount";
    QTest::newRow("exponent") << "1e3"
                              << "not an amount";
    QTest::newRow("comma decimal") << "12,50"
                                   << "not an amount";
    QTest::newRow("fullwidth digits") << "１２"
                                      << "not an amount";
    QTest::newRow("double minus") << "--1"
                                  << "not an amount";
    QTest::newRow("overflow") << "92233720368547758.08"
                              << "too large";
    QTest::newRow("huge") << "99999999999999999999999"
                          << "too large";
}

void TestMoney::rejectsMalformedText()
{
    QFETCH(QString, text);
    QFETCH(QString, hint);
    QString error;
    const auto money = Money::parse(text, &error);
    QVERIFY2(!money.has_value(), qPrintable(QStringLiteral("accepted \"%1\"").arg(text)));
    QVERIFY2(error.contains(hint), qPrintable(error));
}

void TestMoney::formatsWithTwoDecimals_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0.00";
    QTest::newRow("fen") << qint64(5) << "0.05";
    QTest::newRow("jiao") << qint64(30) << "0.30";
    QTest::newRow("yuan") << qint64(1230) << "12.30";
    QTest::newRow("negative fen") << qint64(-5) << "-0.05";
    QTest::newRow("negative") << qint64(-123456) << "-1234.56";
    QTest::newRow("max") << std::numeric_limits<qint64>::max() << "92233720368547758.07";
    QTest::newRow("min") << std::numeric_limits<qint64>::min() << "-92233720368547758.08";
}

void TestMoney::formatsWithTwoDecimals()
{
    QFETCH(qint64, minor);
    QFETCH(QString, text);
    QCOMPARE(Money::fromMinorUnits(minor).toString(), text);
    if (minor != std::numeric_limits<qint64>::min())
        QCOMPARE(Money::parse(text)->minorUnits(), minor); // round trip
}

void TestMoney::roundsHalfAwayFromZero_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<qint64>("expected");
    // 10 % of 0.05 = 0.005 -> 0.01 (half up)
    QTest::newRow("half up") << qint64(5) << qint64(1000) << qint64(10000) << qint64(1);
    QTest::newRow("below half") << qint64(4) << qint64(1000) << qint64(10000) << qint64(0);
    QTest::newRow("negative half away")
        << qint64(-5) << qint64(1000) << qint64(10000) << qint64(-1);
    QTest::newRow("negative below half")
        << qint64(-4) << qint64(1000) << qint64(10000) << qint64(0);
    QTest::newRow("exact") << qint64(1000) << qint64(1000) << qint64(10000) << qint64(100);
    // 7.5 % of 33.33 = 2.49975 -> 2.50
    QTest::newRow("7.5 percent") << qint64(3333) << qint64(750) << qint64(10000) << qint64(250);
    // refund of 1 unit of a 3-unit line of 10.00: 3.333.. -> 3.33
    QTest::newRow("one third") << qint64(1000) << qint64(1) << qint64(3) << qint64(333);
    // 2 of 3 units: 6.666.. -> 6.67
    QTest::newRow("two thirds") << qint64(1000) << qint64(2) << qint64(3) << qint64(667);
    QTest::newRow("1.5 -> 2") << qint64(3) << qint64(1) << qint64(2) << qint64(2);
    QTest::newRow("2.5 -> 3") << qint64(5) << qint64(1) << qint64(2) << qint64(3);
    QTest::newRow("-2.5 -> -3") << qint64(-5) << qint64(1) << qint64(2) << qint64(-3);
    QTest::newRow("negative denominator") << qint64(5) << qint64(1) << qint64(-2) << qint64(-3);
}

void TestMoney::roundsHalfAwayFromZero()
{
    QFETCH(qint64, value);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, expected);
    QCOMPARE(roundedMulDiv(value, numerator, denominator), expected);
    QCOMPARE(Money::fromMinorUnits(value).scaled(numerator, denominator).minorUnits(), expected);
}

void TestMoney::roundingNeverOverflowsOnLargeAmounts()
{
    // value * 10000 would overflow 64 bits, the result does not.
    const qint64 big = std::numeric_limits<qint64>::max() / 2;
    QCOMPARE(roundedMulDiv(big, 10000, 10000), big);
    QCOMPARE(roundedMulDiv(big, 5000, 10000), big / 2 + 1); // big is odd: .5 rounds up
    QCOMPARE(roundedMulDiv(std::numeric_limits<qint64>::max(), 1, 1),
             std::numeric_limits<qint64>::max());
    QVERIFY_THROWS_EXCEPTION(InputError, roundedMulDiv(big, 3, 1));
    QVERIFY_THROWS_EXCEPTION(InputError, roundedMulDiv(1, 1, 0));
}

// platforms.md's discounts over the lines: by their nets, half up to the fen, the remainder last.
void TestMoney::spreadsInProportionToTheFen_data()
{
    QTest::addColumn<QString>("total");
    QTest::addColumn<QString>("weights"); // separated by spaces
    QTest::addColumn<QString>("parts");
    QTest::newRow("14.50 over 30, 20, 50") << "14.50"
                                           << "30 20 50"
                                           << "4.35 2.90 7.25";
    // 10 * 1/3 = 3.333 -> 3.33 twice, the last 3.34.
    QTest::newRow("remainder on the last") << "10"
                                           << "1 1 1"
                                           << "3.33 3.33 3.34";
    // 0.05 * 1/2 = 0.025 -> 0.03 (half away from zero), the last 0.02.
    QTest::newRow("half rounds up") << "0.05"
                                    << "9.99 9.99"
                                    << "0.03 0.02";
    QTest::newRow("one part takes all") << "7.77"
                                        << "12"
                                        << "7.77";
    QTest::newRow("zero weights: the last") << "1"
                                            << "0 0"
                                            << "0.00 1.00";
    // Each 0.005 rounds up to 0.01, three of them more than 0.02: the running share's steps,
    // round(0.005) - 0 = 0.01, round(0.01) - 0.01 = 0, round(0.015) - 0.01 = 0.01, 0.02 - 0.02.
    QTest::newRow("rounding would make the last negative") << "0.02"
                                                           << "10 10 10 10"
                                                           << "0.01 0.00 0.01 0.00";
    // 0.04 * 10/30 = 0.0133 -> 0.01 three times would leave 0.01 on a free line: the steps,
    // round(0.0133) = 0.01, round(0.0267) - 0.01 = 0.02, round(0.04) - 0.03 = 0.01, then 0.
    QTest::newRow("a free line takes nothing") << "0.04"
                                               << "10 10 10 0"
                                               << "0.01 0.02 0.01 0.00";
    QTest::newRow("nothing to spread") << "0"
                                       << "5 6"
                                       << "0.00 0.00";
}

void TestMoney::spreadsInProportionToTheFen()
{
    QFETCH(QString, total);
    QFETCH(QString, weights);
    QFETCH(QString, parts);
    QList<Money> weightAmounts;
    for (const QString &weight : weights.split(u' '))
        weightAmounts.append(*Money::parse(weight));
    QStringList got;
    for (const Money part : spreadInProportion(*Money::parse(total), weightAmounts))
        got.append(part.toString());
    QCOMPARE(got.join(u' '), parts);
}

void TestMoney::arithmeticRefusesOverflow()
{
    const Money max = Money::fromMinorUnits(std::numeric_limits<qint64>::max());
    const Money min = Money::fromMinorUnits(std::numeric_limits<qint64>::min());
    QVERIFY_THROWS_EXCEPTION(InputError, max + Money::fromMinorUnits(1));
    QVERIFY_THROWS_EXCEPTION(InputError, min - Money::fromMinorUnits(1));
    QVERIFY_THROWS_EXCEPTION(InputError, -min);
    QVERIFY_THROWS_EXCEPTION(InputError, max.times(2));
    QCOMPARE((max - max).minorUnits(), 0);
    QCOMPARE((-max).minorUnits(), -std::numeric_limits<qint64>::max());
}

void TestMoney::largeSumsStayExact()
{
    // A million lines of 99,999.99 each: 99,999,990,000.00, exact to the fen.
    Money total;
    const Money line = *Money::parse(u"99999.99");
    for (int i = 0; i < 1000000; ++i)
        total += line;
    QCOMPARE(total.toString(), QStringLiteral("99999990000.00"));
    QCOMPARE(line.times(1000000), total);
}

void TestMoney::ratesParseToBasisPoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("10") << "10" << 1000 << "10";
    QTest::newRow("7.5") << "7.5" << 750 << "7.5";
    QTest::newRow("7.50") << "7.50" << 750 << "7.5";
    QTest::newRow("0.25") << "0.25" << 25 << "0.25";
    QTest::newRow("0") << "0" << 0 << "0";
    QTest::newRow("100") << "100" << 10000 << "100";
    QTest::newRow("10.00") << "10.00" << 1000 << "10";
}

void TestMoney::ratesParseToBasisPoints()
{
    QFETCH(QString, text);
    QFETCH(int, basisPoints);
    QFETCH(QString, canonical);
    QString error;
    const auto rate = Rate::parse(text, &error);
    QVERIFY2(rate.has_value(), qPrintable(error));
    QCOMPARE(rate->basisPoints(), basisPoints);
    QCOMPARE(rate->toString(), canonical);
}

void TestMoney::ratesRejectMalformedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("three decimals") << "7.125";
    QTest::newRow("percent sign") << "10%";
    QTest::newRow("negative") << "-1";
    QTest::newRow("negative zero") << "-0";
    QTest::newRow("over 100") << "100.01";
    QTest::newRow("word") << "ten";
    QTest::newRow("empty") << "";
}

void TestMoney::ratesRejectMalformedText()
{
    QFETCH(QString, text);
    QString error;
    QVERIFY(!Rate::parse(text, &error).has_value());
    QVERIFY(!error.isEmpty());
}

void TestMoney::rateOfAmountRoundsOnce()
{
    // domain.md: round(a * bp / 10000), once.
    QCOMPARE(Rate::fromBasisPoints(1000).of(Money::fromMinorUnits(12345)).minorUnits(), 1235);
    QCOMPARE(Rate::fromBasisPoints(500).of(Money::fromMinorUnits(12345)).minorUnits(), 617);
    QCOMPARE(Rate::fromBasisPoints(200).of(Money::fromMinorUnits(12345)).minorUnits(), 247);
    QCOMPARE(Rate::fromBasisPoints(25).of(Money::fromMinorUnits(199)).minorUnits(), 0);
    QCOMPARE(Rate::fromBasisPoints(25).of(Money::fromMinorUnits(200)).minorUnits(), 1);
    QCOMPARE(Rate::fromBasisPoints(1000).of(Money::fromMinorUnits(-12345)).minorUnits(), -1235);
}

void TestMoney::datesParseStrictly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "2026-03-08" << true;
    QTest::newRow("leap day") << "2024-02-29" << true;
    QTest::newRow("not a leap year") << "2026-02-29" << false;
    QTest::newRow("month 13") << "2026-13-01" << false;
    QTest::newRow("one-digit month") << "2026-3-08" << false;
    QTest::newRow("slashes") << "2026/03/08" << false;
    QTest::newRow("with time") << "2026-03-08 10:00" << false;
    QTest::newRow("empty") << "" << false;
}

void TestMoney::datesParseStrictly()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString error;
    const auto date = Dates::parseDate(text, &error);
    QCOMPARE(date.has_value(), valid);
    if (valid)
        QCOMPARE(Dates::toText(*date), text);
    else
        QVERIFY(error.contains(QStringLiteral("YYYY-MM-DD")));
}

void TestMoney::dateTimesAcceptMinutesOrSeconds()
{
    QCOMPARE(Dates::toText(*Dates::parseDateTime(u"2026-03-08 14:30")),
             QStringLiteral("2026-03-08 14:30:00"));
    QCOMPARE(Dates::toText(*Dates::parseDateTime(u"2026-03-08 14:30:59")),
             QStringLiteral("2026-03-08 14:30:59"));
    QCOMPARE(Dates::toText(*Dates::parseDateTime(u"2026-03-08")),
             QStringLiteral("2026-03-08 00:00:00"));
    QVERIFY(!Dates::parseDateTime(u"2026-03-08 24:00").has_value());
    QVERIFY(!Dates::parseDateTime(u"2026-03-08 14:3").has_value());
    QVERIFY(!Dates::parseDateTime(u"2026-03-08 14:30:60").has_value());
}

// Dates::toText() writes its digits itself: the same text as QDate's and QDateTime's toString()
// with the format, on every day of ten years from -5 to 10000, each with another time of day.
void TestMoney::datesAreWrittenAsQtFormatsThem()
{
    const QString dateFormat = QStringLiteral("yyyy-MM-dd");
    const QString dateTimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    int compared = 0;
    for (const int year : {1, 99, 999, 1000, 1970, 2026, 2028, 9999, 10000, -5}) {
        for (QDate date(year, 1, 1); date.isValid() && date.year() == year;
             date = date.addDays(1)) {
            QCOMPARE(Dates::toText(date), date.toString(dateFormat));
            const QTime time(date.dayOfYear() % 24, date.day() * 59 % 60, date.month() * 7 % 60);
            const QDateTime at(date, time, Qt::UTC);
            QCOMPARE(Dates::toText(at), at.toString(dateTimeFormat));
            ++compared;
        }
    }
    QVERIFY(compared > 3000);
    QCOMPARE(Dates::toText(QDate()), QString());
    QCOMPARE(Dates::toText(QDateTime(QDate(2026, 12, 1), QTime(23, 59, 59), Qt::UTC)),
             QStringLiteral("2026-12-01 23:59:59"));
    QCOMPARE(Dates::toText(QDate(2028, 2, 29)), QStringLiteral("2028-02-29"));
}

MICROSHOP_TEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
