// XlsxWriter and ShopExporter's workbooks (issue 13): cells typed by column (a phone and an order
// number with leading zeros stay text, money is a number formatted 0.00, dates are dates), the
// header bold and frozen, read back with the project's XlsxReader and looked at in the sheet's
// XML (unpacked with minizip); an export that fails or is cancelled leaves no file.
#include "CsvReader.h"
#include "Error.h"
#include "ExportSource.h"
#include "ShopExporter.h"
#include "XlsxReader.h"
#include "XlsxWriter.h"

#include "TestClock.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unzip.h>

#include <memory>

using namespace MicroShop;

namespace {

// A part of the zip archive at path, or empty.
QByteArray unzipPart(const QString &path, const char *part)
{
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    if (!zip)
        return {};
    QByteArray bytes;
    if (unzLocateFile(zip, part, 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
        char chunk[4096];
        int read = 0;
        while ((read = unzReadCurrentFile(zip, chunk, sizeof chunk)) > 0)
            bytes.append(chunk, read);
        unzCloseCurrentFile(zip);
    }
    unzClose(zip);
    return bytes;
}

// The <c> element of a cell in a sheet's XML.
QString cellXml(const QByteArray &sheet, const QString &reference)
{
    const QRegularExpression cell(QStringLiteral("<c r=\"%1\"[^>]*(/>|>.*?</c>)").arg(reference));
    return cell.match(QString::fromUtf8(sheet)).captured(0);
}

QList<QStringList> fieldsOf(const QList<CsvRecord> &records)
{
    QList<QStringList> fields;
    for (const CsvRecord &record : records)
        fields.append(record.fields);
    return fields;
}

QString issuesOf(const XlsxReader &reader)
{
    QStringList messages;
    for (const CsvIssue &issue : reader.issues())
        messages.append(issue.message);
    return messages.join(u'\n');
}

// The files this process has open (Linux).
qsizetype openFiles()
{
    return QDir(QStringLiteral("/proc/self/fd"))
        .entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)
        .size();
}

// count order lines, the Nth with order number N and an amount of N.50.
class CountingSource final : public ExportSource
{
public:
    explicit CountingSource(int count)
        : m_count(count)
    {}
    void read(ExportKind, const std::function<bool(const QStringList &)> &row) override
    {
        for (int n = 1; n <= m_count; ++n) {
            const QString number = QString::number(n);
            if (!row({QStringLiteral("0%1").arg(n), QStringLiteral("2026-11-29 10:00:00"),
                      QStringLiteral("paid"), QStringLiteral("C1"), QString(),
                      QStringLiteral("TEA-01"), number, number + QStringLiteral(".50")}))
                return;
        }
    }

    qint64 readShipping(const QList<qint64> &,
                        const std::function<bool(const QStringList &)> &) override
    {
        return 0;
    }

private:
    int m_count;
};

} // namespace

class TestXlsxWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cellsAreTypedByColumn();
    void theHeaderIsBoldAndFrozen();
    void rowsBeyondASheetContinueOnAnother();
    void anAbandonedWorkbookLeavesNoFile();
    void aFolderThatCannotBeWrittenIsRefused();
    void aCellTooLongForExcelIsRefused();
    void theExporterWritesAWorkbookForXlsxNames();
    void aCancelledExportLeavesNoFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestXlsxWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestXlsxWriter::cellsAreTypedByColumn()
{
    const QString path = m_dir->filePath(QStringLiteral("typed.xlsx"));
    const QStringList columns{QStringLiteral("order_no"), QStringLiteral("phone"),
                              QStringLiteral("amount"),   QStringLiteral("quantity"),
                              QStringLiteral("date"),     QStringLiteral("paid_at"),
                              QStringLiteral("notes")};
    QCOMPARE(ColumnTypes::of(columns),
             (QList<ColumnType>{ColumnType::Text, ColumnType::Text, ColumnType::Money,
                                ColumnType::Number, ColumnType::DateTime, ColumnType::DateTime,
                                ColumnType::Text}));
    {
        XlsxWriter writer(path, QStringLiteral("订单"), columns, ColumnTypes::of(columns));
        writer.writeRow({QStringLiteral("000123"), QStringLiteral("13800138000"),
                         QStringLiteral("12.30"), QStringLiteral("3"), QStringLiteral("2026-11-29"),
                         QStringLiteral("2026-11-29 13:05:09"), QStringLiteral("=1+1 不是公式")});
        writer.writeRow({QStringLiteral("E20261129001"), QString(), QStringLiteral("-0.10"),
                         QStringLiteral("-2"), QString(), QStringLiteral("not a date"), QString()});
        writer.commit();
    }
    const XlsxReader reader = XlsxReader::fromFile(path);
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(reader.sheetName(), QStringLiteral("订单"));
    QCOMPARE(reader.header(), columns);
    QCOMPARE(fieldsOf(reader.records()),
             (QList<QStringList>{
                 {QStringLiteral("000123"), QStringLiteral("13800138000"), QStringLiteral("12.3"),
                  QStringLiteral("3"), QStringLiteral("2026-11-29"),
                  QStringLiteral("2026-11-29 13:05:09"), QStringLiteral("=1+1 不是公式")},
                 {QStringLiteral("E20261129001"), QString(), QStringLiteral("-0.1"),
                  QStringLiteral("-2"), QString(), QStringLiteral("not a date"), QString()}}));

    // In the sheet: text cells are strings, money and quantities numbers, the note no formula.
    const QByteArray sheet = unzipPart(path, "xl/worksheets/sheet1.xml");
    QVERIFY(!sheet.isEmpty());
    for (const char *text : {"A2", "B2", "G2", "F3"})
        QVERIFY2(cellXml(sheet, QString::fromLatin1(text)).contains(u"t=\"inlineStr\"")
                     || cellXml(sheet, QString::fromLatin1(text)).contains(u"t=\"s\""),
                 qPrintable(cellXml(sheet, QString::fromLatin1(text))));
    const QString money = cellXml(sheet, QStringLiteral("C2"));
    QVERIFY2(!money.contains(u" t=") && money.contains(u"<v>12.3</v>"), qPrintable(money));
    QVERIFY(!cellXml(sheet, QStringLiteral("D2")).contains(u" t="));
    QVERIFY(!sheet.contains("<f>"));
    QVERIFY(cellXml(sheet, QStringLiteral("B3")).isEmpty()); // an empty cell is not written
    // The money cells' style shows two decimals.
    const QByteArray styles = unzipPart(path, "xl/styles.xml");
    QVERIFY(styles.contains("formatCode=\"0.00\""));
    QVERIFY(styles.contains("formatCode=\"yyyy-mm-dd hh:mm:ss\""));
}

void TestXlsxWriter::theHeaderIsBoldAndFrozen()
{
    const QString path = m_dir->filePath(QStringLiteral("header.xlsx"));
    const QStringList columns{QStringLiteral("sku"), QStringLiteral("price")};
    XlsxWriter writer(path, QStringLiteral("products"), columns, ColumnTypes::of(columns));
    writer.writeRow({QStringLiteral("TEA-01"), QStringLiteral("12.30")});
    writer.commit();
    const QByteArray sheet = unzipPart(path, "xl/worksheets/sheet1.xml");
    QVERIFY2(QString::fromUtf8(sheet).contains(QRegularExpression(
                 QStringLiteral("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"/>"))),
             sheet.constData());
    QVERIFY(sheet.contains("<cols>"));
    const QString header = cellXml(sheet, QStringLiteral("A1"));
    const QRegularExpressionMatch style
        = QRegularExpression(QStringLiteral(" s=\"(\\d+)\"")).match(header);
    QVERIFY2(style.hasMatch(), qPrintable(header));
    // The header's style (cellXfs index) uses a bold font.
    const QString styles = QString::fromUtf8(unzipPart(path, "xl/styles.xml"));
    const QString fonts
        = styles.section(QStringLiteral("<fonts"), 1).section(QStringLiteral("</fonts>"), 0, 0);
    const QStringList fontList = fonts.split(QStringLiteral("<font>"), Qt::SkipEmptyParts).mid(1);
    const QString xfs
        = styles.section(QStringLiteral("<cellXfs"), 1).section(QStringLiteral("</cellXfs>"), 0, 0);
    const QStringList xfList = xfs.split(QStringLiteral("<xf "), Qt::SkipEmptyParts).mid(1);
    const QString xf = xfList.value(style.captured(1).toInt());
    const int font
        = QRegularExpression(QStringLiteral("fontId=\"(\\d+)\"")).match(xf).captured(1).toInt();
    QVERIFY2(fontList.value(font).contains(u"<b/>"), qPrintable(styles));
}

void TestXlsxWriter::rowsBeyondASheetContinueOnAnother()
{
    const QString path = m_dir->filePath(QStringLiteral("sheets.xlsx"));
    const QStringList columns{QStringLiteral("sku"), QStringLiteral("stock")};
    XlsxWriter writer(path, QStringLiteral("stock"), columns, ColumnTypes::of(columns));
    writer.setRowsPerSheet(2);
    for (int n = 1; n <= 5; ++n)
        writer.writeRow({QStringLiteral("S%1").arg(n), QString::number(n)});
    writer.commit();
    const QByteArray workbook = unzipPart(path, "xl/workbook.xml");
    QVERIFY2(workbook.contains("name=\"stock\"") && workbook.contains("name=\"stock (2)\"")
                 && workbook.contains("name=\"stock (3)\""),
             workbook.constData());
    const QByteArray third = unzipPart(path, "xl/worksheets/sheet3.xml");
    QVERIFY(third.contains("state=\"frozen\""));
    QVERIFY(cellXml(third, QStringLiteral("A1")).contains(u"sku"));
    QVERIFY(cellXml(third, QStringLiteral("A2")).contains(u"S5"));
    const XlsxReader reader = XlsxReader::fromFile(path);
    QCOMPARE(fieldsOf(reader.records()),
             (QList<QStringList>{{QStringLiteral("S1"), QStringLiteral("1")},
                                 {QStringLiteral("S2"), QStringLiteral("2")}}));
}

// Without commit() (an exception on the way), nothing is left, and an older file stays as it was;
// libxlsxwriter's temporary files are closed (their disk space given back).
void TestXlsxWriter::anAbandonedWorkbookLeavesNoFile()
{
    const qsizetype openBefore = openFiles();
    const QString path = m_dir->filePath(QStringLiteral("abandoned.xlsx"));
    const QString older = m_dir->filePath(QStringLiteral("older.xlsx"));
    QFile file(older);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("an older export");
    file.close();
    const QStringList columns{QStringLiteral("sku")};
    for (const QString &name : {path, older}) {
        XlsxWriter writer(name, QStringLiteral("products"), columns, ColumnTypes::of(columns));
        writer.writeRow({QStringLiteral("TEA-01")});
        QVERIFY(QFile::exists(name + QStringLiteral(".partial")));
    }
    QVERIFY(!QFile::exists(path));
    QCOMPARE(openFiles(), openBefore);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("an older export"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("older.xlsx")});
}

void TestXlsxWriter::aFolderThatCannotBeWrittenIsRefused()
{
    const QString path = m_dir->filePath(QStringLiteral("missing/folder/out.xlsx"));
    try {
        XlsxWriter writer(path, QStringLiteral("orders"), {QStringLiteral("order_no")},
                          {ColumnType::Text});
        QFAIL("a workbook in a missing folder was started");
    } catch (const InputError &error) {
        QVERIFY2(error.message().startsWith(
                     QStringLiteral("Cannot write %1: ").arg(QDir::toNativeSeparators(path))),
                 qPrintable(error.message()));
    }
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestXlsxWriter::aCellTooLongForExcelIsRefused()
{
    const QString path = m_dir->filePath(QStringLiteral("long.xlsx"));
    {
        XlsxWriter writer(path, QStringLiteral("customers"), {QStringLiteral("notes")},
                          {ColumnType::Text});
        writer.writeRow({QStringLiteral("short")});
        try {
            writer.writeRow({QString(40000, u'字')});
            QFAIL("a cell of 40,000 characters was written");
        } catch (const InputError &error) {
            QVERIFY2(error.message().contains(u"row 3, column notes holds 40000 characters"),
                     qPrintable(error.message()));
            QVERIFY(error.message().contains(u"32,767"));
        }
    }
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestXlsxWriter::theExporterWritesAWorkbookForXlsxNames()
{
    CountingSource source(3);
    ShopExporter exporter(source);
    const QString workbook = m_dir->filePath(QStringLiteral("orders.XLSX"));
    QCOMPARE(exporter.exportToFile(ExportKind::Orders, workbook), 3);
    const XlsxReader reader = XlsxReader::fromFile(workbook);
    QVERIFY2(reader.issues().isEmpty(), qPrintable(issuesOf(reader)));
    QCOMPARE(reader.sheetName(), QStringLiteral("orders"));
    QCOMPARE(reader.header(), ExportSource::columns(ExportKind::Orders));
    QCOMPARE(reader.records().size(), 3);
    QCOMPARE(reader.records().at(1).fields.mid(0, 8),
             (QStringList{QStringLiteral("02"), QStringLiteral("2026-11-29 10:00:00"),
                          QStringLiteral("paid"), QStringLiteral("C1"), QString(),
                          QStringLiteral("TEA-01"), QStringLiteral("2"), QStringLiteral("2.5")}));

    const QString csv = m_dir->filePath(QStringLiteral("orders.csv"));
    QCOMPARE(exporter.exportToFile(ExportKind::Orders, csv), 3);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("\xEF\xBB\xBForder_no,date,"));
}

void TestXlsxWriter::aCancelledExportLeavesNoFile()
{
    CountingSource source(5000);
    ShopExporter exporter(source);
    qint64 told = 0;
    exporter.setProgress([&told](qint64 done, qint64) {
        told = done;
        return done < 2000;
    });
    const QString path = m_dir->filePath(QStringLiteral("cancelled.xlsx"));
    QVERIFY_THROWS_EXCEPTION(Cancelled, exporter.exportToFile(ExportKind::Orders, path));
    QCOMPARE(told, 2000);
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

MICROSHOP_TEST_GUILESS_MAIN(TestXlsxWriter)
#include "tst_xlsxwriter.moc"
