#include "PaymentBill.h"

namespace MicroShop {

QString BillCodes::code(BillSource source)
{
    return source == BillSource::WeChat ? QStringLiteral("wechat")
                                        : QStringLiteral("wechat-personal");
}

std::optional<BillSource> BillCodes::sourceFromCode(const QString &code)
{
    if (code == u"wechat")
        return BillSource::WeChat;
    if (code == u"wechat-personal")
        return BillSource::WeChatPersonal;
    return std::nullopt;
}

QString BillCodes::code(BillLineKind kind)
{
    return kind == BillLineKind::Payment ? QStringLiteral("payment") : QStringLiteral("refund");
}

QString BillCodes::code(BillOutcome outcome)
{
    switch (outcome) {
    case BillOutcome::Matched:
        return QStringLiteral("matched");
    case BillOutcome::Mismatch:
        return QStringLiteral("mismatch");
    case BillOutcome::Unknown:
        return QStringLiteral("unknown");
    case BillOutcome::Refund:
        return QStringLiteral("refund");
    case BillOutcome::Income:
        return QStringLiteral("income");
    }
    return {};
}

QString BillCodes::displayName(BillSource source)
{
    return source == BillSource::WeChat ? tr("WeChat Pay merchant bill")
                                        : tr("WeChat personal bill");
}

} // namespace MicroShop
