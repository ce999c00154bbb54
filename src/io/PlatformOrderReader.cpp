#include "PlatformOrderReader.h"

#include "CsvReader.h"
#include "ImportSheet.h"
#include "PlatformCells.h"

#include <QSet>

namespace MicroShop {

PlatformOrderReader::PlatformOrderReader(const PlatformFormat &format, ImportSheet &sheet)
    : m_format(format)
    , m_sheet(sheet)
{}

void PlatformOrderReader::mapHeader(const QStringList &header)
{
    for (const PlatformFormat::Column &column : m_format.columns) {
        for (const QString &name : column.names) {
            // A name written twice (Youzan's 分销员): the first is the one.
            const int index = int(header.indexOf(name));
            if (index < 0)
                continue;
            m_columns.insert(int(column.field), name);
            m_sheet.useColumn(name, index);
            break;
        }
    }
    QStringList missing;
    for (const PlatformField field : m_format.required) {
        if (!m_columns.contains(int(field)))
            missing.append(m_format.namesOf(field).join(QStringLiteral(" | ")));
    }
    if (!missing.isEmpty())
        m_sheet.error(1, 1,
                      tr("this is not a %1 order export as MicroShop knows it: the columns %2 are "
                         "missing.")
                          .arg(Platforms::displayName(m_format.platform),
                               missing.join(QStringLiteral(", "))));
}

QString PlatformOrderReader::text(const CsvRecord &record, PlatformField field) const
{
    const QString name = column(field);
    return name.isEmpty() ? QString() : m_sheet.text(record, name);
}

std::optional<Money> PlatformOrderReader::amount(const CsvRecord &record, PlatformField field)
{
    const QString cell = text(record, field);
    if (cell.isEmpty())
        return std::nullopt;
    QString why;
    auto value = PlatformCells::amount(cell, &why);
    if (!value || value->isNegative()) {
        m_sheet.error(record, column(field),
                      value ? tr("%1 cannot be negative (%2).").arg(column(field), cell)
                            : QStringLiteral("%1: %2").arg(column(field), why));
        return std::nullopt;
    }
    return value;
}

std::optional<QDateTime> PlatformOrderReader::time(const CsvRecord &record, PlatformField field)
{
    const QString cell = text(record, field);
    if (cell.isEmpty())
        return std::nullopt;
    QString why;
    auto value = PlatformCells::dateTime(cell, &why);
    if (!value)
        m_sheet.error(record, column(field), QStringLiteral("%1: %2").arg(column(field), why));
    return value;
}

PlatformOrder PlatformOrderReader::order(const QList<CsvRecord> &rows)
{
    PlatformOrder result = readOrder(rows.constFirst());
    for (const CsvRecord &row : rows) {
        if (&row != &rows.constFirst())
            checkSameBuyer(result, row);
        if (auto item = readItem(row))
            result.items.append(*item);
    }
    return result;
}

PlatformOrder PlatformOrderReader::readOrder(const CsvRecord &record)
{
    PlatformOrder order;
    order.record = &record;
    order.platformNo = text(record, PlatformField::OrderNo);
    if (const auto created = time(record, PlatformField::CreatedAt))
        order.createdAt = *created;
    else if (text(record, PlatformField::CreatedAt).isEmpty())
        m_sheet.error(record, column(PlatformField::CreatedAt),
                      tr("the time the order was placed is empty."));
    order.paidAt = time(record, PlatformField::PaidAt);
    order.shippedAt = time(record, PlatformField::ShippedAt);
    order.completedAt = time(record, PlatformField::CompletedAt);
    readStatus(record, order);
    order.buyerAccount = text(record, PlatformField::BuyerAccount);
    readReceiver(record, order);
    order.goodsTotal = amount(record, PlatformField::GoodsTotal);
    order.shippingFee = amount(record, PlatformField::ShippingFee);
    order.paidAmount = amount(record, PlatformField::PaidAmount);
    order.courier = text(record, PlatformField::Courier);
    order.tracking = text(record, PlatformField::Tracking);
    order.distributorName = text(record, PlatformField::DistributorName);
    order.distributorPhone = PlatformCells::phone(text(record, PlatformField::DistributorPhone));
    return order;
}

void PlatformOrderReader::readStatus(const CsvRecord &record, PlatformOrder &order)
{
    const QString word = text(record, PlatformField::Status);
    const auto status = PlatformFormats::status(word);
    if (!status) {
        m_sheet.error(record, column(PlatformField::Status),
                      tr("unknown order status \"%1\": the statuses known are %2.")
                          .arg(word, PlatformFormats::statusWords().join(QStringLiteral(", "))));
        return;
    }
    order.status = *status;
    // platforms.md: a paid order closed after payment is a full refund.
    if (order.status == OrderStatus::Cancelled && order.paidAt)
        order.status = OrderStatus::Refunded;
    const QString afterSale = text(record, PlatformField::AfterSale);
    const auto refunded = PlatformFormats::refunded(afterSale);
    if (!refunded)
        m_sheet.error(record, column(PlatformField::AfterSale),
                      tr("unknown after-sale status \"%1\": MicroShop knows 退款成功 and 已退款 "
                         "(refunded), 无售后或售后取消 and an empty cell (none).")
                          .arg(afterSale));
    else if (*refunded)
        order.status = OrderStatus::Refunded;
}

void PlatformOrderReader::readReceiver(const CsvRecord &record, PlatformOrder &order) const
{
    Address &address = order.receiver;
    address.receiver = text(record, PlatformField::Receiver);
    address.phone = PlatformCells::phone(text(record, PlatformField::Phone));
    address.province = text(record, PlatformField::Province);
    address.city = text(record, PlatformField::City);
    address.district = text(record, PlatformField::District);
    address.detail = text(record, PlatformField::Detail);
    const QString whole = text(record, PlatformField::FullAddress);
    if (!whole.isEmpty()) {
        // Taobao: 浙江省 杭州市 西湖区 文三路1号 in one cell.
        QStringList parts = whole.split(u' ', Qt::SkipEmptyParts);
        if (parts.size() >= 3) {
            address.province = parts.takeFirst();
            address.city = parts.takeFirst();
            address.district = parts.takeFirst();
        }
        address.detail = parts.join(u' ');
    }
    address.isDefault = true;
}

void PlatformOrderReader::checkSameBuyer(const PlatformOrder &order, const CsvRecord &record)
{
    const bool byAccount = !column(PlatformField::BuyerAccount).isEmpty();
    const PlatformField field = byAccount ? PlatformField::BuyerAccount : PlatformField::Receiver;
    const QString first = byAccount ? order.buyerAccount : order.receiver.receiver;
    const QString here = text(record, field);
    const QString phone = PlatformCells::phone(text(record, PlatformField::Phone));
    if (here != first || (!byAccount && phone != order.receiver.phone))
        m_sheet.error(record,
                      column(field).isEmpty() ? column(PlatformField::OrderNo) : column(field),
                      tr("the order %1 appears with two buyers: \"%2\" on line %3 and \"%4\" "
                         "here.")
                          .arg(order.platformNo, first)
                          .arg(order.record->line)
                          .arg(here));
}

std::optional<PlatformItem> PlatformOrderReader::readItem(const CsvRecord &record)
{
    PlatformItem item;
    item.record = &record;
    item.code = text(record, PlatformField::ItemCode);
    item.specCode = text(record, PlatformField::SpecCode);
    item.name = text(record, PlatformField::ItemName);
    item.spec = text(record, PlatformField::Spec);
    if (item.name.isEmpty() && item.code.isEmpty() && item.specCode.isEmpty())
        return std::nullopt;
    const QString quantity = text(record, PlatformField::Quantity);
    bool ok = false;
    item.quantity = quantity.toLongLong(&ok);
    if (!ok || item.quantity < 1 || quantity.startsWith(u'+')) {
        m_sheet.error(record, column(PlatformField::Quantity),
                      tr("%1 must be a whole number of at least 1, not \"%2\".")
                          .arg(column(PlatformField::Quantity), quantity));
        return std::nullopt;
    }
    if (!column(PlatformField::UnitPrice).isEmpty()) {
        item.unitPrice = amount(record, PlatformField::UnitPrice);
        if (!item.unitPrice) {
            if (text(record, PlatformField::UnitPrice).isEmpty())
                m_sheet.error(record, column(PlatformField::UnitPrice),
                              tr("the item's price is empty."));
            return std::nullopt;
        }
    }
    return item;
}

} // namespace MicroShop
