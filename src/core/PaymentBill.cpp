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

QString BillCodes::reconciliationKindName(const QString &kind)
{
    if (kind == u"matched")
        return tr("Matched");
    if (kind == u"unknown")
        return tr("In the bill, no order");
    if (kind == u"unpaid-in-bill")
        return tr("Paid here, not in the bill");
    if (kind == u"mismatch")
        return tr("Amounts differ");
    if (kind == u"refund")
        return tr("Refund");
    if (kind == u"candidate")
        return tr("Candidate to confirm");
    return kind;
}

} // namespace MicroShop
