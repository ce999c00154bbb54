#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

// One province, city or district: its GB/T 2260 code and its official name.
struct Region
{
    QString code;
    QString name;

    bool isValid() const { return !code.isEmpty(); }
    friend bool operator==(const Region &, const Region &) = default;
};

// China's provinces, cities and districts (resources/regions, compiled in), loaded once on first
// use, as a merchant writes them: a municipality (北京市) is its own only city, whose districts are
// the data's 市辖区 and 县; a county-level unit directly under its province (仙桃市, 济源市) is a
// city of that province; a city without districts of its own (东莞市, 仙桃市) lists none. Names are
// found by their official name or their short name (四川, 广西, 内蒙古, 成都, 恩施, 武侯).
class Regions final
{
public:
    static const Regions &instance(); // thread-safe; the data is compiled in and always loads

    QList<Region> provinces() const;
    QList<Region> cities(const QString &provinceCode) const;
    QList<Region> districts(const QString &cityCode) const;
    Region province(const QString &code) const; // by code; invalid when unknown
    Region city(const QString &code) const;
    Region district(const QString &code) const;
    Region provinceOfCity(const QString &cityCode) const;
    Region cityOfDistrict(const QString &districtCode) const;

    // Every region of that level whose official or short name is NAME, within the province or
    // city when one is given (its code), in code order.
    QList<Region> findProvinces(const QString &name) const;
    QList<Region> findCities(const QString &name, const QString &provinceCode = {}) const;
    QList<Region> findDistricts(const QString &name, const QString &provinceCode = {},
                                const QString &cityCode = {}) const;
    bool isOfficialName(const QString &name) const; // some region's full name, not a short one
    int longestName() const { return m_longestName; }

    // What the address editors list: names, chosen by the names above them (empty when unknown).
    QStringList provinceNames() const;
    QStringList cityNames(const QString &provinceName) const;
    QStringList districtNames(const QString &provinceName, const QString &cityName) const;

    // 四川省 → 四川, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 武侯区 → 武侯; a name
    // that would shrink below two characters (城区, 东区) stays whole.
    static QString shortName(const QString &name);

private:
    Regions();
    void load();
    void add(QHash<QString, QStringList> &index, const QString &name, const QString &code);
    void addNames(QHash<QString, QStringList> &index, const Region &region);
    QList<Region> find(const QHash<QString, QStringList> &index, const QString &name,
                       const QString &prefix) const;

    QHash<QString, Region> m_regions;         // code → region, every level
    QHash<QString, QString> m_parent;         // city → province, district → city
    QHash<QString, QList<Region>> m_children; // "" → provinces, province → cities, city → districts
    QHash<QString, QStringList> m_provinceNames; // official and short name → codes
    QHash<QString, QStringList> m_cityNames;
    QHash<QString, QStringList> m_districtNames;
    QHash<QString, bool> m_official;
    int m_longestName = 0;
};

} // namespace MicroShop
