#pragma once

#include "PaymentBill.h"
#include "PaymentReconciler.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace MicroShop {

struct ShopContext;
struct TableFile;

// `import payments FILE`: reads a WeChat bill (PaymentBillReader), reports every bad cell as
// FILE:LINE:COLUMN: message, and only when there is none reconciles every line with the orders
// (PaymentReconciler) in one transaction: all of it, or nothing when a line cannot be applied.
class PaymentImporter final
{
    Q_DECLARE_TR_FUNCTIONS(PaymentImporter)

public:
    struct Report
    {
        QStringList errors; // FILE:LINE:COLUMN: message; nothing was imported
        std::optional<BillSource> source;
        PaymentReconciler::Counts counts;
        int lines = 0;  // bill lines read (a personal bill's incomes only)
        QDate firstDay; // the days of the first and the last line's time: the bill's range
        QDate lastDay;
        bool ok() const { return errors.isEmpty(); }
    };

    explicit PaymentImporter(ShopContext &shop)
        : m_shop(shop)
    {}

    // source: nullopt finds it from the file's header.
    Report import(const TableFile &table, const QString &fileName,
                  std::optional<BillSource> source = std::nullopt);

private:
    ShopContext &m_shop;
};

} // namespace MicroShop
