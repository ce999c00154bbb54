#pragma once

#include "Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace MicroShop {

// Whose bill a line comes from: WeChat Pay's merchant bill (交易账单), which names MicroShop's or the
// platform's order number, or a person's WeChat bill (微信支付账单明细), which names none.
enum class BillSource { WeChat, WeChatPersonal };
enum class BillLineKind { Payment, Refund };
// What reconciling a line found (platforms.md): the order paid or confirmed at the right amount,
// a different amount, no such order, a refund (recorded, not applied) or a personal income (never
// applied; offered as a candidate by the reconciliation report).
enum class BillOutcome { Matched, Mismatch, Unknown, Refund, Income };

class BillCodes final
{
    Q_DECLARE_TR_FUNCTIONS(BillCodes)

public:
    // "wechat", "wechat-personal": the command line's and the database's word.
    static QString code(BillSource source);
    static std::optional<BillSource> sourceFromCode(const QString &code);
    static QString code(BillLineKind kind);        // payment, refund
    static QString code(BillOutcome outcome);      // matched, mismatch, unknown, refund, income
    static QString displayName(BillSource source); // 微信支付商户账单 in Chinese
    // A kind of the reconciliation report (matched, unknown, unpaid-in-bill, mismatch, refund,
    // candidate) as people read it; an unknown code as it is.
    static QString reconciliationKindName(const QString &kind);
};

// One line of an imported bill, as stored (payment_bill_lines).
struct BillLine
{
    BillSource source = BillSource::WeChat;
    QString billNo;          // 微信订单号 / 交易单号: the payment's number at WeChat
    QString refundNo;        // 微信退款单号 of a refund line; empty otherwise
    QString merchantOrderNo; // 商户订单号 / 商户单号: the order's number as the shop gave it
    QDateTime at;
    BillLineKind kind = BillLineKind::Payment;
    Money amount;         // what was paid or refunded, positive
    QString status;       // the bill's own word: SUCCESS, REFUND, 已存入零钱...
    QString counterparty; // the personal bill's 交易对方
    qint64 orderId = 0;   // the order matched, 0 for none
    BillOutcome outcome = BillOutcome::Unknown;
};

// Where imported bill lines are kept; a line is known by (source, billNo, kind, refundNo).
class PaymentBillRepository
{
public:
    virtual ~PaymentBillRepository() = default;
    virtual std::optional<BillLine> find(const BillLine &key) const = 0;
    virtual void insert(const BillLine &line) = 0;
    virtual void updateOutcome(const BillLine &line) = 0; // its order and outcome
};

} // namespace MicroShop
