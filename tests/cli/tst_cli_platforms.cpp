// `microshop-cli import orders FILE [--platform P] [--aliases FILE]` on the platforms' own order
// exports (spec/platforms.md, and docs/decisions.md "Orders from the platforms" where the spec is
// silent), on the backend of $MICROSHOP_TEST_BACKEND. Every expected value below was worked out
// by hand from those pages; the arithmetic is written next to it.
//
// Readings chosen where the pages leave room (each also said where it is used):
// - A customer's channel and an order's `platform` column are the platform's `--platform` name
//   (youzan, weidian, taobao, pinduoduo); the order's platform number is `orders.platform_no`.
// - Files without an item price column (Youzan's order-level export, Taobao's order report,
//   Pinduoduo) have one row per order, so their orders have one line each: decisions.md makes
//   the order's goods total that line's net.
// - Weidian names no shipping, discount or paid amount column: its lines are taken as given,
//   with no shipping fee, and the payment is the goods total.
// - Taobao's item columns (标题, 价格, 购买数量, 商家编码, 规格名称) are read in the same file as
//   its order columns, one row per item, the order's columns repeated.
// - Pinduoduo's receiver columns are not named by the spec; the files carry the platform's own
//   (收货人, 手机, 省, 市, 区, 街道), masked as Pinduoduo masks them, and only the customer's
//   channel is checked for them.
// - Steps without a time column of their own (Youzan and Taobao have no shipping time, Taobao
//   no completion time) take the time of the step before them (decisions.md "Times").
// - The `notes` column of the orders export is left out of the hand-written expectations (the
//   pages do not say what an import writes there); every other column is compared.
// - New customers get CustomerService's next code (C000001 in an empty shop), and orders the
//   first free SO<day>-nnnn of their day; where two orders share a day the test does not depend
//   on which is numbered first, except in files where the file's order and the time's agree.
// - Rows of one order that name two buyers (Taobao 买家会员名) are refused at the second row's
//   buyer cell, as csv.md refuses rows of one order that disagree.
// - A paid amount above goods + shipping is refused at the 订单实付金额 cell of the order's row;
//   a status behind the order's is one line on stderr at the row's 订单状态 cell; an unknown
//   distributor is one line at its first row; an unmatched item is one line at its first row.
// - A spreadsheet row of empty cells saved as CSV (only separators) is a blank line.
// - A file that is not a workbook (a PNG named .xlsx) is refused at FILE:1:1, whatever the words.
// - The Taobao buyer account matches across imports (the second order comes in a later file).
#include "Dates.h"
#include "Error.h"

#include "ShopFixture.h"
#include "TestClock.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace MicroShop;
using namespace MicroShop::Testing;

namespace {

const QByteArray bom("\xEF\xBB\xBF");

using Cells = QHash<QString, QString>;

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString csvText(const QList<QStringList> &lines)
{
    QString text;
    for (const QStringList &line : lines) {
        QStringList fields;
        for (const QString &value : line)
            fields << csvField(value);
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    return text;
}

// A platform file: its header, then one line per row, each cell the row's value or the
// default's (a row names only what differs).
QByteArray platformFile(const QStringList &header, const Cells &defaults, const QList<Cells> &rows)
{
    QList<QStringList> lines{header};
    for (const Cells &row : rows) {
        QStringList values;
        for (const QString &name : header)
            values << row.value(name, defaults.value(name));
        lines << values;
    }
    return csvText(lines).toUtf8();
}

// 有赞 Youzan, the item-level export.
const QStringList youzanHeader = {QStringLiteral("订单号"),
                                  QStringLiteral("订单状态"),
                                  QStringLiteral("订单创建时间"),
                                  QStringLiteral("买家付款时间"),
                                  QStringLiteral("交易成功时间"),
                                  QStringLiteral("收货人/提货人"),
                                  QStringLiteral("收货人手机号/提货人手机号"),
                                  QStringLiteral("收货人省份"),
                                  QStringLiteral("收货人城市"),
                                  QStringLiteral("收货人地区"),
                                  QStringLiteral("详细收货地址/提货地址"),
                                  QStringLiteral("商品名称"),
                                  QStringLiteral("商品规格"),
                                  QStringLiteral("商品编码"),
                                  QStringLiteral("规格编码"),
                                  QStringLiteral("商品单价"),
                                  QStringLiteral("商品数量"),
                                  QStringLiteral("商品金额合计"),
                                  QStringLiteral("运费"),
                                  QStringLiteral("店铺优惠合计"),
                                  QStringLiteral("订单实付金额"),
                                  QStringLiteral("商品发货物流公司"),
                                  QStringLiteral("商品发货物流单号"),
                                  QStringLiteral("分销员"),
                                  QStringLiteral("分销员手机号")};
const int youzanStatusColumn = 2;
const int youzanPaidColumn = 21;

// One paid order of one 普洱熟茶 at 128.00, no shipping, no discount.
Cells youzanDefaults()
{
    return {{QStringLiteral("订单号"), QStringLiteral("E1001")},
            {QStringLiteral("订单状态"), QStringLiteral("待发货")},
            {QStringLiteral("订单创建时间"), QStringLiteral("2026-11-20 10:00:00")},
            {QStringLiteral("买家付款时间"), QStringLiteral("2026-11-20 10:05:00")},
            {QStringLiteral("收货人/提货人"), QStringLiteral("李娜")},
            {QStringLiteral("收货人手机号/提货人手机号"), QStringLiteral("13800000001")},
            {QStringLiteral("收货人省份"), QStringLiteral("浙江省")},
            {QStringLiteral("收货人城市"), QStringLiteral("杭州市")},
            {QStringLiteral("收货人地区"), QStringLiteral("西湖区")},
            {QStringLiteral("详细收货地址/提货地址"), QStringLiteral("文三路100号")},
            {QStringLiteral("商品名称"), QStringLiteral("普洱熟茶")},
            {QStringLiteral("商品规格"), QStringLiteral("357克")},
            {QStringLiteral("商品编码"), QStringLiteral("P1001")},
            {QStringLiteral("规格编码"), QStringLiteral("TEA-01")},
            {QStringLiteral("商品单价"), QStringLiteral("128.00")},
            {QStringLiteral("商品数量"), QStringLiteral("1")},
            {QStringLiteral("商品金额合计"), QStringLiteral("128.00")},
            {QStringLiteral("运费"), QStringLiteral("0.00")},
            {QStringLiteral("店铺优惠合计"), QStringLiteral("0.00")},
            {QStringLiteral("订单实付金额"), QStringLiteral("128.00")}};
}

QByteArray youzanFile(const QList<Cells> &rows)
{
    return platformFile(youzanHeader, youzanDefaults(), rows);
}

// The Youzan item-level file of detectsEachPlatform, readsEveryForm and the re-import tests
// (tests/io/xlsx_test_workbooks.cpp writes the same rows as youzan-orders.xlsx). Three orders,
// each with its rows together (an import reads one order at a time):
// - E20261120100001, paid: 2 x 128.00 + 1 x 30.00 = 286.00, shipping 10.00, paid 276.00, so a
//   discount of 286.00 + 10.00 - 276.00 = 20.00 spread on nets 256.00 and 30.00:
//   25600 * 2000 / 28600 = 1790.2 -> 17.90, the rest 20.00 - 17.90 = 2.10 on the last line.
// - E20261119100003, completed: 50.00 + 128.00 = 178.00, paid 169.10: 8.90 spread,
//   5000 * 890 / 17800 = 250 -> 2.50, the rest 6.40.
// - E20261121100002, pending: 3 x 9.90 = 29.70 + shipping 6.00 = 35.70, nothing to spread.
const char youzanItemsRows[]
    = "订单号,订单状态,订单创建时间,买家付款时间,交易成功时间,收货人/提货人,收货人手机号/"
      "提货人手机号,收货人省份,收货人城市,收货人地区,详细收货地址/提货地址,商品名称,商品规格,"
      "商品编码,规格编码,商品单价,商品数量,商品金额合计,运费,店铺优惠合计,订单实付金额,"
      "商品发货物流公司,商品发货物流单号,分销员,分销员手机号\r\n"
      "E20261120100001,待发货,2026-11-20 10:00:00,2026-11-20 10:05:00,,李娜,13800000001,浙江省,"
      "杭州市,西湖区,文三路100号,普洱熟茶,357克,P1001,TEA-01,128.00,2,286.00,10.00,20.00,276.00,"
      ",,,\r\n"
      "E20261120100001,待发货,2026-11-20 10:00:00,2026-11-20 10:05:00,,李娜,13800000001,浙江省,"
      "杭州市,西湖区,文三路100号,双层玻璃杯,350ml,P1002,CUP-02,30.00,1,286.00,10.00,20.00,276.00,"
      ",,,\r\n"
      "E20261119100003,交易成功,2026-11-19 08:00:00,2026-11-19 08:01:00,2026-11-23 18:00:00,李娜,"
      "13800000001,浙江省,杭州市,西湖区,文三路100号,土蜂蜜,500克,P1004,HONEY-04,50.00,1,178.00,"
      "0.00,8.90,169.10,顺丰速运,SF1400000001,,\r\n"
      "E20261119100003,交易成功,2026-11-19 08:00:00,2026-11-19 08:01:00,2026-11-23 18:00:00,李娜,"
      "13800000001,浙江省,杭州市,西湖区,文三路100号,普洱熟茶,357克,P1001,TEA-01,128.00,1,178.00,"
      "0.00,8.90,169.10,顺丰速运,SF1400000001,,\r\n"
      "E20261121100002,待付款,2026-11-21 09:30:00,,,王强,13900000002,广东省,深圳市,南山区,"
      "科技园南区1栋,补水面膜,10片,P1003,MASK-03,9.90,3,29.70,6.00,0.00,35.70,,,,\r\n";

// The orders export of youzanItemsRows (without notes): MicroShop's own numbers are the first
// free ones of each order's day; the customer 李娜 is made first whichever order comes first.
const QStringList youzanItemsOrders = {
    QStringLiteral("SO20261119-0001,2026-11-19 08:00:00,completed,C000001,,HONEY-04,1,50.00,2.50,"
                   "0.00,2026-11-19 08:01:00,2026-11-19 08:01:00,2026-11-23 18:00:00,顺丰速运,"
                   "SF1400000001"),
    QStringLiteral("SO20261119-0001,2026-11-19 08:00:00,completed,C000001,,TEA-01,1,128.00,6.40,"
                   "0.00,2026-11-19 08:01:00,2026-11-19 08:01:00,2026-11-23 18:00:00,顺丰速运,"
                   "SF1400000001"),
    QStringLiteral("SO20261120-0001,2026-11-20 10:00:00,paid,C000001,,TEA-01,2,128.00,17.90,10.00,"
                   "2026-11-20 10:05:00,,,,"),
    QStringLiteral("SO20261120-0001,2026-11-20 10:00:00,paid,C000001,,CUP-02,1,30.00,2.10,10.00,"
                   "2026-11-20 10:05:00,,,,"),
    QStringLiteral("SO20261121-0001,2026-11-21 09:30:00,pending,C000002,,MASK-03,3,9.90,0.00,6.00,"
                   ",,,,")};
const QStringList youzanItemsCustomers = {
    QStringLiteral("C000001,李娜,13800000001,youzan,,李娜,浙江省,杭州市,西湖区,文三路100号"),
    QStringLiteral("C000002,王强,13900000002,youzan,,王强,广东省,深圳市,南山区,科技园南区1栋")};

// 淘宝 Taobao, the order report with the item report's columns.
const QStringList taobaoHeader = {QStringLiteral("订单编号"),
                                  QStringLiteral("买家会员名"),
                                  QStringLiteral("买家应付货款"),
                                  QStringLiteral("买家应付邮费"),
                                  QStringLiteral("买家实际支付金额"),
                                  QStringLiteral("订单状态"),
                                  QStringLiteral("收货人姓名"),
                                  QStringLiteral("收货地址"),
                                  QStringLiteral("联系手机"),
                                  QStringLiteral("订单创建时间"),
                                  QStringLiteral("订单付款时间"),
                                  QStringLiteral("宝贝标题"),
                                  QStringLiteral("宝贝总数量"),
                                  QStringLiteral("物流公司"),
                                  QStringLiteral("物流单号"),
                                  QStringLiteral("标题"),
                                  QStringLiteral("价格"),
                                  QStringLiteral("购买数量"),
                                  QStringLiteral("商家编码"),
                                  QStringLiteral("规格名称")};
const int taobaoBuyerColumn = 2;

Cells taobaoDefaults()
{
    return {{QStringLiteral("订单编号"), QStringLiteral("3309876543210000001")},
            {QStringLiteral("买家会员名"), QStringLiteral("tb_zhaomin")},
            {QStringLiteral("买家应付货款"), QStringLiteral("128.00")},
            {QStringLiteral("买家应付邮费"), QStringLiteral("0.00")},
            {QStringLiteral("买家实际支付金额"), QStringLiteral("128.00")},
            {QStringLiteral("订单状态"), QStringLiteral("买家已付款，等待卖家发货")},
            {QStringLiteral("收货人姓名"), QStringLiteral("赵敏")},
            {QStringLiteral("收货地址"), QStringLiteral("上海市 上海市 浦东新区 世纪大道100号")},
            {QStringLiteral("联系手机"), QStringLiteral("13300000031")},
            {QStringLiteral("订单创建时间"), QStringLiteral("2026-11-21 16:00:00")},
            {QStringLiteral("订单付款时间"), QStringLiteral("2026-11-21 16:05:00")},
            {QStringLiteral("宝贝标题"), QStringLiteral("普洱熟茶 357克")},
            {QStringLiteral("宝贝总数量"), QStringLiteral("1")},
            {QStringLiteral("标题"), QStringLiteral("普洱熟茶 357克")},
            {QStringLiteral("价格"), QStringLiteral("128.00")},
            {QStringLiteral("购买数量"), QStringLiteral("1")},
            {QStringLiteral("商家编码"), QStringLiteral("TEA-01")},
            {QStringLiteral("规格名称"), QStringLiteral("357克")}};
}

QByteArray taobaoFile(const QList<Cells> &rows)
{
    return platformFile(taobaoHeader, taobaoDefaults(), rows);
}

// 拼多多 Pinduoduo: one row per order, receivers masked.
const QStringList pinduoduoHeader = {QStringLiteral("商品"),
                                     QStringLiteral("订单号"),
                                     QStringLiteral("订单状态"),
                                     QStringLiteral("商品总价(元)"),
                                     QStringLiteral("店铺优惠折扣(元)"),
                                     QStringLiteral("平台优惠折扣(元)"),
                                     QStringLiteral("邮费(元)"),
                                     QStringLiteral("用户实付金额(元)"),
                                     QStringLiteral("商品数量(件)"),
                                     QStringLiteral("收货人"),
                                     QStringLiteral("手机"),
                                     QStringLiteral("省"),
                                     QStringLiteral("市"),
                                     QStringLiteral("区"),
                                     QStringLiteral("街道"),
                                     QStringLiteral("订单成交时间"),
                                     QStringLiteral("发货时间"),
                                     QStringLiteral("确认收货时间"),
                                     QStringLiteral("商品规格"),
                                     QStringLiteral("商家编码-规格维度"),
                                     QStringLiteral("商家编码-商品维度"),
                                     QStringLiteral("售后状态"),
                                     QStringLiteral("快递单号"),
                                     QStringLiteral("快递公司")};

Cells pinduoduoDefaults()
{
    return {{QStringLiteral("商品"), QStringLiteral("补水面膜 10片装")},
            {QStringLiteral("订单号"), QStringLiteral("261120-100000000000001")},
            {QStringLiteral("订单状态"), QStringLiteral("待发货")},
            {QStringLiteral("商品总价(元)"), QStringLiteral("49.50")},
            {QStringLiteral("店铺优惠折扣(元)"), QStringLiteral("0.00")},
            {QStringLiteral("平台优惠折扣(元)"), QStringLiteral("0.00")},
            {QStringLiteral("邮费(元)"), QStringLiteral("0.00")},
            {QStringLiteral("用户实付金额(元)"), QStringLiteral("49.50")},
            {QStringLiteral("商品数量(件)"), QStringLiteral("5")},
            {QStringLiteral("收货人"), QStringLiteral("张*")},
            {QStringLiteral("手机"), QStringLiteral("138****1234")},
            {QStringLiteral("省"), QStringLiteral("江苏省")},
            {QStringLiteral("市"), QStringLiteral("苏州市")},
            {QStringLiteral("区"), QStringLiteral("姑苏区")},
            {QStringLiteral("街道"), QStringLiteral("观前街1号")},
            {QStringLiteral("订单成交时间"), QStringLiteral("2026-11-20 21:00:00")},
            {QStringLiteral("商品规格"), QStringLiteral("10片")},
            {QStringLiteral("商家编码-规格维度"), QStringLiteral("MASK-03")},
            {QStringLiteral("商家编码-商品维度"), QStringLiteral("SPU-MASK")},
            {QStringLiteral("售后状态"), QStringLiteral("无售后或售后取消")}};
}

QByteArray pinduoduoFile(const QList<Cells> &rows)
{
    return platformFile(pinduoduoHeader, pinduoduoDefaults(), rows);
}

const QStringList orderColumns = {
    QStringLiteral("order_no"),     QStringLiteral("date"),        QStringLiteral("status"),
    QStringLiteral("customer"),     QStringLiteral("distributor"), QStringLiteral("sku"),
    QStringLiteral("quantity"),     QStringLiteral("unit_price"),  QStringLiteral("discount"),
    QStringLiteral("shipping_fee"), QStringLiteral("paid_at"),     QStringLiteral("shipped_at"),
    QStringLiteral("completed_at"), QStringLiteral("courier"),     QStringLiteral("tracking")};
const QStringList customerColumns = {QStringLiteral("code"),        QStringLiteral("name"),
                                     QStringLiteral("phone"),       QStringLiteral("channel"),
                                     QStringLiteral("distributor"), QStringLiteral("receiver"),
                                     QStringLiteral("province"),    QStringLiteral("city"),
                                     QStringLiteral("district"),    QStringLiteral("address")};

// An export read back: RFC 4180 with CRLF, as csv.md writes it.
struct Table
{
    QStringList header;
    QList<QStringList> rows;

    QStringList select(const QStringList &columns) const
    {
        QStringList lines;
        for (const QStringList &row : rows) {
            QStringList values;
            for (const QString &column : columns) {
                const qsizetype at = header.indexOf(column);
                values << (at >= 0 && at < row.size() ? row.at(at) : QStringLiteral("<none>"));
            }
            lines << values.join(u',');
        }
        return lines;
    }
};

Table parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
            any = true;
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            fields << field;
            records << fields;
            fields.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any)
        records << (fields << field);
    Table table;
    if (!records.isEmpty())
        table.header = records.takeFirst();
    table.rows = records;
    return table;
}

QString counts(int created, int updated, int unchanged)
{
    return QStringLiteral("created,updated,unchanged\r\n%1,%2,%3\r\n")
        .arg(created)
        .arg(updated)
        .arg(unchanged);
}

} // namespace

class TestCliPlatforms : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void detectsEachPlatform_data();
    void detectsEachPlatform();
    void spreadsDiscountsOverTheLines_data();
    void spreadsDiscountsOverTheLines();
    void readsEveryEncodingAndWorkbook_data();
    void readsEveryEncodingAndWorkbook();
    void removesCellQuirks_data();
    void removesCellQuirks();
    void mapsEveryStatusWord_data();
    void mapsEveryStatusWord();
    void refundsWhatThePlatformRefunded();
    void reimportingTheSameFileChangesNothing();
    void newerFilesMoveOrdersForwardOnly();
    void unmatchedItemsStopTheImport();
    void aliasesMatchItemsAndAreSaved();
    void merchantCodesAreTriedInTheirOrder();
    void customersMatchByBuyerAccountThenPhone();
    void maskedValuesAreKeptAndNeverMatch();
    void distributorsMatchByPhoneThenName();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void badWorkbooksAreRefused();
    void ownOrdersFileIsReadAsBefore_data();
    void ownOrdersFileIsReadAsBefore();

private:
    void addProducts();
    CliResult cli(const QStringList &arguments) { return m_fixture.cli(arguments); }
    QString file(const QString &name, const QByteArray &bytes);
    CliResult importOrders(const QString &path, const QStringList &options = {});
    Table exported(const QString &kind);
    QStringList orderRows() { return exported(QStringLiteral("orders")).select(orderColumns); }
    QStringList orderRowsOf(const QString &platformNo);
    QStringList customerRows(const QStringList &columns = customerColumns)
    {
        return exported(QStringLiteral("customers")).select(columns);
    }
    QVariant sql(const QString &query, const QVariantList &values = {});
    QString orderNoOf(const QString &channel, const QString &platformNo);
    QString paymentOf(const QString &orderNo);
    QString statusOf(const QString &platformNo);
    qint64 stockOf(const QString &sku);
    qint64 count(const QString &table);
    QString everything();
    QString workbooks(QTemporaryDir &dir);

    ShopFixture m_fixture;
};

void TestCliPlatforms::init()
{
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    addProducts();
}

void TestCliPlatforms::cleanup()
{
    m_fixture.closeShop();
}

// Four products, 100 of each in stock.
void TestCliPlatforms::addProducts()
{
    const QDateTime opening = *Dates::parseDateTime(u"2026-01-02 09:00");
    const struct
    {
        const char *sku;
        const char *name;
        const char *price;
    } products[] = {{"TEA-01", "普洱熟茶 357克", "128"},
                    {"CUP-02", "双层玻璃杯", "30"},
                    {"MASK-03", "补水面膜 10片", "9.9"},
                    {"HONEY-04", "土蜂蜜 500克", "50"}};
    for (const auto &each : products) {
        Product product;
        product.sku = QString::fromUtf8(each.sku);
        product.name = QString::fromUtf8(each.name);
        product.price = *Money::parse(QString::fromUtf8(each.price));
        product.stock = 100;
        m_fixture.services().catalog.create(product, opening);
    }
}

QString TestCliPlatforms::file(const QString &name, const QByteArray &bytes)
{
    const QString path = m_fixture.scratchPath(name);
    if (!writeFile(path, bytes))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

CliResult TestCliPlatforms::importOrders(const QString &path, const QStringList &options)
{
    return cli(QStringList{QStringLiteral("import"), QStringLiteral("orders"), path,
                           QStringLiteral("--format"), QStringLiteral("csv")}
               + options);
}

Table TestCliPlatforms::exported(const QString &kind)
{
    const CliResult result = cli({QStringLiteral("export"), kind, QStringLiteral("-")});
    if (result.status != 0)
        return Table{{QStringLiteral("export failed: ") + result.err}, {}};
    return parseCsv(result.out);
}

QStringList TestCliPlatforms::orderRowsOf(const QString &platformNo)
{
    const QString orderNo = sql(QStringLiteral("SELECT order_no FROM orders WHERE platform_no = ?"),
                                {platformNo})
                                .toString();
    QStringList rows;
    for (const QString &row : orderRows()) {
        if (row.startsWith(orderNo + u','))
            rows << row;
    }
    return rows;
}

// The database as the test sees it; a failing statement (a column the feature has not added
// yet) is a value no check expects, not an exception that would end the whole program.
QVariant TestCliPlatforms::sql(const QString &query, const QVariantList &values)
{
    try {
        return m_fixture.database().scalar(query, values);
    } catch (const Error &error) {
        return QStringLiteral("<SQL failed: %1>").arg(error.message());
    }
}

QString TestCliPlatforms::orderNoOf(const QString &channel, const QString &platformNo)
{
    return sql(QStringLiteral("SELECT order_no FROM orders WHERE platform = ? AND platform_no = ?"),
               {channel, platformNo})
        .toString();
}

// The amount recorded as paid, in fen, or "none".
QString TestCliPlatforms::paymentOf(const QString &orderNo)
{
    const QVariant amount = sql(QStringLiteral("SELECT p.amount FROM payments p JOIN orders o ON "
                                               "o.id = p.order_id WHERE o.order_no = ?"),
                                {orderNo});
    return amount.isValid() ? amount.toString() : QStringLiteral("none");
}

QString TestCliPlatforms::statusOf(const QString &platformNo)
{
    const QVariant status = sql(QStringLiteral("SELECT status FROM orders WHERE platform_no = ?"),
                                {platformNo});
    return status.isValid() ? status.toString() : QStringLiteral("no such order");
}

qint64 TestCliPlatforms::stockOf(const QString &sku)
{
    return sql(QStringLiteral("SELECT stock FROM products WHERE sku = ?"), {sku}).toLongLong();
}

qint64 TestCliPlatforms::count(const QString &table)
{
    return sql(QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
}

// Every export and the audit log's size: the whole shop, to see that nothing changed.
QString TestCliPlatforms::everything()
{
    QString all;
    for (const char *kind : {"products", "customers", "orders", "stock"}) {
        const CliResult result = cli(
            {QStringLiteral("export"), QString::fromLatin1(kind), QStringLiteral("-")});
        all += result.out + QString::number(result.status);
    }
    return all + sql(QStringLiteral("SELECT count(*) FROM audit_log")).toString()
           + sql(QStringLiteral("SELECT count(*) FROM payments")).toString()
           + sql(QStringLiteral("SELECT count(*) FROM refunds")).toString();
}

// Runs the workbook writer into dir; its path, or empty when it failed.
QString TestCliPlatforms::workbooks(QTemporaryDir &dir)
{
    QProcess writer;
    writer.start(QStringLiteral(MICROSHOP_XLSX_TEST_WORKBOOKS), {dir.path()});
    if (!writer.waitForFinished() || writer.exitCode() != 0)
        return {};
    return dir.path();
}

void TestCliPlatforms::detectsEachPlatform_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("aliases"); // empty: no --aliases
    QTest::addColumn<QString>("counts");
    QTest::addColumn<QStringList>("orders");
    QTest::addColumn<QStringList>("platformOrders"); // channel platform_no order_no paid-fen
    QTest::addColumn<QStringList>("customerColumns");
    QTest::addColumn<QStringList>("customers");

    QTest::newRow("Youzan, item-level export")
        << QByteArray(youzanItemsRows) << QByteArray() << counts(3, 0, 0) << youzanItemsOrders
        << QStringList{QStringLiteral("youzan E20261120100001 SO20261120-0001 27600"),
                       QStringLiteral("youzan E20261119100003 SO20261119-0001 16910"),
                       QStringLiteral("youzan E20261121100002 SO20261121-0001 none")}
        << customerColumns << youzanItemsCustomers;

    // No item price: the goods total is the line's net. 100.00 / 3 rounded up is 33.34, so
    // 100.02 less a discount of 0.02; then 100.00 + 8.00 - 103.00 = 5.00 more: 5.02, net 95.00.
    // No shipping time in Youzan's file: shipped when paid.
    QTest::newRow("Youzan, order-level export")
        << QByteArray("订单号,订单状态,订单创建时间,买家付款时间,交易成功时间,收货人/提货人,"
                      "收货人手机号/提货人手机号,收货人省份,收货人城市,收货人地区,"
                      "详细收货地址/提货地址,商品名称,商品编码,商品数量,商品金额合计,运费,"
                      "店铺优惠合计,订单实付金额,商品发货物流公司,商品发货物流单号\r\n"
                      "E20261122200001,已发货,2026-11-22 11:00:00,2026-11-22 11:02:00,,陈静,"
                      "13600000011,江苏省,南京市,鼓楼区,中山路18号,土蜂蜜,HONEY-04,3,100.00,8.00,"
                      "5.00,103.00,中通快递,ZT7720001\r\n"
                      "E20261122200002,交易成功,2026-11-22 12:00:00,2026-11-22 12:00:30,"
                      "2026-11-25 09:00:00,陈静,13600000011,江苏省,南京市,鼓楼区,中山路18号,"
                      "补水面膜,MASK-03,10,99.00,0.00,0.00,99.00,顺丰速运,SF1400000002\r\n")
        << QByteArray() << counts(2, 0, 0)
        << QStringList{QStringLiteral("SO20261122-0001,2026-11-22 11:00:00,shipped,C000001,,"
                                      "HONEY-04,3,33.34,5.02,8.00,2026-11-22 11:02:00,2026-11-22 "
                                      "11:02:00,,中通快递,ZT7720001"),
                       QStringLiteral("SO20261122-0002,2026-11-22 12:00:00,completed,C000001,,"
                                      "MASK-03,10,9.90,0.00,0.00,2026-11-22 12:00:30,2026-11-22 "
                                      "12:00:30,2026-11-25 09:00:00,顺丰速运,SF1400000002")}
        << QStringList{QStringLiteral("youzan E20261122200001 SO20261122-0001 10300"),
                       QStringLiteral("youzan E20261122200002 SO20261122-0002 9900")}
        << customerColumns
        << QStringList{QStringLiteral(
               "C000001,陈静,13600000011,youzan,,陈静,江苏省,南京市,鼓楼区,中山路18号")};

    // No shipping or paid amount column: lines as given, 118.00 + 2 x 9.90 = 137.80 paid.
    const QStringList weidianOrders = {
        QStringLiteral("SO20261121-0001,2026-11-21 20:15:00,paid,C000001,,TEA-01,1,118.00,0.00,"
                       "0.00,2026-11-21 20:16:30,,,,"),
        QStringLiteral("SO20261121-0001,2026-11-21 20:15:00,paid,C000001,,MASK-03,2,9.90,0.00,0.00,"
                       "2026-11-21 20:16:30,,,,"),
        QStringLiteral("SO20261122-0001,2026-11-22 08:00:00,pending,C000001,,CUP-02,4,29.50,0.00,"
                       "0.00,,,,,")};
    const QStringList weidianNumbers = {
        QStringLiteral("weidian 826112000001 SO20261121-0001 13780"),
        QStringLiteral("weidian 826112000002 SO20261122-0001 none")};
    const QStringList weidianCustomers = {QStringLiteral(
        "C000001,周敏,13500000021,weidian,,周敏,四川省,成都市,武侯区,天府大道888号")};
    QTest::newRow("Weidian") << QByteArray(
        "订单编号,订单状态,下单时间,付款时间,收件人姓名,收件人手机,省,市,区,"
        "收货详细地址,商品名称,商品编码,商品型号,购买数量,商品价格,退款金额,"
        "分销商店铺ID,分销商注册姓名,分销商手机号\r\n"
        "826112000001,已付款,2026-11-21 20:15:00,2026-11-21 20:16:30,周敏,"
        "13500000021,四川省,成都市,武侯区,天府大道888号,普洱熟茶,TEA-01,357克,1,"
        "118.00,0.00,,,\r\n"
        "826112000001,已付款,2026-11-21 20:15:00,2026-11-21 20:16:30,周敏,"
        "13500000021,四川省,成都市,武侯区,天府大道888号,补水面膜,MASK-03,10片,2,"
        "9.90,0.00,,,\r\n"
        "826112000002,待付款,2026-11-22 08:00:00,,周敏,13500000021,四川省,成都市,"
        "武侯区,天府大道888号,双层玻璃杯,CUP-02,350ml,4,29.50,0.00,,,\r\n")
                             << QByteArray() << counts(2, 0, 0) << weidianOrders << weidianNumbers
                             << customerColumns << weidianCustomers;
    QTest::newRow("Weidian, the newer column names")
        << QByteArray("订单编号,订单状态,下单时间,支付时间,收件人/提货人姓名,"
                      "收件人/提货人手机号,省,市,区,收货/提货详细地址,商品名称,商品编码,商品型号,"
                      "商品件数,单品折扣后价格,退款金额\r\n"
                      "826112000001,已付款,2026-11-21 20:15:00,2026-11-21 20:16:30,周敏,"
                      "13500000021,四川省,成都市,武侯区,天府大道888号,普洱熟茶,TEA-01,357克,1,"
                      "118.00,0.00\r\n"
                      "826112000001,已付款,2026-11-21 20:15:00,2026-11-21 20:16:30,周敏,"
                      "13500000021,四川省,成都市,武侯区,天府大道888号,补水面膜,MASK-03,10片,2,"
                      "9.90,0.00\r\n"
                      "826112000002,待付款,2026-11-22 08:00:00,,周敏,13500000021,四川省,成都市,"
                      "武侯区,天府大道888号,双层玻璃杯,CUP-02,350ml,4,29.50,0.00\r\n")
        << QByteArray() << counts(2, 0, 0) << weidianOrders << weidianNumbers << customerColumns
        << weidianCustomers;

    // The order report: no merchant code, so the items are matched by aliases (name, no spec).
    // 87.00 / 3 = 29.00, then 87.00 + 0.00 - 80.00 = 7.00 off; 250.00 / 2 = 125.00, then
    // 250.00 + 12.00 - 250.00 = 12.00 off. No shipping or completion time: both take the payment
    // time. The one-cell address is split on spaces, the rest kept whole.
    QTest::newRow("Taobao, order report")
        << QByteArray("订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,"
                      "收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,"
                      "物流公司,物流单号\r\n"
                      "3301234567890123457,tb_wangqiang,87.00,0.00,80.00,交易成功,王强,"
                      "广东省 深圳市 南山区 科技园南区1栋,13900000002,2026-11-18 09:00:00,"
                      "2026-11-18 09:10:00,双层玻璃杯,3,圆通速递,YT0001\r\n"
                      "3301234567890123456,tb_lina88,250.00,12.00,250.00,"
                      "买家已付款，等待卖家发货,李娜,浙江省 杭州市 西湖区 文三路100号 3单元,"
                      "13800000001,2026-11-20 14:00:00,2026-11-20 14:03:00,"
                      "云南普洱熟茶 357克 饼茶,2,,\r\n")
        << QByteArray("platform,code,name,spec,sku\r\n"
                      "taobao,,云南普洱熟茶 357克 饼茶,,TEA-01\r\n"
                      "taobao,,双层玻璃杯,,CUP-02\r\n")
        << counts(2, 0, 0)
        << QStringList{QStringLiteral("SO20261118-0001,2026-11-18 09:00:00,completed,C000001,,"
                                      "CUP-02,3,29.00,7.00,0.00,2026-11-18 09:10:00,2026-11-18 "
                                      "09:10:00,2026-11-18 09:10:00,圆通速递,YT0001"),
                       QStringLiteral("SO20261120-0001,2026-11-20 14:00:00,paid,C000002,,TEA-01,2,"
                                      "125.00,12.00,12.00,2026-11-20 14:03:00,,,,")}
        << QStringList{QStringLiteral("taobao 3301234567890123457 SO20261118-0001 8000"),
                       QStringLiteral("taobao 3301234567890123456 SO20261120-0001 25000")}
        << customerColumns
        << QStringList{
               QStringLiteral(
                   "C000001,王强,13900000002,taobao,,王强,广东省,深圳市,南山区,科技园南区1栋"),
               QStringLiteral(
                   "C000002,李娜,13800000001,taobao,,李娜,浙江省,杭州市,西湖区,文三路100号 3单元")};

    // With the item columns: 128.00 + 2 x 50.00 + 30.00 = 258.00, shipping 6.00, paid 250.00:
    // 14.00 spread, 12800 * 1400 / 25800 = 694.6 -> 6.95, 10000 * 1400 / 25800 = 542.6 -> 5.43,
    // the rest 14.00 - 6.95 - 5.43 = 1.62 (its own share, 1.63, would be one fen too many).
    const Cells honey = {{QStringLiteral("标题"), QStringLiteral("土蜂蜜 500克")},
                         {QStringLiteral("宝贝标题"), QStringLiteral("土蜂蜜 500克")},
                         {QStringLiteral("价格"), QStringLiteral("50.00")},
                         {QStringLiteral("购买数量"), QStringLiteral("2")},
                         {QStringLiteral("商家编码"), QStringLiteral("HONEY-04")},
                         {QStringLiteral("规格名称"), QStringLiteral("500克")}};
    const Cells cup = {{QStringLiteral("标题"), QStringLiteral("双层玻璃杯")},
                       {QStringLiteral("宝贝标题"), QStringLiteral("双层玻璃杯")},
                       {QStringLiteral("价格"), QStringLiteral("30.00")},
                       {QStringLiteral("购买数量"), QStringLiteral("1")},
                       {QStringLiteral("商家编码"), QStringLiteral("CUP-02")},
                       {QStringLiteral("规格名称"), QStringLiteral("350ml")}};
    const Cells shippedOrder = {
        {QStringLiteral("买家应付货款"), QStringLiteral("258.00")},
        {QStringLiteral("买家应付邮费"), QStringLiteral("6.00")},
        {QStringLiteral("买家实际支付金额"), QStringLiteral("250.00")},
        {QStringLiteral("宝贝总数量"), QStringLiteral("4")},
        {QStringLiteral("订单状态"), QStringLiteral("卖家已发货，等待买家确认")},
        {QStringLiteral("物流公司"), QStringLiteral("韵达快递")},
        {QStringLiteral("物流单号"), QStringLiteral("YD4400123")}};
    auto with = [](Cells row, const Cells &more) {
        row.insert(more);
        return row;
    };
    const QString shipped = QStringLiteral("SO20261121-0001,2026-11-21 16:00:00,shipped,C000001,,");
    const QString times = QStringLiteral(",6.00,2026-11-21 16:05:00,2026-11-21 16:05:00,,韵达快递,"
                                         "YD4400123");
    QTest::newRow("Taobao, with the item columns")
        << taobaoFile({shippedOrder, with(shippedOrder, honey), with(shippedOrder, cup)})
        << QByteArray() << counts(1, 0, 0)
        << QStringList{shipped + QStringLiteral("TEA-01,1,128.00,6.95") + times,
                       shipped + QStringLiteral("HONEY-04,2,50.00,5.43") + times,
                       shipped + QStringLiteral("CUP-02,1,30.00,1.62") + times}
        << QStringList{QStringLiteral("taobao 3309876543210000001 SO20261121-0001 25000")}
        << customerColumns
        << QStringList{QStringLiteral(
               "C000001,赵敏,13300000031,taobao,,赵敏,上海市,上海市,浦东新区,世纪大道100号")};

    // 49.50 / 5 = 9.90, 49.50 - 45.00 = 4.50 off; 120.00 + 5.00 - 113.00 = 12.00 off (shop 10.00
    // and platform 2.00). Pinduoduo's deal time is when the order was made and paid. The masked
    // receivers never match: one customer per order.
    QTest::newRow("Pinduoduo")
        << pinduoduoFile({{{QStringLiteral("订单号"), QStringLiteral("261120-123456789012345")},
                           {QStringLiteral("订单状态"), QStringLiteral("已发货，待签收")},
                           {QStringLiteral("店铺优惠折扣(元)"), QStringLiteral("4.50")},
                           {QStringLiteral("用户实付金额(元)"), QStringLiteral("45.00")},
                           {QStringLiteral("发货时间"), QStringLiteral("2026-11-21 08:00:00")},
                           {QStringLiteral("快递单号"), QStringLiteral("JT0012345678")},
                           {QStringLiteral("快递公司"), QStringLiteral("极兔速递")}},
                          {{QStringLiteral("商品"), QStringLiteral("普洱熟茶 357克")},
                           {QStringLiteral("订单号"), QStringLiteral("261121-987654321098765")},
                           {QStringLiteral("订单状态"), QStringLiteral("已签收")},
                           {QStringLiteral("商品总价(元)"), QStringLiteral("120.00")},
                           {QStringLiteral("店铺优惠折扣(元)"), QStringLiteral("10.00")},
                           {QStringLiteral("平台优惠折扣(元)"), QStringLiteral("2.00")},
                           {QStringLiteral("邮费(元)"), QStringLiteral("5.00")},
                           {QStringLiteral("用户实付金额(元)"), QStringLiteral("113.00")},
                           {QStringLiteral("商品数量(件)"), QStringLiteral("1")},
                           {QStringLiteral("订单成交时间"), QStringLiteral("2026-11-21 10:00:00")},
                           {QStringLiteral("发货时间"), QStringLiteral("2026-11-22 09:00:00")},
                           {QStringLiteral("确认收货时间"), QStringLiteral("2026-11-25 10:00:00")},
                           {QStringLiteral("商品规格"), QStringLiteral("357克")},
                           {QStringLiteral("商家编码-规格维度"), QStringLiteral("TEA-01")},
                           {QStringLiteral("商家编码-商品维度"), QStringLiteral("SPU-TEA")},
                           {QStringLiteral("快递单号"), QStringLiteral("ZT0001")},
                           {QStringLiteral("快递公司"), QStringLiteral("中通快递")}}})
        << QByteArray() << counts(2, 0, 0)
        << QStringList{QStringLiteral("SO20261120-0001,2026-11-20 21:00:00,shipped,C000001,,"
                                      "MASK-03,5,9.90,4.50,0.00,2026-11-20 21:00:00,2026-11-21 "
                                      "08:00:00,,极兔速递,JT0012345678"),
                       QStringLiteral("SO20261121-0001,2026-11-21 10:00:00,completed,C000002,,"
                                      "TEA-01,1,120.00,12.00,5.00,2026-11-21 10:00:00,2026-11-22 "
                                      "09:00:00,2026-11-25 10:00:00,中通快递,ZT0001")}
        << QStringList{QStringLiteral("pinduoduo 261120-123456789012345 SO20261120-0001 4500"),
                       QStringLiteral("pinduoduo 261121-987654321098765 SO20261121-0001 11300")}
        << QStringList{QStringLiteral("code"), QStringLiteral("channel")}
        << QStringList{QStringLiteral("C000001,pinduoduo"), QStringLiteral("C000002,pinduoduo")};
}

void TestCliPlatforms::detectsEachPlatform()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, aliases);
    QFETCH(QString, counts);
    QFETCH(QStringList, orders);
    QFETCH(QStringList, platformOrders);
    QFETCH(QStringList, customerColumns);
    QFETCH(QStringList, customers);
    const QString path = file(QStringLiteral("orders.csv"), content);
    QStringList options;
    if (!aliases.isEmpty())
        options << QStringLiteral("--aliases") << file(QStringLiteral("aliases.csv"), aliases);
    const CliResult result = importOrders(path, options);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts);
    QCOMPARE(orderRows(), orders);
    for (const QString &each : platformOrders) {
        const QStringList expected = each.split(u' ');
        QCOMPARE(orderNoOf(expected.at(0), expected.at(1)), expected.at(2));
        // What MicroShop records as paid is what the buyer paid, to the fen.
        QCOMPARE(paymentOf(expected.at(2)), expected.at(3));
    }
    QCOMPARE(customerRows(customerColumns), customers);
    const CliResult check = cli({QStringLiteral("check")});
    QVERIFY2(check.status == 0, qPrintable(check.out + check.err));
}

void TestCliPlatforms::spreadsDiscountsOverTheLines_data()
{
    QTest::addColumn<QStringList>("lines"); // SKU:quantity:price
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("shipping");
    QTest::addColumn<QString>("paid");
    QTest::addColumn<QStringList>("discounts");
    QTest::addColumn<QString>("payment"); // fen

    // 30.00 + 2 x 10.00 + 50.00 = 100.00 + 10.00 - 95.50 = 14.50: 3000 * 1450 / 10000 = 435,
    // 2000 * 1450 / 10000 = 290, the rest 1450 - 435 - 290 = 725.
    QTest::newRow("platforms.md's example")
        << QStringList{QStringLiteral("CUP-02:1:30.00"), QStringLiteral("HONEY-04:2:10.00"),
                       QStringLiteral("TEA-01:1:50.00")}
        << QStringLiteral("待发货") << QStringLiteral("10.00") << QStringLiteral("95.50")
        << QStringList{QStringLiteral("4.35"), QStringLiteral("2.90"), QStringLiteral("7.25")}
        << QStringLiteral("9550");
    // 0.05 on three lines of 10.00: 1000 * 5 / 3000 = 1.67 -> 2 (half up), 2, the rest 1.
    QTest::newRow("a third of the discount each, the remainder last")
        << QStringList{QStringLiteral("CUP-02:1:10.00"), QStringLiteral("HONEY-04:1:10.00"),
                       QStringLiteral("TEA-01:1:10.00")}
        << QStringLiteral("待发货") << QStringLiteral("0.00") << QStringLiteral("29.95")
        << QStringList{QStringLiteral("0.02"), QStringLiteral("0.02"), QStringLiteral("0.01")}
        << QStringLiteral("2995");
    // 0.05 on 2 x 25.00 and 50.00: 5000 * 5 / 10000 = 2.5 -> 3 (half up, not to even), rest 2.
    QTest::newRow("half a fen rounds up")
        << QStringList{QStringLiteral("TEA-01:2:25.00"), QStringLiteral("HONEY-04:1:50.00")}
        << QStringLiteral("待发货") << QStringLiteral("5.00") << QStringLiteral("104.95")
        << QStringList{QStringLiteral("0.03"), QStringLiteral("0.02")} << QStringLiteral("10495");
    // 10.00 on 33.33, 33.33, 33.34: 3333 * 1000 / 10000 = 333.3 -> 333 twice, the rest 334
    // (the last line's own share, 333.4, would round to 333 and lose a fen).
    QTest::newRow("the last line takes the remainder")
        << QStringList{QStringLiteral("CUP-02:1:33.33"), QStringLiteral("HONEY-04:1:33.33"),
                       QStringLiteral("TEA-01:1:33.34")}
        << QStringLiteral("交易成功") << QStringLiteral("0.00") << QStringLiteral("90.00")
        << QStringList{QStringLiteral("3.33"), QStringLiteral("3.33"), QStringLiteral("3.34")}
        << QStringLiteral("9000");
    // decisions.md: a pending order whose paid amount is 0 or empty keeps its lines as given.
    QTest::newRow("pending, paid amount empty")
        << QStringList{QStringLiteral("CUP-02:1:30.00"), QStringLiteral("TEA-01:1:50.00")}
        << QStringLiteral("待付款") << QStringLiteral("10.00") << QString()
        << QStringList{QStringLiteral("0.00"), QStringLiteral("0.00")} << QStringLiteral("none");
    QTest::newRow("pending, paid amount 0")
        << QStringList{QStringLiteral("CUP-02:1:30.00"), QStringLiteral("TEA-01:1:50.00")}
        << QStringLiteral("待付款") << QStringLiteral("10.00") << QStringLiteral("0.00")
        << QStringList{QStringLiteral("0.00"), QStringLiteral("0.00")} << QStringLiteral("none");
}

void TestCliPlatforms::spreadsDiscountsOverTheLines()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, status);
    QFETCH(QString, shipping);
    QFETCH(QString, paid);
    QFETCH(QStringList, discounts);
    QFETCH(QString, payment);
    const bool pending = status == u"待付款";
    const bool completed = status == u"交易成功";
    QList<Cells> rows;
    qint64 goods = 0;
    for (const QString &line : lines) {
        const QStringList parts = line.split(u':');
        goods += parts.at(1).toLongLong() * Money::parse(parts.at(2))->minorUnits();
    }
    for (const QString &line : lines) {
        const QStringList parts = line.split(u':');
        rows.append(
            {{QStringLiteral("订单号"), QStringLiteral("E5001")},
             {QStringLiteral("订单状态"), status},
             {QStringLiteral("买家付款时间"),
              pending ? QString() : QStringLiteral("2026-11-20 10:05:00")},
             {QStringLiteral("交易成功时间"),
              completed ? QStringLiteral("2026-11-24 10:00:00") : QString()},
             {QStringLiteral("商品发货物流公司"),
              completed ? QStringLiteral("顺丰速运") : QString()},
             {QStringLiteral("商品发货物流单号"), completed ? QStringLiteral("SF5001") : QString()},
             {QStringLiteral("商品编码"), QString()},
             {QStringLiteral("规格编码"), parts.at(0)},
             {QStringLiteral("商品数量"), parts.at(1)},
             {QStringLiteral("商品单价"), parts.at(2)},
             {QStringLiteral("商品金额合计"), Money::fromMinorUnits(goods).toString()},
             {QStringLiteral("运费"), shipping},
             {QStringLiteral("订单实付金额"), paid}});
    }
    const CliResult result = importOrders(file(QStringLiteral("discounts.csv"), youzanFile(rows)));
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(1, 0, 0));
    const Table orders = exported(QStringLiteral("orders"));
    QCOMPARE(orders.select({QStringLiteral("discount")}), discounts);
    // Each line's net and the order's total, worked out from the exported columns.
    qint64 total = 0;
    QStringList prices;
    for (const QString &row :
         orders.select({QStringLiteral("quantity"), QStringLiteral("unit_price"),
                        QStringLiteral("discount"), QStringLiteral("shipping_fee")})) {
        const QStringList values = row.split(u',');
        total += values.at(0).toLongLong() * Money::parse(values.at(1))->minorUnits()
                 - Money::parse(values.at(2))->minorUnits();
        QCOMPARE(values.at(3), Money::parse(shipping)->toString()); // the fee as given
        prices << values.at(0) + u':' + values.at(1);
    }
    QStringList given; // the line prices as given
    for (const QString &line : lines)
        given << line.section(u':', 1);
    QCOMPARE(prices, given);
    total += Money::parse(shipping)->minorUnits();
    const QString orderNo = orders.select({QStringLiteral("order_no")}).value(0);
    QCOMPARE(paymentOf(orderNo), payment);
    if (!pending)
        QCOMPARE(QString::number(total), payment);
}

void TestCliPlatforms::readsEveryEncodingAndWorkbook_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // empty: the workbook youzan-orders.xlsx

    const QString text = QString::fromUtf8(youzanItemsRows);
    QTest::newRow("UTF-8 without BOM, LF")
        << QStringLiteral("youzan.csv")
        << QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).toUtf8();
    QStringEncoder gb18030("GB18030");
    QTest::newRow("GB18030, as Excel saves it on Chinese Windows")
        << QStringLiteral("youzan.csv") << QByteArray(gb18030(text));
    QTest::newRow("tab-separated")
        << QStringLiteral("youzan.csv") << QString(text).replace(u',', u'\t').toUtf8();
    QTest::newRow("GB18030, tab-separated")
        << QStringLiteral("youzan.csv") << QByteArray(gb18030(QString(text).replace(u',', u'\t')));
    QTest::newRow("Excel workbook") << QStringLiteral("youzan-orders.xlsx") << QByteArray();
}

// The same orders in every encoding and form give the same shop as the UTF-8 file with a BOM,
// to the byte of `export orders -` and `export customers -`.
void TestCliPlatforms::readsEveryEncodingAndWorkbook()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    const CliResult reference = importOrders(
        file(QStringLiteral("reference.csv"), bom + QByteArray(youzanItemsRows)));
    QVERIFY2(reference.status == 0, qPrintable(reference.err));
    QCOMPARE(orderRows(), youzanItemsOrders);
    QCOMPARE(customerRows(), youzanItemsCustomers);
    const QString orders
        = cli({QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("-")}).out;
    const QString customers
        = cli({QStringLiteral("export"), QStringLiteral("customers"), QStringLiteral("-")}).out;

    QTemporaryDir dir;
    QString path;
    if (content.isEmpty()) {
        QVERIFY(dir.isValid());
        QVERIFY2(!workbooks(dir).isEmpty(), "xlsx_test_workbooks failed");
        path = dir.filePath(name);
    } else {
        path = file(name, content);
    }
    QVERIFY2(m_fixture.newShop(), qPrintable(m_fixture.error()));
    addProducts();
    const CliResult result = importOrders(path);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(3, 0, 0));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("orders"), QStringLiteral("-")}).out,
             orders);
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("customers"), QStringLiteral("-")}).out,
             customers);
    QCOMPARE(paymentOf(QStringLiteral("SO20261120-0001")), QStringLiteral("27600"));
}

void TestCliPlatforms::removesCellQuirks_data()
{
    QTest::addColumn<QByteArray>("content");

    // One order, two lines, as youzanItemsRows' E20261120100001; each row of this test changes
    // it by one quirk of platforms.md, which the import must see through.
    const QString header = QString::fromUtf8(youzanItemsRows).section(QStringLiteral("\r\n"), 0, 0);
    const QString tea = QStringLiteral(
        "E20261120100001,待发货,2026-11-20 10:00:00,2026-11-20 10:05:00,,李娜,13800000001,浙江省,"
        "杭州市,西湖区,文三路100号,普洱熟茶,357克,P1001,TEA-01,128.00,2,286.00,10.00,20.00,"
        "276.00,,,,");
    const QString cup = QStringLiteral(
        "E20261120100001,待发货,2026-11-20 10:00:00,2026-11-20 10:05:00,,李娜,13800000001,浙江省,"
        "杭州市,西湖区,文三路100号,双层玻璃杯,350ml,P1002,CUP-02,30.00,1,286.00,10.00,20.00,"
        "276.00,,,,");
    const QString plain = header + QStringLiteral("\r\n") + tea + QStringLiteral("\r\n") + cup
                          + QStringLiteral("\r\n");
    auto changed = [&](const QList<std::pair<QString, QString>> &replacements) {
        QString text = plain;
        for (const auto &[from, to] : replacements) {
            if (!text.contains(from))
                qFatal("quirk test: \"%s\" is not in the file", qPrintable(from));
            text.replace(from, to);
        }
        return text.toUtf8();
    };

    QTest::newRow("as it is") << plain.toUtf8();
    QTest::newRow("=\"...\" around numbers")
        << changed({{QStringLiteral("E20261120100001"), QStringLiteral("=\"E20261120100001\"")},
                    {QStringLiteral("13800000001"), QStringLiteral("=\"13800000001\"")},
                    {QStringLiteral("276.00"), QStringLiteral("=\"276.00\"")}});
    QTest::newRow("=\"...\" in a quoted field") << changed(
        {{QStringLiteral("E20261120100001"), QStringLiteral("\"=\"\"E20261120100001\"\"\"")},
         {QStringLiteral("128.00"), QStringLiteral("\"=\"\"128.00\"\"\"")}});
    QTest::newRow("a leading apostrophe") << changed(
        {{QStringLiteral("E20261120100001"), QStringLiteral("'E20261120100001")},
         {QStringLiteral("13800000001"), QStringLiteral("'13800000001")},
         {QStringLiteral("2026-11-20 10:05:00"), QStringLiteral("'2026-11-20 10:05:00")}});
    QTest::newRow("a leading backtick")
        << changed({{QStringLiteral("E20261120100001"), QStringLiteral("`E20261120100001")},
                    {QStringLiteral("TEA-01"), QStringLiteral("`TEA-01")},
                    {QStringLiteral("276.00"), QStringLiteral("`276.00")}});
    QTest::newRow("tabs and spaces around values")
        << changed({{QStringLiteral("E20261120100001"), QStringLiteral("\tE20261120100001 ")},
                    {QStringLiteral(",待发货,"), QStringLiteral(", 待发货\t,")},
                    {QStringLiteral("李娜"), QStringLiteral(" 李娜\t")},
                    {QStringLiteral("TEA-01"), QStringLiteral("TEA-01\t")},
                    {QStringLiteral("128.00"), QStringLiteral(" 128.00 ")}});
    QTest::newRow("tabs and spaces around header names")
        << changed({{QStringLiteral("订单号,订单状态"), QStringLiteral(" 订单号\t,订单状态 ")},
                    {QStringLiteral("规格编码"), QStringLiteral("\t规格编码")},
                    {QStringLiteral("订单实付金额"), QStringLiteral("订单实付金额 ")}});
    QTest::newRow("yuan signs") << changed({{QStringLiteral("286.00,10.00,20.00,276.00"),
                                             QStringLiteral("￥286.00,¥10.00,20.00元,¥276.00元")},
                                            {QStringLiteral("128.00"), QStringLiteral("128.00元")},
                                            {QStringLiteral("30.00"), QStringLiteral("￥30.00")}});
    QTest::newRow("- and / for empty")
        << changed({{QStringLiteral("10:05:00,,"), QStringLiteral("10:05:00,-,")},
                    {QStringLiteral("276.00,,,,"), QStringLiteral("276.00,/,-,-,/")}});
    QTest::newRow("a phone written as a float")
        << changed({{QStringLiteral("13800000001"), QStringLiteral("13800000001.0")}});
    QTest::newRow("dates with slashes, no seconds")
        << changed({{QStringLiteral("2026-11-20 10:00:00"), QStringLiteral("2026/11/20 10:00")},
                    {QStringLiteral("2026-11-20 10:05:00"), QStringLiteral("2026/11/20 10:05")}});
    QTest::newRow("dates without seconds")
        << changed({{QStringLiteral("2026-11-20 10:00:00"), QStringLiteral("2026-11-20 10:00")},
                    {QStringLiteral("2026-11-20 10:05:00"), QStringLiteral("2026-11-20 10:05")}});
    QTest::newRow("blank lines") << QString(header + QStringLiteral("\r\n\r\n") + tea
                                            + QStringLiteral("\r\n\r\n\r\n") + cup
                                            + QStringLiteral("\r\n\r\n"))
                                        .toUtf8();
    // A spreadsheet's empty row saved as CSV is its separators alone: a blank line too.
    QTest::newRow("a line of empty cells")
        << QString(header + QStringLiteral("\r\n") + tea + QStringLiteral("\r\n")
                   + QString(youzanHeader.size() - 1, u',') + QStringLiteral("\r\n") + cup
                   + QStringLiteral("\r\n"))
               .toUtf8();
    for (const char *label : {"合计", "总计"}) {
        QStringList summary{QString::fromUtf8(label)};
        for (int i = 1; i < youzanHeader.size(); ++i)
            summary << QString();
        summary[16] = QStringLiteral("3");
        summary[17] = QStringLiteral("286.00");
        summary[18] = QStringLiteral("10.00");
        summary[19] = QStringLiteral("20.00");
        summary[20] = QStringLiteral("276.00");
        QTest::newRow(qPrintable(QStringLiteral("a last summary row, ") + QString::fromUtf8(label)))
            << QString(plain + summary.join(u',') + QStringLiteral("\r\n")).toUtf8();
    }
}

void TestCliPlatforms::removesCellQuirks()
{
    QFETCH(QByteArray, content);
    const CliResult result = importOrders(file(QStringLiteral("quirks.csv"), content));
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(1, 0, 0));
    QCOMPARE(result.err, QString()); // nothing to report: no unknown distributor "-"
    QCOMPARE(orderRows(), youzanItemsOrders.mid(2, 2));
    QCOMPARE(customerRows(), youzanItemsCustomers.mid(0, 1));
    QCOMPARE(orderNoOf(QStringLiteral("youzan"), QStringLiteral("E20261120100001")),
             QStringLiteral("SO20261120-0001"));
    QCOMPARE(paymentOf(QStringLiteral("SO20261120-0001")), QStringLiteral("27600"));
}

void TestCliPlatforms::mapsEveryStatusWord_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("status");

    const char *words[][2] = {{"待付款", "pending"},
                              {"等待买家付款", "pending"},
                              {"待发货", "paid"},
                              {"已付款", "paid"},
                              {"买家已付款，等待卖家发货", "paid"},
                              {"待成团", "paid"},
                              {"已发货", "shipped"},
                              {"卖家已发货，等待买家确认", "shipped"},
                              {"已发货，待签收", "shipped"},
                              {"交易成功", "completed"},
                              {"已完成", "completed"},
                              {"已签收", "completed"},
                              {"已收货", "completed"},
                              {"交易关闭", "cancelled"},
                              {"已关闭", "cancelled"},
                              {"已取消", "cancelled"}};
    for (const auto &[word, status] : words)
        QTest::newRow(word) << QString::fromUtf8(word) << QString::fromUtf8(status);
}

// Each word on an order of 2 x 普洱熟茶 with the times and the courier its status needs; a
// cancelled or pending one has no payment time.
void TestCliPlatforms::mapsEveryStatusWord()
{
    QFETCH(QString, word);
    QFETCH(QString, status);
    const bool paid = status != u"pending" && status != u"cancelled";
    const bool shipped = status == u"shipped" || status == u"completed";
    const bool completed = status == u"completed";
    const Cells row = {
        {QStringLiteral("订单号"), QStringLiteral("E6001")},
        {QStringLiteral("订单状态"), word},
        {QStringLiteral("买家付款时间"), paid ? QStringLiteral("2026-11-20 10:05:00") : QString()},
        {QStringLiteral("交易成功时间"),
         completed ? QStringLiteral("2026-11-24 10:00:00") : QString()},
        {QStringLiteral("商品发货物流公司"), shipped ? QStringLiteral("中通快递") : QString()},
        {QStringLiteral("商品发货物流单号"), shipped ? QStringLiteral("ZT6001") : QString()},
        {QStringLiteral("商品数量"), QStringLiteral("2")},
        {QStringLiteral("商品金额合计"), QStringLiteral("256.00")},
        {QStringLiteral("订单实付金额"), QStringLiteral("256.00")}};
    const CliResult result = importOrders(file(QStringLiteral("status.csv"), youzanFile({row})));
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(1, 0, 0));
    QCOMPARE(statusOf(QStringLiteral("E6001")), status);
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), paid ? 98 : 100);
    const QStringList rows = exported(QStringLiteral("orders"))
                                 .select({QStringLiteral("paid_at"), QStringLiteral("shipped_at"),
                                          QStringLiteral("completed_at"), QStringLiteral("courier"),
                                          QStringLiteral("tracking")});
    const QString expected
        = QStringList{paid ? QStringLiteral("2026-11-20 10:05:00") : QString(),
                      shipped ? QStringLiteral("2026-11-20 10:05:00") : QString(),
                      completed ? QStringLiteral("2026-11-24 10:00:00") : QString(),
                      shipped ? QStringLiteral("中通快递") : QString(),
                      shipped ? QStringLiteral("ZT6001") : QString()}
              .join(u',');
    QCOMPARE(rows, QStringList{expected});
}

// A paid order the platform closed, and an after-sale column saying refunded, are a full refund:
// every unit and the shipping fee, back into stock only when the goods had not left.
void TestCliPlatforms::refundsWhatThePlatformRefunded()
{
    const CliResult closed = importOrders(
        file(QStringLiteral("closed.csv"),
             youzanFile({{{QStringLiteral("订单号"), QStringLiteral("E7001")},
                          {QStringLiteral("订单状态"), QStringLiteral("交易关闭")},
                          {QStringLiteral("运费"), QStringLiteral("10.00")},
                          {QStringLiteral("订单实付金额"), QStringLiteral("138.00")}},
                         {{QStringLiteral("订单号"), QStringLiteral("E7002")},
                          {QStringLiteral("订单状态"), QStringLiteral("交易关闭")},
                          {QStringLiteral("订单创建时间"), QStringLiteral("2026-11-21 10:00:00")},
                          {QStringLiteral("买家付款时间"), QString()},
                          {QStringLiteral("规格编码"), QStringLiteral("CUP-02")},
                          {QStringLiteral("商品单价"), QStringLiteral("30.00")},
                          {QStringLiteral("商品金额合计"), QStringLiteral("30.00")},
                          {QStringLiteral("订单实付金额"), QStringLiteral("30.00")}}})));
    QVERIFY2(closed.status == 0, qPrintable(closed.err));
    QCOMPARE(closed.out, counts(2, 0, 0));
    QCOMPARE(statusOf(QStringLiteral("E7001")), QStringLiteral("refunded")); // paid, then closed
    QCOMPARE(sql(QStringLiteral("SELECT refunded_total FROM orders WHERE platform_no = 'E7001'"))
                 .toString(),
             QStringLiteral("13800"));                // 128.00 and the 10.00 shipping fee
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 100); // never shipped: back into stock
    QCOMPARE(statusOf(QStringLiteral("E7002")), QStringLiteral("cancelled")); // never paid
    QCOMPARE(stockOf(QStringLiteral("CUP-02")), 100);

    auto pdd = [](const char *number, const char *status, const char *afterSale) {
        Cells row = {{QStringLiteral("订单号"), QString::fromUtf8(number)},
                     {QStringLiteral("订单状态"), QString::fromUtf8(status)},
                     {QStringLiteral("售后状态"), QString::fromUtf8(afterSale)},
                     {QStringLiteral("邮费(元)"), QStringLiteral("5.00")},
                     {QStringLiteral("用户实付金额(元)"), QStringLiteral("54.50")}};
        if (QString::fromUtf8(status).startsWith(u"已发货")) {
            row.insert(QStringLiteral("发货时间"), QStringLiteral("2026-11-21 08:00:00"));
            row.insert(QStringLiteral("快递公司"), QStringLiteral("极兔速递"));
            row.insert(QStringLiteral("快递单号"),
                       QStringLiteral("JT%1").arg(QString::fromLatin1(number)));
        }
        return row;
    };
    const QString afterSales = file(
        QStringLiteral("after-sales.csv"),
        pinduoduoFile({pdd("261120-000000000000001", "已发货，待签收", "退款成功"),
                       pdd("261120-000000000000002", "待发货", "已退款"),
                       pdd("261120-000000000000003", "待发货", "无售后或售后取消"),
                       pdd("261120-000000000000004", "待发货", "")}));
    const CliResult refunded = importOrders(afterSales);
    QVERIFY2(refunded.status == 0, qPrintable(refunded.err));
    QCOMPARE(refunded.out, counts(4, 0, 0));
    QCOMPARE(statusOf(QStringLiteral("261120-000000000000001")), QStringLiteral("refunded"));
    QCOMPARE(statusOf(QStringLiteral("261120-000000000000002")), QStringLiteral("refunded"));
    QCOMPARE(statusOf(QStringLiteral("261120-000000000000003")), QStringLiteral("paid"));
    QCOMPARE(statusOf(QStringLiteral("261120-000000000000004")), QStringLiteral("paid"));
    for (const char *number : {"261120-000000000000001", "261120-000000000000002"}) {
        QCOMPARE(sql(QStringLiteral("SELECT refunded_total FROM orders WHERE platform_no = ?"),
                     {QString::fromLatin1(number)})
                     .toString(),
                 QStringLiteral("5450")); // 49.50 and the 5.00 shipping fee
    }
    // 5 units each: the shipped one's stay out, the unshipped one's come back, two are sold.
    QCOMPARE(stockOf(QStringLiteral("MASK-03")), 100 - 5 - 5 - 5);

    // A later file says the third was refunded: moved forward to refunded, counted updated.
    const CliResult later = importOrders(
        file(QStringLiteral("after-sales-later.csv"),
             pinduoduoFile({pdd("261120-000000000000003", "待发货", "退款成功")})));
    QVERIFY2(later.status == 0, qPrintable(later.err));
    QCOMPARE(later.out, counts(0, 1, 0));
    QCOMPARE(statusOf(QStringLiteral("261120-000000000000003")), QStringLiteral("refunded"));
    QCOMPARE(stockOf(QStringLiteral("MASK-03")), 100 - 5 - 5);
    const CliResult check = cli({QStringLiteral("check")});
    QVERIFY2(check.status == 0, qPrintable(check.out + check.err));
}

void TestCliPlatforms::reimportingTheSameFileChangesNothing()
{
    const QString path = file(QStringLiteral("youzan.csv"), QByteArray(youzanItemsRows));
    const CliResult first = importOrders(path);
    QVERIFY2(first.status == 0, qPrintable(first.err));
    QCOMPARE(first.out, counts(3, 0, 0));
    const QString before = everything();
    const qint64 customers = count(QStringLiteral("customers"));
    const CliResult again = importOrders(path);
    QVERIFY2(again.status == 0, qPrintable(again.err));
    QCOMPARE(again.out, counts(0, 0, 3));
    QCOMPARE(again.err, QString());
    QCOMPARE(everything(), before);
    QCOMPARE(count(QStringLiteral("customers")), customers);
    QCOMPARE(count(QStringLiteral("orders")), 3);
}

// pending -> paid -> shipped -> completed, one newer file at a time; then an older file is
// reported and left alone, and a jump over several steps takes them all.
void TestCliPlatforms::newerFilesMoveOrdersForwardOnly()
{
    const Cells pendingRow = {{QStringLiteral("订单号"), QStringLiteral("E8001")},
                              {QStringLiteral("订单状态"), QStringLiteral("待付款")},
                              {QStringLiteral("买家付款时间"), QString()}};
    const Cells paidRow = {{QStringLiteral("订单号"), QStringLiteral("E8001")},
                           {QStringLiteral("订单状态"), QStringLiteral("待发货")}};
    Cells shippedRow = paidRow;
    shippedRow.insert({{QStringLiteral("订单状态"), QStringLiteral("已发货")},
                       {QStringLiteral("商品发货物流公司"), QStringLiteral("中通快递")},
                       {QStringLiteral("商品发货物流单号"), QStringLiteral("ZT8001")}});
    Cells completedRow = shippedRow;
    completedRow.insert({{QStringLiteral("订单状态"), QStringLiteral("交易成功")},
                         {QStringLiteral("交易成功时间"), QStringLiteral("2026-11-24 09:00:00")}});
    auto step = [&](const char *name, const Cells &row) {
        return importOrders(file(QString::fromLatin1(name), youzanFile({row})));
    };
    auto fields = [&]() {
        return exported(QStringLiteral("orders"))
            .select({QStringLiteral("status"), QStringLiteral("paid_at"),
                     QStringLiteral("shipped_at"), QStringLiteral("completed_at"),
                     QStringLiteral("courier"), QStringLiteral("tracking")});
    };

    CliResult result = step("pending.csv", pendingRow);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(1, 0, 0));
    QCOMPARE(fields(), QStringList{QStringLiteral("pending,,,,,")});
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 100);

    result = step("paid.csv", paidRow);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(0, 1, 0));
    QCOMPARE(fields(), QStringList{QStringLiteral("paid,2026-11-20 10:05:00,,,,")});
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 99);
    QCOMPARE(paymentOf(QStringLiteral("SO20261120-0001")), QStringLiteral("12800"));

    result = step("shipped.csv", shippedRow);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(0, 1, 0));
    QCOMPARE(fields(), QStringList{QStringLiteral(
                           "shipped,2026-11-20 10:05:00,2026-11-20 10:05:00,,中通快递,ZT8001")});

    result = step("completed.csv", completedRow);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(0, 1, 0));
    const QStringList done = {QStringLiteral(
        "completed,2026-11-20 10:05:00,2026-11-20 10:05:00,2026-11-24 09:00:00,中通快递,ZT8001")};
    QCOMPARE(fields(), done);

    // The paid file again: behind the order, reported at its status cell, left alone, exit 0.
    const QString before = everything();
    const QString older = m_fixture.scratchPath(QStringLiteral("paid.csv"));
    result = importOrders(older);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(0, 0, 1));
    const QString where = older + QStringLiteral(":2:%1: ").arg(youzanStatusColumn);
    QVERIFY2(result.err.startsWith(where), qPrintable(result.err));
    QVERIFY2(result.err.contains(QStringLiteral("left as it is")), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1);
    QCOMPARE(fields(), done);
    QCOMPARE(everything(), before);

    // A pending order whose next file says it is completed takes every step between.
    Cells jumpPending = pendingRow;
    jumpPending.insert(QStringLiteral("订单号"), QStringLiteral("E8002"));
    jumpPending.insert(QStringLiteral("订单创建时间"), QStringLiteral("2026-11-22 10:00:00"));
    Cells jumpCompleted = completedRow;
    jumpCompleted.insert({{QStringLiteral("订单号"), QStringLiteral("E8002")},
                          {QStringLiteral("订单创建时间"), QStringLiteral("2026-11-22 10:00:00")},
                          {QStringLiteral("买家付款时间"), QStringLiteral("2026-11-22 10:01:00")},
                          {QStringLiteral("商品发货物流单号"), QStringLiteral("ZT8002")}});
    result = step("jump-pending.csv", jumpPending);
    QCOMPARE(result.out, counts(1, 0, 0));
    result = step("jump-completed.csv", jumpCompleted);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(0, 1, 0));
    QCOMPARE(orderRowsOf(QStringLiteral("E8002")),
             QStringList{QStringLiteral(
                 "SO20261122-0001,2026-11-22 10:00:00,completed,C000001,,TEA-01,1,128.00,0.00,"
                 "0.00,2026-11-22 10:01:00,2026-11-22 10:01:00,2026-11-24 09:00:00,中通快递,"
                 "ZT8002")});
    QCOMPARE(stockOf(QStringLiteral("TEA-01")), 98);
}

// Items that match nothing stop the import, each listed once at its first row.
void TestCliPlatforms::unmatchedItemsStopTheImport()
{
    QCOMPARE(importOrders(file(QStringLiteral("youzan.csv"), QByteArray(youzanItemsRows))).status,
             0);
    const QString before = everything();
    const Cells giftBox = {{QStringLiteral("商品名称"), QStringLiteral("神秘礼盒")},
                           {QStringLiteral("商品规格"), QStringLiteral("礼盒装")},
                           {QStringLiteral("商品编码"), QString()},
                           {QStringLiteral("规格编码"), QString()}};
    const Cells smallTea = {{QStringLiteral("商品名称"), QStringLiteral("小罐茶")},
                            {QStringLiteral("商品规格"), QStringLiteral("10罐")},
                            {QStringLiteral("商品编码"), QStringLiteral("YZ-999")},
                            {QStringLiteral("规格编码"), QString()}};
    auto in = [](Cells row, const char *orderNo) {
        row.insert(QStringLiteral("订单号"), QString::fromLatin1(orderNo));
        return row;
    };
    const QString path = file(QStringLiteral("unknown-items.csv"),
                              youzanFile({in(giftBox, "E9001"), in(smallTea, "E9001"),
                                          in(smallTea, "E9002"), in({}, "E9002")}));
    const CliResult result = importOrders(path);
    QCOMPARE(result.status, 1);
    const QStringList lines = result.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.filter(QStringLiteral("YZ-999")).size(), 1);
    QCOMPARE(lines.filter(QStringLiteral("神秘礼盒")).size(), 1);
    QVERIFY2(lines.filter(QStringLiteral("YZ-999")).constFirst().startsWith(path + u":3:"),
             qPrintable(result.err));
    QVERIFY2(lines.filter(QStringLiteral("神秘礼盒")).constFirst().startsWith(path + u":2:"),
             qPrintable(result.err));
    QVERIFY2(
        lines.filter(QStringLiteral("神秘礼盒")).constFirst().contains(QStringLiteral("礼盒装")),
        qPrintable(result.err));
    QVERIFY2(lines.filter(path + u":5:").isEmpty(), qPrintable(result.err)); // TEA-01 matched
    QCOMPARE(everything(), before);
}

// --aliases matches by code and by name + spec, is saved with a successful import (and only
// then), and serves the next import without --aliases.
void TestCliPlatforms::aliasesMatchItemsAndAreSaved()
{
    const Cells giftBox = {{QStringLiteral("商品名称"), QStringLiteral("神秘礼盒")},
                           {QStringLiteral("商品规格"), QStringLiteral("礼盒装")},
                           {QStringLiteral("商品编码"), QString()},
                           {QStringLiteral("规格编码"), QString()},
                           {QStringLiteral("商品单价"), QStringLiteral("30.00")}};
    const Cells smallTea = {{QStringLiteral("商品名称"), QStringLiteral("小罐茶")},
                            {QStringLiteral("商品规格"), QStringLiteral("10罐")},
                            {QStringLiteral("商品编码"), QStringLiteral("YZ-999")},
                            {QStringLiteral("规格编码"), QString()},
                            {QStringLiteral("商品单价"), QStringLiteral("50.00")}};
    // Each order on a day of its own, so that MicroShop's numbers sort them as listed here.
    auto in = [](Cells row, const char *orderNo, const char *total, int day = 20) {
        row.insert(QStringLiteral("订单号"), QString::fromLatin1(orderNo));
        row.insert(QStringLiteral("商品金额合计"), QString::fromLatin1(total));
        row.insert(QStringLiteral("订单实付金额"), QString::fromLatin1(total));
        row.insert(QStringLiteral("订单创建时间"), QStringLiteral("2026-11-%1 10:00:00").arg(day));
        row.insert(QStringLiteral("买家付款时间"), QStringLiteral("2026-11-%1 10:05:00").arg(day));
        return row;
    };
    const QString aliases = file(QStringLiteral("aliases.csv"),
                                 QByteArray("platform,code,name,spec,sku\r\n"
                                            "youzan,YZ-999,,,HONEY-04\r\n"
                                            "youzan,,神秘礼盒,礼盒装,CUP-02\r\n"));

    // A file with another problem: refused, and its aliases are not kept.
    Cells badStatus = in(smallTea, "E9003", "50.00");
    badStatus.insert(QStringLiteral("订单状态"), QStringLiteral("已爆单"));
    const CliResult refused = importOrders(
        file(QStringLiteral("refused.csv"), youzanFile({in(giftBox, "E9000", "30.00"), badStatus})),
        {QStringLiteral("--aliases"), aliases});
    QCOMPARE(refused.status, 1);
    const CliResult notSaved = importOrders(
        file(QStringLiteral("small-tea.csv"), youzanFile({in(smallTea, "E9004", "50.00")})));
    QCOMPARE(notSaved.status, 1);
    QVERIFY2(notSaved.err.contains(QStringLiteral("YZ-999")), qPrintable(notSaved.err));
    QCOMPARE(count(QStringLiteral("orders")), 0);

    const CliResult result = importOrders(
        file(QStringLiteral("aliased.csv"),
             youzanFile({in(giftBox, "E9001", "80.00"), in(smallTea, "E9001", "80.00"),
                         in(smallTea, "E9002", "178.00", 21), in({}, "E9002", "178.00", 21)})),
        {QStringLiteral("--aliases"), aliases});
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(2, 0, 0));
    const QStringList skus = {QStringLiteral("sku"), QStringLiteral("quantity"),
                              QStringLiteral("unit_price")};
    QCOMPARE(exported(QStringLiteral("orders")).select(skus),
             (QStringList{QStringLiteral("CUP-02,1,30.00"), QStringLiteral("HONEY-04,1,50.00"),
                          QStringLiteral("HONEY-04,1,50.00"), QStringLiteral("TEA-01,1,128.00")}));

    // Saved: the next file needs no --aliases.
    const CliResult next = importOrders(
        file(QStringLiteral("next.csv"),
             youzanFile({in(giftBox, "E9005", "80.00", 22), in(smallTea, "E9005", "80.00", 22)})));
    QVERIFY2(next.status == 0, qPrintable(next.err));
    QCOMPARE(next.out, counts(1, 0, 0));
    QCOMPARE(orderRowsOf(QStringLiteral("E9005")).size(), 2);
    QCOMPARE(exported(QStringLiteral("orders")).select(skus).mid(4),
             (QStringList{QStringLiteral("CUP-02,1,30.00"), QStringLiteral("HONEY-04,1,50.00")}));
}

// decisions.md: 规格编码 / 商家编码-规格维度 first, then 商品编码 / 商家编码-商品维度.
void TestCliPlatforms::merchantCodesAreTriedInTheirOrder()
{
    const CliResult youzan = importOrders(
        file(QStringLiteral("codes.csv"),
             youzanFile({{{QStringLiteral("商品编码"), QStringLiteral("CUP-02")},
                          {QStringLiteral("规格编码"), QStringLiteral("TEA-01")}},
                         {{QStringLiteral("订单号"), QStringLiteral("E1002")},
                          {QStringLiteral("商品编码"), QStringLiteral("CUP-02")},
                          {QStringLiteral("规格编码"), QStringLiteral("NO-SUCH-SKU")},
                          {QStringLiteral("商品单价"), QStringLiteral("30.00")},
                          {QStringLiteral("商品金额合计"), QStringLiteral("30.00")},
                          {QStringLiteral("订单实付金额"), QStringLiteral("30.00")}}})));
    QVERIFY2(youzan.status == 0, qPrintable(youzan.err));
    QCOMPARE(orderRowsOf(QStringLiteral("E1001")).value(0).section(u',', 5, 5),
             QStringLiteral("TEA-01"));
    QCOMPARE(orderRowsOf(QStringLiteral("E1002")).value(0).section(u',', 5, 5),
             QStringLiteral("CUP-02"));
    const CliResult pdd = importOrders(
        file(QStringLiteral("pdd-codes.csv"),
             pinduoduoFile({{{QStringLiteral("商家编码-规格维度"), QStringLiteral("MASK-03")},
                             {QStringLiteral("商家编码-商品维度"), QStringLiteral("HONEY-04")}}})));
    QVERIFY2(pdd.status == 0, qPrintable(pdd.err));
    QCOMPARE(orderRowsOf(QStringLiteral("261120-100000000000001")).value(0).section(u',', 5, 5),
             QStringLiteral("MASK-03"));
}

void TestCliPlatforms::customersMatchByBuyerAccountThenPhone()
{
    Customer wang;
    wang.code = QStringLiteral("C001");
    wang.name = QStringLiteral("王强");
    wang.phone = QStringLiteral("13900000002");
    wang.channel = Channel::Offline;
    m_fixture.services().customerService.create(wang);

    // Taobao: the buyer account decides, even when the receiver and the phone are others.
    const CliResult first = importOrders(file(QStringLiteral("taobao-1.csv"), taobaoFile({{}})));
    QVERIFY2(first.status == 0, qPrintable(first.err));
    const QString zhao
        = orderRowsOf(QStringLiteral("3309876543210000001")).value(0).section(u',', 3, 3);
    QCOMPARE(zhao, QStringLiteral("C000002")); // the shop had one customer
    const CliResult second = importOrders(file(
        QStringLiteral("taobao-2.csv"),
        taobaoFile(
            {{{QStringLiteral("订单编号"), QStringLiteral("3309876543210000002")},
              {QStringLiteral("订单创建时间"), QStringLiteral("2026-11-23 16:00:00")},
              {QStringLiteral("订单付款时间"), QStringLiteral("2026-11-23 16:05:00")},
              {QStringLiteral("收货人姓名"), QStringLiteral("赵母")},
              {QStringLiteral("联系手机"), QStringLiteral("13700000007")},
              {QStringLiteral("收货地址"), QStringLiteral("江苏省 无锡市 梁溪区 人民路9号")}}})));
    QVERIFY2(second.status == 0, qPrintable(second.err));
    QCOMPARE(second.out, counts(1, 0, 0));
    QCOMPARE(orderRowsOf(QStringLiteral("3309876543210000002")).value(0).section(u',', 3, 3), zhao);

    // Youzan has no account: the unmasked phone finds the shop's own customer.
    const CliResult byPhone = importOrders(file(
        QStringLiteral("youzan.csv"),
        youzanFile(
            {{{QStringLiteral("收货人/提货人"), QStringLiteral("王先生")},
              {QStringLiteral("收货人手机号/提货人手机号"), QStringLiteral("13900000002")}}})));
    QVERIFY2(byPhone.status == 0, qPrintable(byPhone.err));
    QCOMPARE(orderRowsOf(QStringLiteral("E1001")).value(0).section(u',', 3, 3),
             QStringLiteral("C001"));
    QCOMPARE(count(QStringLiteral("customers")), 2);
}

// platforms.md: masked values are kept as given and never used to match.
void TestCliPlatforms::maskedValuesAreKeptAndNeverMatch()
{
    Customer zhang;
    zhang.code = QStringLiteral("C001");
    zhang.name = QStringLiteral("张三");
    zhang.phone = QStringLiteral("13800001234");
    m_fixture.services().customerService.create(zhang);
    const Cells masked = {
        {QStringLiteral("收货人/提货人"), QStringLiteral("张*")},
        {QStringLiteral("收货人手机号/提货人手机号"), QStringLiteral("138****1234")}};
    Cells other = masked;
    other.insert(QStringLiteral("订单号"), QStringLiteral("E1002"));
    const CliResult result = importOrders(
        file(QStringLiteral("masked.csv"), youzanFile({masked, other})));
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(2, 0, 0));
    QCOMPARE(customerRows({QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("phone"),
                           QStringLiteral("channel")}),
             (QStringList{QStringLiteral("C000002,张*,138****1234,youzan"),
                          QStringLiteral("C000003,张*,138****1234,youzan"),
                          QStringLiteral("C001,张三,13800001234,other")}));
    QCOMPARE(orderRowsOf(QStringLiteral("E1001")).value(0).section(u',', 3, 3),
             QStringLiteral("C000002"));
    QCOMPARE(orderRowsOf(QStringLiteral("E1002")).value(0).section(u',', 3, 3),
             QStringLiteral("C000003"));
}

void TestCliPlatforms::distributorsMatchByPhoneThenName()
{
    Distributor wang;
    wang.code = QStringLiteral("D01");
    wang.name = QStringLiteral("王芳");
    wang.phone = QStringLiteral("13600000006");
    wang.joined = QDate(2026, 1, 1);
    m_fixture.services().distributorService.create(wang);
    Distributor zhao;
    zhao.code = QStringLiteral("D02");
    zhao.name = QStringLiteral("赵六");
    zhao.phone = QStringLiteral("13500000005");
    zhao.joined = QDate(2026, 1, 1);
    m_fixture.services().distributorService.create(zhao);

    // Youzan writes 分销员 twice; the first is the distributor (the second is ignored: on Z2 it
    // names the other distributor). Z1 by phone (its name is a nickname), Z2 by name, Z3 and Z4
    // by nobody the shop knows: reported once, imported without a distributor.
    const QString header = QString::fromUtf8(youzanItemsRows).section(QStringLiteral("\r\n"), 0, 0)
                           + QStringLiteral(",分销员");
    const QString tail = QStringLiteral(",普洱熟茶,357克,P1001,TEA-01,128.00,1,128.00,0.00,0.00,"
                                        "128.00,,,");
    QString text = header + QStringLiteral("\r\n");
    text += QStringLiteral("Z1,待发货,2026-11-20 10:00:00,2026-11-20 10:05:00,,李娜,13800000001,"
                           "浙江省,杭州市,西湖区,文三路100号")
            + tail + QStringLiteral("芳芳小店,13600000006,赵六\r\n");
    text += QStringLiteral("Z2,待发货,2026-11-20 11:00:00,2026-11-20 11:05:00,,王强,13900000002,"
                           "广东省,深圳市,南山区,科技园南区1栋")
            + tail + QStringLiteral("赵六,,王芳\r\n");
    text += QStringLiteral("Z3,待发货,2026-11-20 12:00:00,2026-11-20 12:05:00,,刘洋,13700000003,"
                           "北京市,北京市,朝阳区,建国路1号")
            + tail + QStringLiteral("孙八,13100000008,\r\n");
    text += QStringLiteral("Z4,待发货,2026-11-21 12:00:00,2026-11-21 12:05:00,,刘洋,13700000003,"
                           "北京市,北京市,朝阳区,建国路1号")
            + tail + QStringLiteral("孙八,13100000008,\r\n");
    const QString path = file(QStringLiteral("distributors.csv"), text.toUtf8());
    const CliResult result = importOrders(path);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(result.out, counts(4, 0, 0));
    QCOMPARE(result.err.count(QStringLiteral("孙八")), 1);
    QVERIFY2(result.err.startsWith(path + QStringLiteral(":4:")), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1);
    auto distributorOf = [&](const char *number) {
        return orderRowsOf(QString::fromLatin1(number)).value(0).section(u',', 4, 4);
    };
    QCOMPARE(distributorOf("Z1"), QStringLiteral("D01"));
    QCOMPARE(distributorOf("Z2"), QStringLiteral("D02"));
    QCOMPARE(distributorOf("Z3"), QString());
    QCOMPARE(distributorOf("Z4"), QString());
    // The new customers of Z1 and Z2 are bound to their distributors; 刘洋 to nobody.
    QCOMPARE(customerRows({QStringLiteral("name"), QStringLiteral("distributor")}),
             (QStringList{QStringLiteral("李娜,D01"), QStringLiteral("王强,D02"),
                          QStringLiteral("刘洋,")}));

    // Weidian's 分销商, by its phone.
    const CliResult weidian = importOrders(file(
        QStringLiteral("weidian.csv"),
        QByteArray("订单编号,订单状态,下单时间,付款时间,收件人姓名,收件人手机,省,市,区,"
                   "收货详细地址,商品名称,商品编码,商品型号,购买数量,商品价格,退款金额,"
                   "分销商店铺ID,分销商注册姓名,分销商手机号\r\n"
                   "826112000009,已付款,2026-11-21 20:15:00,2026-11-21 20:16:30,周敏,13500000021,"
                   "四川省,成都市,武侯区,天府大道888号,普洱熟茶,TEA-01,357克,1,128.00,0.00,"
                   "12345,王芳芳,13600000006\r\n")));
    QVERIFY2(weidian.status == 0, qPrintable(weidian.err));
    QCOMPARE(distributorOf("826112000009"), QStringLiteral("D01"));
}

void TestCliPlatforms::badFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("where"); // LINE:COLUMN of the first error
    QTest::addColumn<QStringList>("words");

    const Cells good = {};
    const Cells twoLines = {{QStringLiteral("买家应付货款"), QStringLiteral("158.00")},
                            {QStringLiteral("买家实际支付金额"), QStringLiteral("158.00")}};
    auto with = [](Cells row, const Cells &more) {
        row.insert(more);
        return row;
    };
    QTest::newRow("an unknown status word")
        << youzanFile({good,
                       {{QStringLiteral("订单号"), QStringLiteral("E1002")},
                        {QStringLiteral("订单状态"), QStringLiteral("已爆单")}}})
        << QStringList() << QStringLiteral("3:%1").arg(youzanStatusColumn)
        << QStringList{QStringLiteral("已爆单"), QStringLiteral("待付款"),
                       QStringLiteral("交易成功")};
    QTest::newRow("a header of no platform")
        << QByteArray("订单ID,买家,金额\r\nX1,张三,12.00\r\n") << QStringList()
        << QStringLiteral("1:1")
        << QStringList{QStringLiteral("订单号"), QStringLiteral("订单编号")};
    QTest::newRow("paid more than the goods and the shipping")
        << youzanFile({good,
                       {{QStringLiteral("订单号"), QStringLiteral("E1002")},
                        {QStringLiteral("运费"), QStringLiteral("5.00")},
                        {QStringLiteral("订单实付金额"), QStringLiteral("133.01")}}})
        << QStringList() << QStringLiteral("3:%1").arg(youzanPaidColumn) << QStringList();
    QTest::newRow("one order number, two buyers")
        << taobaoFile(
               {twoLines,
                with(twoLines, {{QStringLiteral("买家会员名"), QStringLiteral("tb_someone_else")},
                                {QStringLiteral("标题"), QStringLiteral("双层玻璃杯")},
                                {QStringLiteral("价格"), QStringLiteral("30.00")},
                                {QStringLiteral("商家编码"), QStringLiteral("CUP-02")}})})
        << QStringList() << QStringLiteral("3:%1").arg(taobaoBuyerColumn) << QStringList();
    // An order's rows follow each other, as every platform writes them: an import reads the file
    // as a stream, one order at a time.
    QTest::newRow("the rows of one order apart")
        << youzanFile({good, {{QStringLiteral("订单号"), QStringLiteral("E1002")}}, good})
        << QStringList() << QStringLiteral("4:1")
        << QStringList{QStringLiteral("E1001"), QStringLiteral("not together"),
                       QStringLiteral("订单号")};
    QTest::newRow("--platform weidian on a Youzan file")
        << youzanFile({good})
        << QStringList{QStringLiteral("--platform"), QStringLiteral("weidian")}
        << QStringLiteral("1:1")
        << QStringList{QStringLiteral("订单编号"), QStringLiteral("下单时间")};
}

// Each refused with exit 1 at its line and column, and nothing changed in a shop with orders.
void TestCliPlatforms::badFilesAreRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, options);
    QFETCH(QString, where);
    QFETCH(QStringList, words);
    QCOMPARE(importOrders(file(QStringLiteral("youzan.csv"), QByteArray(youzanItemsRows))).status,
             0);
    const QString before = everything();
    const QString path = file(QStringLiteral("bad.csv"), content);
    const CliResult result = importOrders(path, options);
    QCOMPARE(result.status, 1);
    QVERIFY2(result.err.startsWith(path + u':' + where + QStringLiteral(": ")),
             qPrintable(result.err));
    for (const QString &word : words)
        QVERIFY2(result.err.contains(word), qPrintable(word + QStringLiteral(": ") + result.err));
    QCOMPARE(result.out, QString());
    QCOMPARE(everything(), before);
}

void TestCliPlatforms::badWorkbooksAreRefused()
{
    QCOMPARE(importOrders(file(QStringLiteral("youzan.csv"), QByteArray(youzanItemsRows))).status,
             0);
    const QString before = everything();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY2(!workbooks(dir).isEmpty(), "xlsx_test_workbooks failed");
    const QByteArray workbook = readFile(dir.filePath(QStringLiteral("youzan-orders.xlsx")));
    QVERIFY(workbook.startsWith("PK\x03\x04"));

    const QString truncated = file(QStringLiteral("truncated.xlsx"),
                                   workbook.left(workbook.size() / 2));
    const CliResult cut = importOrders(truncated);
    QCOMPARE(cut.status, 1);
    QVERIFY2(cut.err.startsWith(truncated + QStringLiteral(":1:1: ")), qPrintable(cut.err));
    QVERIFY2(cut.err.contains(QStringLiteral("damaged")), qPrintable(cut.err));
    QCOMPARE(everything(), before);

    // A photo of the order list saved under the workbook's name: a PNG's signature and header.
    const QString image = file(
        QStringLiteral("orders.xlsx"),
        QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61"
                            "0000001c49444154789c63fccf80041826010000ffff0300"));
    const CliResult photo = importOrders(image);
    QCOMPARE(photo.status, 1);
    QVERIFY2(photo.err.startsWith(image + QStringLiteral(":1:1: ")), qPrintable(photo.err));
    QCOMPARE(everything(), before);
}

void TestCliPlatforms::ownOrdersFileIsReadAsBefore_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::newRow("detected") << QStringList();
    QTest::newRow("--platform auto")
        << QStringList{QStringLiteral("--platform"), QStringLiteral("auto")};
    QTest::newRow("--platform microshop")
        << QStringList{QStringLiteral("--platform"), QStringLiteral("microshop")};
}

// decisions.md: MicroShop's own orders file (order_no and sku) is read as csv.md says, and the
// import prints the sentence it always did.
void TestCliPlatforms::ownOrdersFileIsReadAsBefore()
{
    QFETCH(QStringList, options);
    Customer wang;
    wang.code = QStringLiteral("C001");
    wang.name = QStringLiteral("王强");
    m_fixture.services().customerService.create(wang);
    const QString path = file(
        QStringLiteral("own.csv"),
        QByteArray("order_no,date,status,customer,sku,quantity,unit_price,discount,shipping_fee,"
                   "paid_at\r\n"
                   "N-1,2026-11-20 10:00,paid,C001,TEA-01,2,120,5,8,2026-11-20 10:05\r\n"
                   "N-1,2026-11-20 10:00,paid,C001,CUP-02,1,,,8,2026-11-20 10:05\r\n"));
    const CliResult result = importOrders(path, options);
    QVERIFY2(result.status == 0, qPrintable(result.err));
    QCOMPARE(
        result.out,
        QStringLiteral("Imported 2 row(s) of orders from %1: 1 created, 0 updated.\n").arg(path));
    QCOMPARE(orderRows(),
             (QStringList{QStringLiteral("N-1,2026-11-20 10:00:00,paid,C001,,TEA-01,2,120.00,5.00,"
                                         "8.00,2026-11-20 10:05:00,,,,"),
                          QStringLiteral("N-1,2026-11-20 10:00:00,paid,C001,,CUP-02,1,30.00,0.00,"
                                         "8.00,2026-11-20 10:05:00,,,,")}));
    QCOMPARE(paymentOf(QStringLiteral("N-1")), QStringLiteral("27300")); // 235.00 + 30.00 + 8.00
}

MICROSHOP_TEST_GUILESS_MAIN(TestCliPlatforms)
#include "tst_cli_platforms.moc"
