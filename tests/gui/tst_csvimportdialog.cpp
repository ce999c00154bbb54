// The CSV import dialog as a merchant uses it, offscreen: a spreadsheet with its own column names
// is mapped onto MicroShop's, bad rows are listed with line and column, nothing half-imported.
#include "CsvImportDialog.h"

#include "Database.h"
#include "ShopServices.h"
#include "TestClock.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;

class TestCsvImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void mapsUnknownColumnsThenImports();
    void listsEveryBadRowAndImportsNothing();

private:
    QString writeFile(const QString &name, const QByteArray &content);
    void choose(QComboBox *combo, const QString &column);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ShopServices> m_services;
    std::unique_ptr<ShopContext> m_shop;
};

void TestCsvImportDialog::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    m_database = Database::open(
        DatabaseLocation::sqliteFile(m_folder->filePath(QStringLiteral("shop.db"))),
        Database::OpenMode::CreateOrUpgrade);
    m_services = std::make_unique<ShopServices>(*m_database);
    m_shop = std::make_unique<ShopContext>(m_services->context());
}

void TestCsvImportDialog::cleanup()
{
    m_shop.reset();
    m_services.reset();
    m_database.reset();
    m_folder.reset();
}

QString TestCsvImportDialog::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_folder->filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestCsvImportDialog::choose(QComboBox *combo, const QString &column)
{
    // Open the list and pick the entry with the keyboard, as a person would.
    combo->setFocus();
    const int target = combo->findData(column);
    QVERIFY(target >= 0);
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentData().toString(), column);
}

void TestCsvImportDialog::mapsUnknownColumnsThenImports()
{
    const QString path = writeFile(
        QStringLiteral("商品.csv"),
        QByteArray("\xEF\xBB\xBF"
                   "SKU;商品名称;售价;库存;备注\r\n"
                   "TEA-01;普洱熟茶;128;20;x\r\nCUP-02;玻璃杯;9.9;5;y\r\n"));
    CsvImportDialog dialog(*m_shop, ShopImporter::Kind::Products);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.openFile(path);

    const QString detected = dialog.findChild<QLabel *>(QStringLiteral("detectedLabel"))->text();
    QVERIFY2(detected.contains(QStringLiteral("UTF-8"))
                 && detected.contains(QStringLiteral("semicolon"))
                 && detected.contains(QStringLiteral("2 row(s)")),
             qPrintable(detected));
    auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("previewTable"));
    QCOMPARE(preview->rowCount(), 2);
    QCOMPARE(preview->item(1, 1)->text(), QStringLiteral("玻璃杯"));

    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(!importButton->isEnabled()); // 商品名称, 售价, 库存, 备注 are not MicroShop's names
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("mapping0"))->currentData().toString(),
             QStringLiteral("sku")); // matched by name
    choose(dialog.findChild<QComboBox *>(QStringLiteral("mapping1")), QStringLiteral("name"));
    choose(dialog.findChild<QComboBox *>(QStringLiteral("mapping2")), QStringLiteral("price"));
    choose(dialog.findChild<QComboBox *>(QStringLiteral("mapping3")), QStringLiteral("stock"));
    QVERIFY(!importButton->isEnabled());
    choose(dialog.findChild<QComboBox *>(QStringLiteral("mapping4")), QString()); // ignore
    QVERIFY(importButton->isEnabled());

    QTest::mouseClick(importButton, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_services->catalog.productBySku(QStringLiteral("CUP-02")).price,
             *Money::parse(u"9.9"));
    QCOMPARE(m_services->catalog.productBySku(QStringLiteral("TEA-01")).stock, 20);
    QCOMPARE(m_services->catalog.productBySku(QStringLiteral("TEA-01")).name,
             QStringLiteral("普洱熟茶"));
}

void TestCsvImportDialog::listsEveryBadRowAndImportsNothing()
{
    const QString path = writeFile(QStringLiteral("bad.csv"),
                                   QByteArray("sku,name,price\nA,Tea,12.345\nB,,3\nC,Cup,4\n"));
    CsvImportDialog dialog(*m_shop, ShopImporter::Kind::Products);
    dialog.show();
    dialog.openFile(path);
    auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(importButton->isEnabled());
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(dialog.isVisible()); // stays open with the problems
    auto *errors = dialog.findChild<QPlainTextEdit *>(QStringLiteral("errorList"));
    QVERIFY(errors->isVisible());
    const QStringList lines = errors->toPlainText().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("bad.csv:2:3: price:")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("bad.csv:3:2:")), qPrintable(lines.at(1)));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))
                ->text()
                .contains(QStringLiteral("Nothing was imported")));
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT count(*) FROM products")).toInt(), 0);
}

int main(int argc, char *argv[])
{
    QTemporaryDir configuration;
    qputenv("XDG_CONFIG_HOME", configuration.path().toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    MicroShop::Testing::fixClock();
    QApplication application(argc, argv);
    TestCsvImportDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_csvimportdialog.moc"
