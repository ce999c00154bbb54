#include "PaymentBillReader.h"

#include "ImportSheet.h"
#include "PlatformCells.h"
#include "TableFile.h"

#include <algorithm>

namespace MicroShop {

namespace {

// The merchant bill's columns (platforms.md); older accounts say 总金额 for 应结订单金额.
const QString merchantTime = QString::fromUtf16(u"交易时间");
const QString merchantBillNo = QString::fromUtf16(u"微信订单号");
const QString merchantOrderNo = QString::fromUtf16(u"商户订单号");
const QString merchantStatus = QString::fromUtf16(u"交易状态");
const QString merchantCurrency = QString::fromUtf16(u"货币种类");
const QString merchantAmount = QString::fromUtf16(u"应结订单金额");
const QString merchantOldAmount = QString::fromUtf16(u"总金额");
const QString merchantRefundNo = QString::fromUtf16(u"微信退款单号");
const QString merchantRefundAmount = QString::fromUtf16(u"退款金额");
const QString merchantSummary = QString::fromUtf16(u"总交易单数");

// The personal bill's columns.
const QString personalTime = QString::fromUtf16(u"交易时间");
const QString personalCounterparty = QString::fromUtf16(u"交易对方");
const QString personalDirection = QString::fromUtf16(u"收/支");
const QString personalAmount = QString::fromUtf16(u"金额(元)");
const QString personalStatus = QString::fromUtf16(u"当前状态");
const QString personalBillNo = QString::fromUtf16(u"交易单号");
const QString personalOrderNo = QString::fromUtf16(u"商户单号");
const QString personalIncome = QString::fromUtf16(u"收入");

QStringList cleanedFields(const QStringList &fields)
{
    QStringList cleaned;
    for (const QString &field : fields)
        cleaned.append(PlatformCells::clean(field));
    return cleaned;
}

bool hasAll(const QStringList &header, const QStringList &names)
{
    for (const QString &name : names) {
        if (!header.contains(name))
            return false;
    }
    return true;
}

} // namespace

QStringList PaymentBillReader::merchantColumns()
{
    return {merchantTime, merchantBillNo, merchantOrderNo, merchantStatus};
}

QStringList PaymentBillReader::personalColumns()
{
    return {personalTime, personalBillNo, personalDirection, personalAmount};
}

// The header is the first line that has a bill's columns: line 1 of a merchant bill, after the
// preamble of a personal one. The rows after it are kept cleaned, with their own line numbers.
bool PaymentBillReader::findHeader(const TableFile &table, std::optional<BillSource> wanted)
{
    QList<CsvRecord> lines = {{table.header, 1}};
    lines += table.records;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringList header = cleanedFields(lines.at(i).fields);
        std::optional<BillSource> found;
        if (hasAll(header, merchantColumns()))
            found = BillSource::WeChat;
        else if (hasAll(header, personalColumns()))
            found = BillSource::WeChatPersonal;
        if (!found || (wanted && *wanted != *found))
            continue;
        m_source = found;
        mapColumns(header);
        for (qsizetype j = i + 1; j < lines.size(); ++j)
            m_rows.append({cleanedFields(lines.at(j).fields), lines.at(j).line});
        return true;
    }
    if (wanted)
        m_sheet.error(
            1, 1,
            tr("this is not a %1: no line of it has the columns %2.")
                .arg(BillCodes::displayName(*wanted),
                     (*wanted == BillSource::WeChat ? merchantColumns() : personalColumns())
                         .join(QStringLiteral(", "))));
    else
        m_sheet.error(1, 1,
                      tr("this is neither a WeChat Pay merchant bill (a header with %1) nor a "
                         "WeChat personal bill (a header with %2).")
                          .arg(merchantColumns().join(QStringLiteral(", ")),
                               personalColumns().join(QStringLiteral(", "))));
    return false;
}

void PaymentBillReader::mapColumns(const QStringList &header)
{
    for (int i = 0; i < header.size(); ++i) {
        if (!header.at(i).isEmpty() && !m_sheet.has(header.at(i)))
            m_sheet.useColumn(header.at(i), i);
    }
}

QList<PaymentBillReader::Read> PaymentBillReader::read(const TableFile &table,
                                                       std::optional<BillSource> source)
{
    QList<Read> result;
    if (!findHeader(table, source))
        return result;
    const bool merchant = m_source == BillSource::WeChat;
    if (merchant && !m_sheet.has(merchantAmount) && !m_sheet.has(merchantOldAmount))
        m_sheet.error(1, 1,
                      tr("the bill has no amount column: %1 (or %2 in older bills).")
                          .arg(merchantAmount, merchantOldAmount));
    if (m_sheet.errorCount() > 0)
        return result;
    for (const CsvRecord &record : std::as_const(m_rows)) {
        const QString first = record.fields.value(0);
        if (merchant && first.startsWith(merchantSummary))
            break; // the summary: its header and its one row close the bill
        if (std::all_of(record.fields.cbegin(), record.fields.cend(),
                        [](const QString &field) { return field.isEmpty(); }))
            continue;
        const auto line = merchant ? merchantLine(record) : personalLine(record);
        if (line)
            result.append({*line, record});
    }
    return result;
}

std::optional<BillLine> PaymentBillReader::merchantLine(const CsvRecord &record)
{
    BillLine line;
    line.source = BillSource::WeChat;
    bool good = readTime(record, merchantTime, line);
    line.billNo = m_sheet.text(record, merchantBillNo);
    line.merchantOrderNo = m_sheet.text(record, merchantOrderNo);
    if (line.billNo.isEmpty()) {
        m_sheet.error(record, merchantBillNo, tr("the line has no %1.").arg(merchantBillNo));
        good = false;
    }
    const QString currency = m_sheet.text(record, merchantCurrency);
    if (!currency.isEmpty() && currency.compare(QStringLiteral("CNY"), Qt::CaseInsensitive) != 0) {
        m_sheet.error(
            record, merchantCurrency,
            tr("the line is in %1: MicroShop keeps its money in CNY (人民币) only.").arg(currency));
        good = false;
    }
    line.status = m_sheet.text(record, merchantStatus);
    if (line.status == u"SUCCESS") {
        line.kind = BillLineKind::Payment;
        good = readAmount(record, m_sheet.has(merchantAmount) ? merchantAmount : merchantOldAmount,
                          line)
               && good;
    } else if (line.status == u"REFUND") {
        line.kind = BillLineKind::Refund;
        line.refundNo = m_sheet.text(record, merchantRefundNo);
        good = readAmount(record, merchantRefundAmount, line) && good;
    } else {
        m_sheet.error(record, merchantStatus,
                      tr("%1 is SUCCESS or REFUND, not \"%2\".").arg(merchantStatus, line.status));
        good = false;
    }
    return good ? std::optional<BillLine>(line) : std::nullopt;
}

// Only incomes are kept: a personal bill's expenses and transfers (支出, neutral) are not sales.
std::optional<BillLine> PaymentBillReader::personalLine(const CsvRecord &record)
{
    if (m_sheet.text(record, personalDirection) != personalIncome)
        return std::nullopt;
    BillLine line;
    line.source = BillSource::WeChatPersonal;
    line.kind = BillLineKind::Payment;
    bool good = readTime(record, personalTime, line);
    good = readAmount(record, personalAmount, line) && good;
    line.billNo = m_sheet.text(record, personalBillNo);
    if (line.billNo.isEmpty()) {
        m_sheet.error(record, personalBillNo, tr("the line has no %1.").arg(personalBillNo));
        good = false;
    }
    line.merchantOrderNo = m_sheet.text(record, personalOrderNo);
    line.status = m_sheet.text(record, personalStatus);
    line.counterparty = m_sheet.text(record, personalCounterparty);
    return good ? std::optional<BillLine>(line) : std::nullopt;
}

bool PaymentBillReader::readTime(const CsvRecord &record, const QString &column, BillLine &line)
{
    QString why;
    const auto at = PlatformCells::dateTime(m_sheet.text(record, column), &why);
    if (!at) {
        m_sheet.error(record, column, QStringLiteral("%1: %2").arg(column, why));
        return false;
    }
    line.at = *at;
    return true;
}

bool PaymentBillReader::readAmount(const CsvRecord &record, const QString &column, BillLine &line)
{
    QString why;
    const auto amount = PlatformCells::amount(m_sheet.text(record, column), &why);
    if (!amount || amount->isNegative()) {
        m_sheet.error(
            record, column,
            amount ? tr("%1 cannot be negative (%2).").arg(column, m_sheet.text(record, column))
                   : QStringLiteral("%1: %2").arg(column, why));
        return false;
    }
    line.amount = *amount;
    return true;
}

} // namespace MicroShop
