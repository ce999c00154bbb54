#pragma once

#include "Customer.h"
#include "Regions.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace MicroShop {

// What AddressParser read from a pasted text; the fields it could not read stay empty and are
// named in missing (in the order of fields()).
struct ParsedAddress
{
    QString receiver;
    QString phone; // 11 digits
    QString province;
    QString city;
    QString district; // empty, and not missing, for a city without districts (东莞市, 仙桃市)
    QString detail;
    QStringList missing; // "receiver", "phone", "province", "city", "district", "detail"

    bool isComplete() const { return missing.isEmpty(); }
    Address toAddress() const;
};

// Splits an address pasted from a chat (张三 13800138000 广东省深圳市南山区科技园南区1号) into
// receiver, phone, province, city, district and detail: parts in any order, with or without
// separators and labels (收货人：, 电话：, 地址：, 所在地区, 详细地址), phones with +86, dashes or
// spaces, places by official or short name, a missing province or city inferred when the data
// allows only one (docs/decisions.md, "Pasted addresses and regions").
class AddressParser final
{
    Q_DECLARE_TR_FUNCTIONS(AddressParser)

public:
    explicit AddressParser(const Regions &regions = Regions::instance());

    ParsedAddress parse(const QString &text) const;

    static QStringList fields(); // receiver, phone, province, city, district, detail
    static QString fieldTitle(const QString &field); // translated: "Receiver", "Phone", ...

private:
    struct Place;
    Place placeAt(const QString &text, qsizetype position) const;

    const Regions &m_regions;
};

} // namespace MicroShop
