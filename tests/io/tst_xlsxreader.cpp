// XlsxReader (issue 12): the first sheet of the workbooks platforms hand out, read as the rows a
// CSV saved from it would hold. Workbooks come from an independent writer, libxlsxwriter, and,
// for what it cannot write (inline strings, rich text, gaps, the 1904 date system, a first sheet
// that is not sheet1.xml, damaged files), from zips assembled here part by part with minizip.
#include "CsvReader.h"
#include "TableFile.h"
#include "XlsxReader.h"

#include "TestClock.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <zip.h> // minizip's, the one XlsxReader reads with

#include <utility>

using namespace MicroShop;

namespace {

using Parts = QList<std::pair<QString, QByteArray>>;

// The parts deflated into a zip archive, in this order.
QByteArray zipOf(const Parts &parts)
{
    QTemporaryFile file;
    if (!file.open())
        qFatal("cannot create a temporary file");
    file.close();
    zipFile zip = zipOpen64(QFile::encodeName(file.fileName()).constData(), APPEND_STATUS_CREATE);
    if (!zip)
        qFatal("cannot create a zip in %s", qPrintable(file.fileName()));
    for (const auto &[name, bytes] : parts) {
        const zip_fileinfo info{};
        if (zipOpenNewFileInZip64(zip, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0,
                                  nullptr, Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0)
                != ZIP_OK
            || zipWriteInFileInZip(zip, bytes.constData(), unsigned(bytes.size())) != ZIP_OK
            || zipCloseFileInZip(zip) != ZIP_OK)
            qFatal("cannot add %s to the zip", qPrintable(name));
    }
    if (zipClose(zip, nullptr) != ZIP_OK || !file.open())
        qFatal("cannot write the zip");
    return file.readAll();
}

const QByteArray mainNamespace
    = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
const QByteArray relationshipNamespace
    = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const QByteArray typePrefix
    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

QByteArray relationships(const QList<std::pair<QByteArray, QByteArray>> &idTypeTargets,
                         const QByteArray &types)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    const QList<QByteArray> typeList = types.split(',');
    for (qsizetype i = 0; i < idTypeTargets.size(); ++i) {
        xml += "<Relationship Id=\"" + idTypeTargets.at(i).first + "\" Type=\"" + typePrefix
               + typeList.at(i) + "\" Target=\"" + idTypeTargets.at(i).second + "\"/>";
    }
    return xml + "</Relationships>";
}

// A workbook of one sheet, xl/worksheets/sheet1.xml holding sheetData, with optional shared
// strings, styles (cellXfs and numFmts) and workbook properties.
QByteArray workbookOf(const QByteArray &sheetData, const QByteArray &sharedStrings = {},
                      const QByteArray &styles = {}, const QByteArray &workbookProperties = {})
{
    Parts parts;
    parts.append({QStringLiteral("_rels/.rels"),
                  relationships({{"rId1", "xl/workbook.xml"}}, "officeDocument")});
    parts.append({QStringLiteral("xl/workbook.xml"),
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook " + mainNamespace + " "
                      + relationshipNamespace + ">" + workbookProperties
                      + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                        "</workbook>"});
    parts.append({QStringLiteral("xl/_rels/workbook.xml.rels"),
                  relationships({{"rId1", "worksheets/sheet1.xml"},
                                 {"rId2", "sharedStrings.xml"},
                                 {"rId3", "styles.xml"}},
                                "worksheet,sharedStrings,styles")});
    parts.append({QStringLiteral("xl/worksheets/sheet1.xml"),
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " + mainNamespace
                      + "><sheetData>" + sheetData + "</sheetData></worksheet>"});
    if (!sharedStrings.isEmpty())
        parts.append({QStringLiteral("xl/sharedStrings.xml"),
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst " + mainNamespace + ">"
                          + sharedStrings + "</sst>"});
    if (!styles.isEmpty())
        parts.append({QStringLiteral("xl/styles.xml"),
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<styleSheet " + mainNamespace
                          + ">" + styles + "</styleSheet>"});
    return zipOf(parts);
}

QList<QStringList> fieldsOf(const QList<CsvRecord> &records)
{
    QList<QStringList> fields;
    for (const CsvRecord &record : records)
        fields.append(record.fields);
    return fields;
}

QList<int> linesOf(const QList<CsvRecord> &records)
{
    QList<int> lines;
    for (const CsvRecord &record : records)
        lines.append(record.line);
    return lines;
}

QString issuesOf(const XlsxReader &reader)
{
    QStringList messages;
    for (const CsvIssue &issue : reader.issues())
        messages.append(issue.message);
    return messages.join(u'\n');
}

} // namespace

class TestXlsxReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsTheSameRowsAsTheEquivalentCsv();
    void numbersKeepTheTextTheFileStores();
    void datesAndTimesInDateFormattedCells();
    void datesOfThe1900And1904Systems_data();
    void datesOfThe1900And1904Systems();
    void readsTheFirstSheetWhenThereAreSeveral();
    void readsTheFirstSheetWhereverItsPartIs();
    void inlineStringsRichTextBooleansAndFormulas();
    void cellsArePlacedByTheirReference();
    void badFilesGiveOneClearIssue_data();
    void badFilesGiveOneClearIssue();
    void readTableFilePicksTheReaderByContent();

private:
    QTemporaryDir m_dir;
};

// The libxlsxwriter workbooks (xlsx_test_workbooks.cpp), written in a process of their own.
void TestXlsxReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess writer;
    writer.start(QStringLiteral(MICROSHOP_XLSX_TEST_WORKBOOKS), {m_dir.path()});
    QVERIFY(writer.waitForFinished());
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
}

// A products table saved from a spreadsheet as .xlsx and as CSV reads the same, field by field
// and line by line: Chinese text, a price, a barcode and a phone number stored as numbers, a
// date, a boolean.
void TestXlsxReader::readsTheSameRowsAsTheEquivalentCsv()
{
    const QString path = m_dir.filePath(QStringLiteral("products.xlsx"));
    const QByteArray csv
        = "sku,name,category,price,barcode,phone,since,active\r\n"
          "TEA-01,普洱茶 (熟茶) 357克,茶叶,12.3,6901234567890,13800138000,2026-11-29,TRUE\r\n"
          "CUP-2,\"玻璃杯, \"\"双层\"\"\",,1288,0.05,,,FALSE\r\n";

    const XlsxReader xlsx = XlsxReader::fromFile(path);
    const CsvReader expected = CsvReader::fromBytes(csv);
    QVERIFY2(xlsx.issues().isEmpty(), qPrintable(issuesOf(xlsx)));
    QCOMPARE(xlsx.sheetName(), QStringLiteral("商品"));
    QCOMPARE(xlsx.header(), expected.header());
    QCOMPARE(fieldsOf(xlsx.records()), fieldsOf(expected.records()));
    QCOMPARE(linesOf(xlsx.records()), linesOf(expected.records()));
    QCOMPARE(xlsx.column(QStringLiteral("PRICE")), 3);
}

void TestXlsxReader::numbersKeepTheTextTheFileStores()
{
    // As stored by writers that keep 17 digits or use an exponent, beside plain ones.
    const QByteArray sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>n</t></is></c></row>"
                             "<row r=\"2\"><c r=\"A2\"><v>13800138000</v></c></row>"
                             "<row r=\"3\"><c r=\"A3\"><v>12.3</v></c></row>"
                             "<row r=\"4\"><c r=\"A4\"><v>12.300000000000001</v></c></row>"
                             "<row r=\"5\"><c r=\"A5\"><v>1.3800138E10</v></c></row>"
                             "<row r=\"6\"><c r=\"A6\"><v>1E+20</v></c></row>"
                             "<row r=\"7\"><c r=\"A7\"><v>-0.30000000000000004</v></c></row>"
                             "<row r=\"8\"><c r=\"A8\"><v>2.5E-3</v></c></row>"
                             "<row r=\"9\"><c r=\"A9\"><v>0</v></c></row>";
    const XlsxReader reader = XlsxReader::fromBytes(workbookOf(sheet));
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    const QList<QStringList> expected{{QStringLiteral("13800138000")},
                                      {QStringLiteral("12.3")},
                                      {QStringLiteral("12.3")},
                                      {QStringLiteral("13800138000")},
                                      {QStringLiteral("100000000000000000000")},
                                      {QStringLiteral("-0.3")},
                                      {QStringLiteral("0.0025")},
                                      {QStringLiteral("0")}};
    QCOMPARE(fieldsOf(reader.records()), expected);

    // And through a real writer: a money column and a phone column.
    const QString path = m_dir.filePath(QStringLiteral("numbers.xlsx"));
    const XlsxReader written = XlsxReader::fromFile(path);
    QVERIFY2(written.issues().isEmpty(), qPrintable(issuesOf(written)));
    QCOMPARE(fieldsOf(written.records()),
             (QList<QStringList>{{QStringLiteral("12.3"), QStringLiteral("13800138000")},
                                 {QStringLiteral("0.3"), QStringLiteral("19912345678")}}));
}

void TestXlsxReader::datesAndTimesInDateFormattedCells()
{
    const QString path = m_dir.filePath(QStringLiteral("dates.xlsx"));
    const XlsxReader reader = XlsxReader::fromFile(path);
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QHash<QString, QString> values;
    for (const CsvRecord &record : reader.records())
        values.insert(record.fields.at(0), record.fields.at(1));
    QCOMPARE(values.value(QStringLiteral("yyyy-mm-dd")), QStringLiteral("2026-11-29"));
    QCOMPARE(values.value(QStringLiteral("datetime")), QStringLiteral("2026-11-29 13:05:00"));
    QCOMPARE(values.value(QStringLiteral("seconds")), QStringLiteral("2026-01-02 03:04:05"));
    QCOMPARE(values.value(QStringLiteral("chinese")), QStringLiteral("2026-11-29"));
    QCOMPARE(values.value(QStringLiteral("built-in 14")), QStringLiteral("2026-11-29"));
    QCOMPARE(values.value(QStringLiteral("built-in 22")), QStringLiteral("2026-11-29 13:05:00"));
    QCOMPARE(values.value(QStringLiteral("time")), QStringLiteral("12:30:00"));
    QCOMPARE(values.value(QStringLiteral("not a date: quoted")), QStringLiteral("3"));
    QCOMPARE(values.value(QStringLiteral("not a date: money")), QStringLiteral("46355.5"));
    QCOMPARE(values.value(QStringLiteral("unformatted")), QStringLiteral("46355"));
    QCOMPARE(values.size(), 10);
}

void TestXlsxReader::datesOfThe1900And1904Systems_data()
{
    QTest::addColumn<QByteArray>("workbookProperties");
    QTest::addColumn<QByteArray>("serial");
    QTest::addColumn<QString>("shown");
    QTest::newRow("1900: 28 February") << QByteArray() << QByteArray("59") << "1900-02-28";
    QTest::newRow("1900: Excel's 29 February") << QByteArray() << QByteArray("60") << "1900-02-29";
    QTest::newRow("1900: 1 March") << QByteArray() << QByteArray("61") << "1900-03-01";
    QTest::newRow("1900: 1 January") << QByteArray() << QByteArray("1") << "1900-01-01";
    QTest::newRow("1900: today") << QByteArray() << QByteArray("46355.75")
                                 << QStringLiteral("2026-11-29 18:00:00");
    QTest::newRow("1904: its first day")
        << QByteArray("<workbookPr date1904=\"1\"/>") << QByteArray("0") << "1904-01-01";
    QTest::newRow("1904: today") << QByteArray("<workbookPr date1904=\"true\"/>")
                                 << QByteArray("44893.75") << "2026-11-29 18:00:00";
    QTest::newRow("1904 off") << QByteArray("<workbookPr date1904=\"0\"/>")
                              << QByteArray("46355.75") << "2026-11-29 18:00:00";
}

void TestXlsxReader::datesOfThe1900And1904Systems()
{
    QFETCH(QByteArray, workbookProperties);
    QFETCH(QByteArray, serial);
    QFETCH(QString, shown);
    // Style 1 is custom format 164, style 2 built-in 22: the date alone, the date and time.
    const QByteArray styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                              "formatCode=\"d/m/yyyy\"/></numFmts>"
                              "<cellStyleXfs count=\"1\"><xf numFmtId=\"22\"/></cellStyleXfs>"
                              "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
                              "<xf numFmtId=\"22\"/></cellXfs>";
    const QByteArray style = serial.contains('.') ? "2" : "1";
    const QByteArray sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>d</t></is></c></row>"
                             "<row r=\"2\"><c r=\"A2\" s=\""
                             + style + "\"><v>" + serial + "</v></c></row>";
    const XlsxReader reader = XlsxReader::fromBytes(
        workbookOf(sheet, {}, styles, workbookProperties));
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(fieldsOf(reader.records()), QList<QStringList>{{shown}});
}

void TestXlsxReader::readsTheFirstSheetWhenThereAreSeveral()
{
    const QString path = m_dir.filePath(QStringLiteral("sheets.xlsx"));
    const XlsxReader reader = XlsxReader::fromFile(path);
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(reader.sheetName(), QStringLiteral("订单列表"));
    QCOMPARE(reader.header(), QStringList{QStringLiteral("订单号")});
    QCOMPARE(fieldsOf(reader.records()), QList<QStringList>{{QStringLiteral("E20261129001")}});
}

// The first sheet in the workbook's order, found through the relationships, not by the part's
// name: here it lives in data.xml (named absolutely), after sheet1.xml in the archive.
void TestXlsxReader::readsTheFirstSheetWhereverItsPartIs()
{
    auto sheetPart = [](const QByteArray &text) -> QByteArray {
        return "<worksheet " + mainNamespace
               + "><sheetData><row r=\"1\"><c r=\"A1\" "
                 "t=\"inlineStr\"><is><t>"
               + text + "</t></is></c></row></sheetData></worksheet>";
    };
    const QByteArray bytes = zipOf(
        {{QStringLiteral("_rels/.rels"),
          relationships({{"rId1", "/book/main.xml"}}, "officeDocument")},
         {QStringLiteral("book/main.xml"),
          "<workbook " + mainNamespace + " " + relationshipNamespace
              + "><sheets><sheet name=\"导出\" sheetId=\"2\" r:id=\"rId7\"/>"
                "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
         {QStringLiteral("book/_rels/main.xml.rels"),
          relationships({{"rId1", "worksheets/sheet1.xml"}, {"rId7", "/book/sheets/data.xml"}},
                        "worksheet,worksheet")},
         {QStringLiteral("book/worksheets/sheet1.xml"), sheetPart("second")},
         {QStringLiteral("book/sheets/data.xml"), sheetPart("first")}});
    const XlsxReader reader = XlsxReader::fromBytes(bytes);
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(reader.sheetName(), QStringLiteral("导出"));
    QCOMPARE(reader.header(), QStringList{QStringLiteral("first")});
}

void TestXlsxReader::inlineStringsRichTextBooleansAndFormulas()
{
    const QByteArray sharedStrings
        = "<si><t>订单号</t></si>"
          "<si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">三 </t></r>"
          "<rPh sb=\"0\" eb=\"1\"><t>ZHANG</t></rPh></si>"
          "<si><t>line_x000D_break</t></si>";
    const QByteArray sheet
        = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>"
          "收货人</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><r><t>备</t></r><r><t>注</t></r>"
          "</is></c><c r=\"D1\" t=\"str\"><f>\"合\"&amp;\"计\"</f><v>合计</v></c>"
          "<c r=\"E1\" t=\"inlineStr\"><is><t>ok</t></is></c></row>"
          "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is>"
          "<t>北京市朝阳区</t></is></c><c r=\"C2\" t=\"s\"><v>2</v></c><c r=\"D2\"><f>1+2</f>"
          "<v>3</v></c><c r=\"E2\" t=\"b\"><v>1</v></c></row>"
          "<row r=\"3\"><c r=\"A3\" t=\"e\"><v>#N/A</v></c><c r=\"E3\" t=\"b\"><v>0</v></c></row>";
    const XlsxReader reader = XlsxReader::fromBytes(workbookOf(sheet, sharedStrings));
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(reader.header(),
             (QStringList{QStringLiteral("订单号"), QStringLiteral("收货人"),
                          QStringLiteral("备注"), QStringLiteral("合计"), QStringLiteral("ok")}));
    QCOMPARE(
        fieldsOf(reader.records()),
        (QList<QStringList>{
            {QStringLiteral("张三 "), QStringLiteral("北京市朝阳区"), QStringLiteral("line\rbreak"),
             QStringLiteral("3"), QStringLiteral("TRUE")},
            {QStringLiteral("#N/A"), QString(), QString(), QString(), QStringLiteral("FALSE")}}));
}

// A1-style references place cells: a skipped cell is an empty field, a skipped row an empty
// record; rows before the header and empty rows after the last are not records; a cell without
// a reference follows the one before it. Fields reach at least the header's width.
void TestXlsxReader::cellsArePlacedByTheirReference()
{
    const QByteArray sheet
        = "<row r=\"1\" spans=\"1:3\"><c r=\"B1\" s=\"0\"/></row>"
          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t> sku </t></is></c>"
          "<c r=\"C2\" t=\"inlineStr\"><is><t>price</t></is></c></row>"
          "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>A-1</t></is></c><c r=\"C3\"><v>9.9</v>"
          "</c></row>"
          "<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>B only</t></is></c></row>"
          "<row><c t=\"inlineStr\"><is><t>R6A</t></is></c><c><v>2</v></c>"
          "<c r=\"AB6\"><v>28</v></c></row>"
          "<row r=\"8\"><c r=\"A8\" s=\"0\"/></row>";
    const XlsxReader reader = XlsxReader::fromBytes(workbookOf(sheet));
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(reader.header(),
             (QStringList{QStringLiteral("sku"), QString(), QStringLiteral("price")}));
    QStringList wide{QStringLiteral("R6A"), QStringLiteral("2")};
    while (wide.size() < 27)
        wide.append(QString());
    wide.append(QStringLiteral("28"));
    QCOMPARE(fieldsOf(reader.records()),
             (QList<QStringList>{{QStringLiteral("A-1"), QString(), QStringLiteral("9.9")},
                                 {QString(), QString(), QString()},
                                 {QString(), QStringLiteral("B only"), QString()},
                                 wide}));
    QCOMPARE(linesOf(reader.records()), (QList<int>{3, 4, 5, 6}));
}

void TestXlsxReader::badFilesGiveOneClearIssue_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("a CSV file") << QByteArray("sku,name\nA,B\n")
                                << "not an Excel workbook (.xlsx): open it in Excel or WPS and "
                                   "save it as .xlsx or as CSV.";
    QTest::newRow("empty") << QByteArray() << "not an Excel workbook (.xlsx)";
    QTest::newRow("an old .xls") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)
                                        + QByteArray(504, '\0')
                                 << "an old Excel workbook (.xls) or one protected by a password";
    QTest::newRow("a zip without a workbook")
        << zipOf({{QStringLiteral("readme.txt"), QByteArray("hello")}})
        << "a zip archive but not an Excel workbook: it holds no xl/workbook.xml";
    QTest::newRow("a cut-off zip")
        << workbookOf("<row r=\"1\"/>").left(60) << "the workbook is damaged";
    QTest::newRow("broken sheet XML")
        << workbookOf("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        << "the workbook is damaged: xl/worksheets/sheet1.xml, line 2:";
    QTest::newRow("a workbook without sheets")
        << zipOf({{QStringLiteral("xl/workbook.xml"),
                   "<workbook " + mainNamespace + "><sheets/></workbook>"}})
        << "the workbook has no sheet";
    QTest::newRow("an empty first sheet") << workbookOf("<row r=\"1\"><c r=\"A1\" s=\"0\"/></row>")
                                          << "the first sheet \"Sheet1\" is empty";
}

void TestXlsxReader::badFilesGiveOneClearIssue()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const XlsxReader reader = XlsxReader::fromBytes(bytes);
    QCOMPARE(reader.issues().size(), 1);
    QVERIFY2(reader.issues().constFirst().message.startsWith(message),
             qPrintable(issuesOf(reader)));
    QCOMPARE(reader.issues().constFirst().line, 1);
    QVERIFY(reader.header().isEmpty());
    QVERIFY(reader.records().isEmpty());

    const QString missing = m_dir.filePath(QStringLiteral("missing.xlsx"));
    QVERIFY(XlsxReader::fromFile(missing).issues().constFirst().message.startsWith(
        QStringLiteral("cannot read the file")));
}

// Platforms name workbooks .csv and merchants rename files: the content decides.
void TestXlsxReader::readTableFilePicksTheReaderByContent()
{
    const QString workbookNamedCsv = m_dir.filePath(QStringLiteral("export.csv"));
    QFile workbook(workbookNamedCsv);
    QVERIFY(workbook.open(QIODevice::WriteOnly));
    workbook.write(workbookOf("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sku</t></is></c>"
                              "</row><row r=\"2\"><c r=\"A2\"><v>13800138000</v></c></row>"));
    workbook.close();
    const TableFile fromWorkbook = readTableFile(workbookNamedCsv);
    QVERIFY(fromWorkbook.issues.isEmpty());
    QCOMPARE(fromWorkbook.header, QStringList{QStringLiteral("sku")});
    QCOMPARE(fieldsOf(fromWorkbook.records), QList<QStringList>{{QStringLiteral("13800138000")}});
    QCOMPARE(fromWorkbook.column(QStringLiteral("SKU")), 0);

    const QString csvNamedXlsx = m_dir.filePath(QStringLiteral("export.xlsx"));
    QFile csv(csvNamedXlsx);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("sku;name\r\nA-1;茶\r\n");
    csv.close();
    const TableFile fromCsv = readTableFile(csvNamedXlsx);
    QVERIFY(fromCsv.issues.isEmpty());
    QCOMPARE(fromCsv.header, (QStringList{QStringLiteral("sku"), QStringLiteral("name")}));
    QCOMPARE(fieldsOf(fromCsv.records),
             (QList<QStringList>{{QStringLiteral("A-1"), QStringLiteral("茶")}}));

    QCOMPARE(readTableBytes(QByteArray("a\r\n1\r\n")).header, QStringList{QStringLiteral("a")});
    QVERIFY(!readTableFile(m_dir.filePath(QStringLiteral("none.csv"))).issues.isEmpty());
}

MICROSHOP_TEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
