#include "Regions.h"

#include <QFile>
#include <QMap>

#include <algorithm>

namespace MicroShop {

namespace {

// The 55 minority peoples as they appear in autonomous regions' names, longest first so that
// 柯尔克孜 goes before 土.
QStringList peoples()
{
    QStringList names = {
        QStringLiteral("蒙古"),     QStringLiteral("回"),     QStringLiteral("藏"),
        QStringLiteral("维吾尔"),   QStringLiteral("苗"),     QStringLiteral("彝"),
        QStringLiteral("壮"),       QStringLiteral("布依"),   QStringLiteral("朝鲜"),
        QStringLiteral("满"),       QStringLiteral("侗"),     QStringLiteral("瑶"),
        QStringLiteral("白"),       QStringLiteral("土家"),   QStringLiteral("哈尼"),
        QStringLiteral("哈萨克"),   QStringLiteral("傣"),     QStringLiteral("黎"),
        QStringLiteral("傈僳"),     QStringLiteral("佤"),     QStringLiteral("畲"),
        QStringLiteral("高山"),     QStringLiteral("拉祜"),   QStringLiteral("水"),
        QStringLiteral("东乡"),     QStringLiteral("纳西"),   QStringLiteral("景颇"),
        QStringLiteral("柯尔克孜"), QStringLiteral("土"),     QStringLiteral("达斡尔"),
        QStringLiteral("仫佬"),     QStringLiteral("羌"),     QStringLiteral("布朗"),
        QStringLiteral("撒拉"),     QStringLiteral("毛南"),   QStringLiteral("仡佬"),
        QStringLiteral("锡伯"),     QStringLiteral("阿昌"),   QStringLiteral("普米"),
        QStringLiteral("塔吉克"),   QStringLiteral("怒"),     QStringLiteral("乌孜别克"),
        QStringLiteral("俄罗斯"),   QStringLiteral("鄂温克"), QStringLiteral("德昂"),
        QStringLiteral("保安"),     QStringLiteral("裕固"),   QStringLiteral("京"),
        QStringLiteral("塔塔尔"),   QStringLiteral("独龙"),   QStringLiteral("鄂伦春"),
        QStringLiteral("赫哲"),     QStringLiteral("门巴"),   QStringLiteral("珞巴"),
        QStringLiteral("基诺"),
    };
    std::stable_sort(names.begin(), names.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return names;
}

// Strips the peoples an autonomous region is named after: 土家族苗族, 维吾尔, 蒙古.
QString withoutPeoples(QString name)
{
    static const QStringList names = peoples();
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (const QString &people : names) {
            for (const QString &ending : {QString(people + u'族'), people}) {
                // Bare names only for those written so (新疆维吾尔, 伊犁哈萨克): 西藏 stays.
                if (ending == people && people.size() < 2)
                    continue;
                if (name.endsWith(ending) && name.size() - ending.size() >= 2) {
                    name.chop(ending.size());
                    stripped = true;
                    break;
                }
            }
            if (stripped)
                break;
        }
    }
    return name;
}

} // namespace

QString Regions::shortName(const QString &name)
{
    static const QStringList autonomous = {QStringLiteral("自治区"), QStringLiteral("自治州"),
                                           QStringLiteral("自治县"), QStringLiteral("自治旗")};
    static const QStringList others = {QStringLiteral("特别行政区"), QStringLiteral("地区"),
                                       QStringLiteral("林区"),       QStringLiteral("新区"),
                                       QStringLiteral("省"),         QStringLiteral("市"),
                                       QStringLiteral("盟"),         QStringLiteral("区"),
                                       QStringLiteral("县"),         QStringLiteral("旗")};
    for (const QString &suffix : autonomous) {
        if (name.endsWith(suffix)) {
            const QString rest = withoutPeoples(name.chopped(suffix.size()));
            return rest.size() >= 2 ? rest : name;
        }
    }
    for (const QString &suffix : others) {
        if (name.endsWith(suffix) && name.size() - suffix.size() >= 2)
            return name.chopped(suffix.size());
    }
    return name;
}

const Regions &Regions::instance()
{
    static const Regions regions;
    return regions;
}

Regions::Regions()
{
    load();
}

void Regions::load()
{
    QFile file(QStringLiteral(":/regions/regions.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("The regions resource is missing from this build");
    QMap<QString, QString> raw; // sorted by code
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() == 2)
            raw.insert(QString::fromLatin1(fields.at(0)), QString::fromUtf8(fields.at(1)));
    }
    QMap<QString, QList<Region>> counties; // the data's city code → its counties
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        if (it.key().size() == 6)
            counties[it.key().left(4)].append({it.key(), it.value()});
    }

    const auto addRegion = [this](const Region &region, const QString &parent) {
        m_regions.insert(region.code, region);
        m_children[parent].append(region);
        if (!parent.isEmpty())
            m_parent.insert(region.code, parent);
    };
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        if (it.key().size() == 2) {
            addRegion({it.key(), it.value()}, {});
            addNames(m_provinceNames, {it.key(), it.value()});
        }
    }
    QHash<QString, QString> municipalityCity; // province → its one city's code
    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        if (it.key().size() != 4)
            continue;
        const QString provinceCode = it.key().left(2);
        const QList<Region> children = counties.value(it.key());
        if (it.value() == QStringLiteral("市辖区") || it.value() == QStringLiteral("县")) {
            // A municipality: one city named as the province, with the districts of both parts.
            QString &cityCode = municipalityCity[provinceCode];
            if (cityCode.isEmpty()) {
                cityCode = it.key();
                const Region city{cityCode, m_regions.value(provinceCode).name};
                addRegion(city, provinceCode);
                addNames(m_cityNames, city);
            }
            for (const Region &district : children) {
                addRegion(district, cityCode);
                addNames(m_districtNames, district);
            }
        } else if (it.value().endsWith(QStringLiteral("直辖县级行政区划"))) {
            for (const Region &county : children) {
                addRegion(county, provinceCode);
                addNames(m_cityNames, county);
            }
        } else {
            const Region city{it.key(), it.value()};
            addRegion(city, provinceCode);
            addNames(m_cityNames, city);
            // 东莞市's one county is 东莞市 itself: a city without districts.
            if (children.size() == 1 && children.constFirst().name == city.name)
                continue;
            for (const Region &district : children) {
                addRegion(district, city.code);
                addNames(m_districtNames, district);
            }
        }
    }
}

void Regions::add(QHash<QString, QStringList> &index, const QString &name, const QString &code)
{
    QStringList &codes = index[name];
    if (!codes.contains(code))
        codes.append(code);
    m_longestName = std::max(m_longestName, int(name.size()));
}

void Regions::addNames(QHash<QString, QStringList> &index, const Region &region)
{
    add(index, region.name, region.code);
    m_official.insert(region.name, true);
    const QString shortened = shortName(region.name);
    if (shortened != region.name)
        add(index, shortened, region.code);
    // An autonomous prefecture is also written with 州 alone: 恩施州, 延边州, 西双版纳州.
    if (region.name.endsWith(QStringLiteral("自治州")) && shortened != region.name)
        add(index, QString(shortened + u'州'), region.code);
}

QList<Region> Regions::find(const QHash<QString, QStringList> &index, const QString &name,
                            const QString &) const
{
    QList<Region> found;
    for (const QString &code : index.value(name))
        found.append(m_regions.value(code));
    std::sort(found.begin(), found.end(),
              [](const Region &a, const Region &b) { return a.code < b.code; });
    return found;
}

QList<Region> Regions::provinces() const
{
    return m_children.value(QString());
}

QList<Region> Regions::cities(const QString &provinceCode) const
{
    return provinceCode.isEmpty() ? QList<Region>() : m_children.value(provinceCode);
}

QList<Region> Regions::districts(const QString &cityCode) const
{
    return cityCode.isEmpty() ? QList<Region>() : m_children.value(cityCode);
}

Region Regions::province(const QString &code) const
{
    return code.size() == 2 ? m_regions.value(code) : Region();
}

Region Regions::city(const QString &code) const
{
    const Region region = m_regions.value(code);
    return m_parent.value(code).size() == 2 ? region : Region();
}

Region Regions::district(const QString &code) const
{
    const QString parent = m_parent.value(code);
    return parent.size() >= 4 ? m_regions.value(code) : Region();
}

Region Regions::provinceOfCity(const QString &cityCode) const
{
    return city(cityCode).isValid() ? province(m_parent.value(cityCode)) : Region();
}

Region Regions::cityOfDistrict(const QString &districtCode) const
{
    return district(districtCode).isValid() ? city(m_parent.value(districtCode)) : Region();
}

QList<Region> Regions::findProvinces(const QString &name) const
{
    return find(m_provinceNames, name, {});
}

QList<Region> Regions::findCities(const QString &name, const QString &provinceCode) const
{
    QList<Region> found = find(m_cityNames, name, {});
    if (!provinceCode.isEmpty())
        found.removeIf(
            [&](const Region &city) { return m_parent.value(city.code) != provinceCode; });
    return found;
}

QList<Region> Regions::findDistricts(const QString &name, const QString &provinceCode,
                                     const QString &cityCode) const
{
    QList<Region> found = find(m_districtNames, name, {});
    found.removeIf([&](const Region &district) {
        const QString city = m_parent.value(district.code);
        return (!cityCode.isEmpty() && city != cityCode)
               || (!provinceCode.isEmpty() && m_parent.value(city) != provinceCode);
    });
    return found;
}

bool Regions::isOfficialName(const QString &name) const
{
    return m_official.contains(name);
}

QStringList Regions::provinceNames() const
{
    QStringList names;
    for (const Region &province : provinces())
        names.append(province.name);
    return names;
}

QStringList Regions::cityNames(const QString &provinceName) const
{
    QStringList names;
    if (const QList<Region> found = findProvinces(provinceName.trimmed()); found.size() == 1) {
        for (const Region &city : cities(found.constFirst().code))
            names.append(city.name);
    }
    return names;
}

QStringList Regions::districtNames(const QString &provinceName, const QString &cityName) const
{
    QStringList names;
    const QList<Region> provinces = findProvinces(provinceName.trimmed());
    const QList<Region> found = findCities(
        cityName.trimmed(), provinces.size() == 1 ? provinces.constFirst().code : QString());
    if (found.size() == 1) {
        for (const Region &district : districts(found.constFirst().code))
            names.append(district.name);
    }
    return names;
}

} // namespace MicroShop
