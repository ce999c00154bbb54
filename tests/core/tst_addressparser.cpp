// AddressParser and Regions: addresses pasted from chats, split against the compiled-in GB/T 2260
// data (resources/regions).
#include "AddressParser.h"
#include "Regions.h"

#include <QTest>

using namespace MicroShop;

namespace {

QStringList names(const QList<Region> &regions)
{
    QStringList result;
    for (const Region &region : regions)
        result.append(region.name);
    return result;
}

} // namespace

class TestAddressParser : public QObject
{
    Q_OBJECT

private slots:
    void regionsListTheLevels();
    void regionsFindOfficialAndShortNames_data();
    void regionsFindOfficialAndShortNames();
    void shortNames_data();
    void shortNames();
    void parses_data();
    void parses();
    void fieldTitlesCoverEveryField();
};

void TestAddressParser::regionsListTheLevels()
{
    const Regions &regions = Regions::instance();
    QCOMPARE(regions.provinces().size(), 31);
    QCOMPARE(regions.provinces().constFirst(),
             (Region{QStringLiteral("11"), QStringLiteral("北京市")}));
    QVERIFY(regions.provinceNames().contains(QStringLiteral("广西壮族自治区")));

    // A municipality is its own only city, holding the data's 市辖区 and 县 alike.
    const QList<Region> chongqing = regions.cities(QStringLiteral("50"));
    QCOMPARE(names(chongqing), QStringList{QStringLiteral("重庆市")});
    const QStringList chongqingDistricts = names(regions.districts(chongqing.constFirst().code));
    QVERIFY(chongqingDistricts.contains(QStringLiteral("渝中区")));
    QVERIFY(chongqingDistricts.contains(QStringLiteral("城口县")));
    QVERIFY(!chongqingDistricts.contains(QStringLiteral("市辖区")));

    // Guangdong lists Shenzhen, Shenzhen lists Nanshan; 东莞 has no districts of its own.
    QVERIFY(regions.cityNames(QStringLiteral("广东省")).contains(QStringLiteral("深圳市")));
    QVERIFY(regions.cityNames(QStringLiteral("广东")).contains(QStringLiteral("东莞市")));
    QVERIFY(regions.districtNames(QStringLiteral("广东省"), QStringLiteral("深圳市"))
                .contains(QStringLiteral("南山区")));
    QVERIFY(regions.districtNames(QStringLiteral("广东省"), QStringLiteral("东莞市")).isEmpty());
    QVERIFY(regions.cityNames(QStringLiteral("火星")).isEmpty());

    // County-level units directly under a province are that province's cities.
    const QStringList hubei = regions.cityNames(QStringLiteral("湖北省"));
    QVERIFY(hubei.contains(QStringLiteral("仙桃市")));
    QVERIFY(!hubei.contains(QStringLiteral("省直辖县级行政区划")));
    const Region xiantao = regions.findCities(QStringLiteral("仙桃市")).value(0);
    QCOMPARE(xiantao.code, QStringLiteral("429004"));
    QCOMPARE(regions.provinceOfCity(xiantao.code).name, QStringLiteral("湖北省"));
    QVERIFY(regions.districts(xiantao.code).isEmpty());

    const Region nanshan
        = regions.findDistricts(QStringLiteral("南山区"), {}, QStringLiteral("4403")).value(0);
    QCOMPARE(nanshan.code, QStringLiteral("440305"));
    QCOMPARE(regions.cityOfDistrict(nanshan.code).name, QStringLiteral("深圳市"));
    QVERIFY(!regions.district(QStringLiteral("4403")).isValid());
    QVERIFY(!regions.city(QStringLiteral("440305")).isValid());
}

void TestAddressParser::regionsFindOfficialAndShortNames_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("within");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *tag, const char *level, const QString &name,
                        const QString &within, const QStringList &expected) {
        QTest::newRow(tag) << QString::fromLatin1(level) << name << within << expected;
    };
    row("province", "province", QStringLiteral("四川省"), {}, {QStringLiteral("四川省")});
    row("province short", "province", QStringLiteral("四川"), {}, {QStringLiteral("四川省")});
    row("guangxi", "province", QStringLiteral("广西"), {}, {QStringLiteral("广西壮族自治区")});
    row("inner mongolia", "province", QStringLiteral("内蒙古"), {},
        {QStringLiteral("内蒙古自治区")});
    row("xinjiang", "province", QStringLiteral("新疆"), {}, {QStringLiteral("新疆维吾尔自治区")});
    row("ningxia", "province", QStringLiteral("宁夏"), {}, {QStringLiteral("宁夏回族自治区")});
    row("tibet", "province", QStringLiteral("西藏"), {}, {QStringLiteral("西藏自治区")});
    row("municipality", "province", QStringLiteral("北京"), {}, {QStringLiteral("北京市")});
    row("unknown", "province", QStringLiteral("火星"), {}, {});
    row("city short", "city", QStringLiteral("成都"), {}, {QStringLiteral("成都市")});
    row("prefecture", "city", QStringLiteral("恩施"), {}, {QStringLiteral("恩施土家族苗族自治州")});
    row("city within", "city", QStringLiteral("深圳市"), QStringLiteral("44"),
        {QStringLiteral("深圳市")});
    row("city elsewhere", "city", QStringLiteral("深圳市"), QStringLiteral("51"), {});
    row("municipality city", "city", QStringLiteral("北京市"), QStringLiteral("11"),
        {QStringLiteral("北京市")});
    row("district short", "district", QStringLiteral("武侯"), {}, {QStringLiteral("武侯区")});
    row("district in two cities", "district", QStringLiteral("朝阳区"), {},
        {QStringLiteral("朝阳区"), QStringLiteral("朝阳区")});
    row("district within", "district", QStringLiteral("朝阳区"), QStringLiteral("11"),
        {QStringLiteral("朝阳区")});
}

void TestAddressParser::regionsFindOfficialAndShortNames()
{
    QFETCH(QString, level);
    QFETCH(QString, name);
    QFETCH(QString, within);
    QFETCH(QStringList, expected);
    const Regions &regions = Regions::instance();
    const QList<Region> found = level == u"province" ? regions.findProvinces(name)
                                : level == u"city"   ? regions.findCities(name, within)
                                                     : regions.findDistricts(name, within);
    QCOMPARE(names(found), expected);
}

void TestAddressParser::shortNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    const QStringList pairs = {
        QStringLiteral("四川省 四川"),
        QStringLiteral("广西壮族自治区 广西"),
        QStringLiteral("新疆维吾尔自治区 新疆"),
        QStringLiteral("西藏自治区 西藏"),
        QStringLiteral("恩施土家族苗族自治州 恩施"),
        QStringLiteral("伊犁哈萨克自治州 伊犁"),
        QStringLiteral("白沙黎族自治县 白沙"),
        QStringLiteral("浦东新区 浦东"),
        QStringLiteral("神农架林区 神农架"),
        QStringLiteral("阿里地区 阿里"),
        QStringLiteral("锡林郭勒盟 锡林郭勒"),
        QStringLiteral("城区 城区"),
        QStringLiteral("东区 东区"),
    };
    for (const QString &pair : pairs) {
        const QStringList parts = pair.split(u' ');
        QTest::newRow(qPrintable(parts.at(0))) << parts.at(0) << parts.at(1);
    }
}

void TestAddressParser::shortNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(Regions::shortName(name), expected);
}

void TestAddressParser::parses_data()
{
    QTest::addColumn<QString>("text");
    // receiver|phone|province|city|district|detail|missing fields (comma-separated)
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *tag, const QString &text, const QString &expected) {
        QTest::newRow(tag) << text << expected;
    };
    row("spec example", QStringLiteral("张三 13800138000 广东省深圳市南山区科技园南区1号"),
        QStringLiteral("张三|13800138000|广东省|深圳市|南山区|科技园南区1号|"));
    row("address first", QStringLiteral("广东省深圳市南山区科技园南区1号 张三 13800138000"),
        QStringLiteral("张三|13800138000|广东省|深圳市|南山区|科技园南区1号|"));
    row("phone first, commas", QStringLiteral("13800138000，李四，浙江省杭州市西湖区文三路90号"),
        QStringLiteral("李四|13800138000|浙江省|杭州市|西湖区|文三路90号|"));
    row("no separators", QStringLiteral("王五13912345678江苏省南京市鼓楼区中山路1号"),
        QStringLiteral("王五|13912345678|江苏省|南京市|鼓楼区|中山路1号|"));
    row("labels",
        QStringLiteral("收货人：赵六\n手机号码：13600001111\n所在地区：四川省 成都市 武侯区\n"
                       "详细地址：人民南路四段1号"),
        QStringLiteral("赵六|13600001111|四川省|成都市|武侯区|人民南路四段1号|"));
    row("ascii labels",
        QStringLiteral("收件人:钱七 电话:+86 138-0013-8000 地址:湖北省武汉市洪山区珞喻路"
                       "1037号"),
        QStringLiteral("钱七|13800138000|湖北省|武汉市|洪山区|珞喻路1037号|"));
    row("label glued to the address", QStringLiteral("姓名：孙八广东省广州市天河区天河路385号"),
        QStringLiteral("孙八||广东省|广州市|天河区|天河路385号|phone"));
    row("short names", QStringLiteral("四川 成都 武侯区 科华北路62号 周九 138 0013 8000"),
        QStringLiteral("周九|13800138000|四川省|成都市|武侯区|科华北路62号|"));
    row("short district", QStringLiteral("吴十 15000001234 广东深圳南山科技园"),
        QStringLiteral("吴十|15000001234|广东省|深圳市|南山区|科技园|"));
    row("province omitted", QStringLiteral("深圳市南山区科技园南区1号 郑一 8613800138000"),
        QStringLiteral("郑一|13800138000|广东省|深圳市|南山区|科技园南区1号|"));
    row("city omitted", QStringLiteral("冯二 13800138000 广东省南山区科技园南区1号"),
        QStringLiteral("冯二|13800138000|广东省|深圳市|南山区|科技园南区1号|"));
    row("municipality", QStringLiteral("陈三 13800138000 北京市海淀区中关村大街1号"),
        QStringLiteral("陈三|13800138000|北京市|北京市|海淀区|中关村大街1号|"));
    row("municipality twice", QStringLiteral("上海市上海市浦东新区世纪大道100号 褚四 13800138000"),
        QStringLiteral("褚四|13800138000|上海市|上海市|浦东新区|世纪大道100号|"));
    row("municipality short", QStringLiteral("重庆 渝中区 解放碑88号 卫五 13800138000"),
        QStringLiteral("卫五|13800138000|重庆市|重庆市|渝中区|解放碑88号|"));
    row("municipality county", QStringLiteral("重庆市城口县葛城街道1号 蒋六 13800138000"),
        QStringLiteral("蒋六|13800138000|重庆市|重庆市|城口县|葛城街道1号|"));
    row("autonomous region short", QStringLiteral("广西南宁市青秀区民族大道1号 沈七 13800138000"),
        QStringLiteral("沈七|13800138000|广西壮族自治区|南宁市|青秀区|民族大道1号|"));
    row("inner mongolia", QStringLiteral("内蒙古呼和浩特市新城区中山东路1号 韩八 13800138000"),
        QStringLiteral("韩八|13800138000|内蒙古自治区|呼和浩特市|新城区|中山东路1号|"));
    row("xinjiang", QStringLiteral("杨九，13800138000，新疆乌鲁木齐市天山区人民路1号"),
        QStringLiteral("杨九|13800138000|新疆维吾尔自治区|乌鲁木齐市|天山区|人民路1号|"));
    row("prefecture as 州", QStringLiteral("马丽 13800138000 湖北恩施州恩施市舞阳大街1号"),
        QStringLiteral("马丽|13800138000|湖北省|恩施土家族苗族自治州|恩施市|舞阳大街1号|"));
    row("ambiguous district alone", QStringLiteral("朝阳区建国路88号 周杰 13800138000"),
        QStringLiteral("周杰|13800138000||||朝阳区建国路88号|province,city,district"));
    row("county-level city", QStringLiteral("朱十 13800138000 湖北省仙桃市干河街道1号"),
        QStringLiteral("朱十|13800138000|湖北省|仙桃市||干河街道1号|"));
    row("city without districts", QStringLiteral("秦一 13800138000 广东省东莞市长安镇振安路1号"),
        QStringLiteral("秦一|13800138000|广东省|东莞市||长安镇振安路1号|"));
    row("jilin city", QStringLiteral("尤二 13800138000 吉林市船营区北京路1号"),
        QStringLiteral("尤二|13800138000|吉林省|吉林市|船营区|北京路1号|"));
    row("street named after a province", QStringLiteral("许三 13800138000 广州市越秀区北京路1号"),
        QStringLiteral("许三|13800138000|广东省|广州市|越秀区|北京路1号|"));
    row("full-width digits",
        QStringLiteral("何四　１３８００１３８０００　福建省厦门市思明区鹭江道1号"),
        QStringLiteral("何四|13800138000|福建省|厦门市|思明区|鹭江道1号|"));
    row("newlines", QStringLiteral("吕五\n13800138000\n山东省\n青岛市\n市南区\n香港中路1号"),
        QStringLiteral("吕五|13800138000|山东省|青岛市|市南区|香港中路1号|"));
    row("detail with spaces",
        QStringLiteral("施六 13800138000 陕西省西安市雁塔区 小寨东路 1号楼 3单元"),
        QStringLiteral("施六|13800138000|陕西省|西安市|雁塔区|小寨东路 1号楼 3单元|"));
    row("no phone", QStringLiteral("张三 广东省深圳市南山区科技园南区1号"),
        QStringLiteral("张三||广东省|深圳市|南山区|科技园南区1号|phone"));
    row("no place", QStringLiteral("张三 13800138000 科技园南区1号"),
        QStringLiteral("张三|13800138000||||科技园南区1号|province,city,district"));
    row("only a phone", QStringLiteral("+86 138 0013 8000"),
        QStringLiteral("|13800138000|||||receiver,province,city,district,detail"));
    row("no receiver", QStringLiteral("13800138000 广东省深圳市南山区科技园南区1号"),
        QStringLiteral("|13800138000|广东省|深圳市|南山区|科技园南区1号|receiver"));
    row("no district", QStringLiteral("张三 13800138000 广东省深圳市"),
        QStringLiteral("张三|13800138000|广东省|深圳市|||district,detail"));
    row("a name like a city", QStringLiteral("王金华 13800138000 浙江省杭州市西湖区文三路1号"),
        QStringLiteral("王金华|13800138000|浙江省|杭州市|西湖区|文三路1号|"));
    row("empty", QString(), QStringLiteral("||||||receiver,phone,province,city,district,detail"));
}

void TestAddressParser::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const ParsedAddress parsed = AddressParser().parse(text);
    const QString actual = QStringList{parsed.receiver,          parsed.phone,
                                       parsed.province,          parsed.city,
                                       parsed.district,          parsed.detail,
                                       parsed.missing.join(u',')}
                               .join(u'|');
    QCOMPARE(actual, expected);
    QCOMPARE(parsed.isComplete(), parsed.missing.isEmpty());
    const Address address = parsed.toAddress();
    QCOMPARE(address.city, parsed.city);
    QCOMPARE(address.detail, parsed.detail);
}

void TestAddressParser::fieldTitlesCoverEveryField()
{
    QStringList titles;
    for (const QString &field : AddressParser::fields())
        titles.append(AddressParser::fieldTitle(field));
    QCOMPARE(titles, (QStringList{QStringLiteral("Receiver"), QStringLiteral("Phone"),
                                  QStringLiteral("Province"), QStringLiteral("City"),
                                  QStringLiteral("District"), QStringLiteral("Address")}));
}

QTEST_GUILESS_MAIN(TestAddressParser)
#include "tst_addressparser.moc"
