#include "AddressParser.h"

#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace MicroShop {

namespace {

bool isSeparator(QChar c)
{
    static const QString separators = QStringLiteral(",;:|/、。");
    return c.isSpace() || separators.contains(c);
}

// Full-width letters, digits and punctuation (１３８，：＋) as ASCII; the ideographic space too.
QString normalized(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        const char16_t code = c.unicode();
        if (code >= 0xFF01 && code <= 0xFF5E)
            c = QChar(char16_t(code - 0xFEE0));
        else if (code == 0x3000)
            c = u' ';
    }
    return result;
}

QStringList segments(const QString &text)
{
    QStringList parts;
    QString part;
    for (const QChar c : text) {
        if (isSeparator(c)) {
            if (!part.isEmpty())
                parts.append(part);
            part.clear();
        } else {
            part.append(c);
        }
    }
    if (!part.isEmpty())
        parts.append(part);
    return parts;
}

// A name as people write it: two to four Chinese characters (张三, 欧阳娜娜, 王先生).
bool looksLikeName(const QString &token)
{
    static const QRegularExpression name(QStringLiteral("^[\\x{4e00}-\\x{9fff}]{2,4}$"));
    return name.match(token).hasMatch();
}

// Characters of street addresses, never of a person's name: 号, 路, 栋, 室, 园 ...
bool looksLikeAddress(const QString &token)
{
    static const QString markers = QStringLiteral(
        "号路街道巷弄村镇乡栋幢楼室层园苑区座院庄厦店场站寓舍校司");
    return std::any_of(token.cbegin(), token.cend(),
                       [](QChar c) { return markers.contains(c) || c.isDigit(); });
}

struct Match
{
    Region region;
    qsizetype length = 0;
};

} // namespace

// The province, city and district found at one position of the text, and where they end.
struct AddressParser::Place
{
    Region province;
    Region city;
    Region district;
    qsizetype end = 0;
    int levels = 0;
    bool official = false; // at least one level written in full (广东省, 南山区)

    bool isFound() const { return levels >= 2 || (levels == 1 && official); }
};

AddressParser::AddressParser(const Regions &regions)
    : m_regions(regions)
{}

QStringList AddressParser::fields()
{
    return {QStringLiteral("receiver"), QStringLiteral("phone"),    QStringLiteral("province"),
            QStringLiteral("city"),     QStringLiteral("district"), QStringLiteral("detail")};
}

QString AddressParser::fieldTitle(const QString &field)
{
    if (field == u"receiver")
        return tr("Receiver");
    if (field == u"phone")
        return tr("Phone");
    if (field == u"province")
        return tr("Province");
    if (field == u"city")
        return tr("City");
    if (field == u"district")
        return tr("District");
    return tr("Address");
}

Address ParsedAddress::toAddress() const
{
    Address address;
    address.receiver = receiver;
    address.phone = phone;
    address.province = province;
    address.city = city;
    address.district = district;
    address.detail = detail;
    return address;
}

AddressParser::Place AddressParser::placeAt(const QString &text, qsizetype position) const
{
    // The longest name at `at` that names exactly one region of the list `find` gives; a short
    // name (广东, 南山) must not be the start of a street's name (北京路).
    const auto longest = [&](const auto &find, qsizetype at,
                             bool officialOnly) -> std::pair<Match, bool> {
        static const QString streets = QStringLiteral("路街道巷弄号");
        const qsizetype most = std::min<qsizetype>(m_regions.longestName(), text.size() - at);
        for (qsizetype length = most; length >= 2; --length) {
            const QString name = text.mid(at, length);
            QList<Region> found = find(name);
            if (found.isEmpty())
                continue;
            const auto exact = std::count_if(found.cbegin(), found.cend(),
                                             [&](const Region &r) { return r.name == name; });
            if (exact == 1)
                found.removeIf([&](const Region &r) { return r.name != name; });
            if (found.size() != 1)
                continue;
            const bool official = exact == 1;
            if (!official
                && (officialOnly
                    || (at + length < text.size() && streets.contains(text.at(at + length)))))
                continue;
            return {Match{found.constFirst(), length}, official};
        }
        return {Match{}, false};
    };
    const auto skipSeparators = [&](qsizetype at) {
        while (at < text.size() && isSeparator(text.at(at)))
            ++at;
        return at;
    };

    Place place;
    const auto [province, provinceOfficial] = longest(
        [&](const QString &name) { return m_regions.findProvinces(name); }, position, false);
    const auto [city, cityOfficial] = longest(
        [&](const QString &name) { return m_regions.findCities(name); }, position, false);
    const auto [district, districtOfficial] = longest(
        [&](const QString &name) { return m_regions.findDistricts(name); }, position, true);
    const qsizetype best = std::max({province.length, city.length, district.length});
    if (best == 0)
        return place;

    qsizetype at = position;
    const auto take = [&](Region &level, const Match &match, bool official) {
        level = match.region;
        at += match.length;
        place.end = at;
        ++place.levels;
        place.official = place.official || official;
        at = skipSeparators(at);
    };
    const auto takeDistrict = [&] {
        const auto [found, official] = longest(
            [&](const QString &name) {
                return m_regions.findDistricts(name, place.province.code, place.city.code);
            },
            at, false);
        if (found.length > 0) {
            take(place.district, found, official);
            place.city = m_regions.cityOfDistrict(place.district.code);
        }
    };
    if (province.length == best) {
        take(place.province, province, provinceOfficial);
        const auto [found, official] = longest(
            [&](const QString &name) { return m_regions.findCities(name, place.province.code); },
            at, false);
        if (found.length > 0)
            take(place.city, found, official);
        takeDistrict();
    } else if (city.length == best) {
        take(place.city, city, cityOfficial);
        place.province = m_regions.provinceOfCity(place.city.code);
        takeDistrict();
    } else {
        take(place.district, district, districtOfficial);
        place.city = m_regions.cityOfDistrict(place.district.code);
        place.province = m_regions.provinceOfCity(place.city.code);
    }
    return place;
}

ParsedAddress AddressParser::parse(const QString &input) const
{
    ParsedAddress result;
    QString text = normalized(input);

    // The phone: a mobile number, maybe with +86 / 86 and dashes or spaces between its groups.
    static const QRegularExpression phone(QStringLiteral(
        "(?<!\\d)(?:\\+?86[ \\-]?)?(1[3-9]\\d)[ \\-]?(\\d{4})[ \\-]?(\\d{4})(?!\\d)"));
    if (const QRegularExpressionMatch match = phone.match(text); match.hasMatch()) {
        result.phone = match.captured(1) + match.captured(2) + match.captured(3);
        text.replace(match.capturedStart(), match.capturedLength(), QStringLiteral("\n"));
    }
    static const QRegularExpression postcode(QStringLiteral("邮编\\s*:?\\s*\\d{6}"));
    text.replace(postcode, QStringLiteral("\n"));

    // Labels become separators; the word after a receiver's label is the receiver.
    static const QRegularExpression label(QStringLiteral(
        "(收货人|收件人|联系人|姓名|名字|联系电话|手机号码|手机号|电话号码|手机|电话|联系方式|"
        "收货地址|详细地址|所在地区|所在地|地址)\\s*:?"));
    qsizetype receiverStart = -1;
    for (QRegularExpressionMatch match = label.match(text); match.hasMatch();
         match = label.match(text, match.capturedStart() + 1)) {
        const QString word = match.captured(1);
        text.replace(match.capturedStart(), match.capturedLength(),
                     QString(match.capturedLength(), u'\n'));
        if (receiverStart < 0
            && (word == u"收货人" || word == u"收件人" || word == u"联系人" || word == u"姓名"
                || word == u"名字")) {
            receiverStart = match.capturedEnd();
            while (receiverStart < text.size() && isSeparator(text.at(receiverStart)))
                ++receiverStart;
        }
    }

    Place place;
    qsizetype start = text.size();
    for (qsizetype position = 0; position < text.size(); ++position) {
        if (isSeparator(text.at(position)))
            continue;
        place = placeAt(text, position);
        if (place.isFound()) {
            start = position;
            break;
        }
    }
    if (!place.isFound())
        place = Place{};

    if (receiverStart >= 0) {
        qsizetype end = receiverStart;
        while (end < text.size() && !isSeparator(text.at(end)) && end != start)
            ++end;
        if (receiverStart < start || receiverStart >= place.end) {
            result.receiver = text.mid(receiverStart, end - receiverStart);
            text.replace(receiverStart, end - receiverStart, QString(end - receiverStart, u'\n'));
        }
    }

    QStringList before = segments(text.left(start));
    QStringList after = place.isFound() ? segments(text.mid(place.end)) : QStringList();
    if (result.receiver.isEmpty()) {
        const auto name = std::find_if(before.cbegin(), before.cend(), looksLikeName);
        if (name != before.cend()) {
            result.receiver = *name;
            before.removeAt(name - before.cbegin());
        } else if (after.size() >= 2 && looksLikeName(after.constLast())
                   && !looksLikeAddress(after.constLast())) {
            result.receiver = after.takeLast();
        }
    }
    if (place.isFound()) {
        result.province = place.province.name;
        result.city = place.city.name;
        result.district = place.district.name;
        result.detail = after.join(u' ');
    } else {
        // No place: what is left is kept as the detail, for the person to complete.
        result.detail = before.join(u' ');
    }

    const bool needsDistrict = place.city.isValid()
                                   ? !m_regions.districts(place.city.code).isEmpty()
                                   : true;
    for (const QString &field : fields()) {
        const bool isMissing = (field == u"receiver" && result.receiver.isEmpty())
                               || (field == u"phone" && result.phone.isEmpty())
                               || (field == u"province" && result.province.isEmpty())
                               || (field == u"city" && result.city.isEmpty())
                               || (field == u"district" && result.district.isEmpty()
                                   && needsDistrict)
                               || (field == u"detail" && result.detail.isEmpty());
        if (isMissing)
            result.missing.append(field);
    }
    return result;
}

} // namespace MicroShop
