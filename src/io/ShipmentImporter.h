#pragma once

#include "Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace MicroShop {

class TableSource;
struct ShopContext;

// `import shipments FILE` and the desktop's tracking-number import (platforms.md "Shipping in
// batches"): reads `order_no,courier,tracking[,shipped_at]` (CSV or a workbook, as a stream),
// finds each order by MicroShop's number or a platform's, and ships every listed order through
// the order workflow, all in one transaction. Every bad cell is reported as FILE:LINE:COLUMN:
// message, and then nothing is shipped.
class ShipmentImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ShipmentImporter)

public:
    // One order the file ships, for a preview.
    struct Row
    {
        QString orderNo;  // MicroShop's number, whatever number the file gave
        QString receiver; // the customer's default address (what the shipment records)
        QString courier;  // a known courier's name, else the text of the file
        QString tracking;
        QDateTime shippedAt;
        int line = 0;
    };

    struct Report
    {
        QStringList errors; // FILE:LINE:COLUMN: message; nothing was shipped
        QList<Row> rows;    // Check mode: the good rows, in the file's order (Import keeps none,
                            // so a file of any length is shipped in the memory of one row)
        int shipped = 0;    // orders shipped (0 in Check mode and with errors)
        bool ok() const { return errors.isEmpty(); }
    };

    // Check: read and check everything, write nothing (the dialog's preview).
    enum class Mode { Import, Check };

    explicit ShipmentImporter(ShopContext &shop)
        : m_shop(shop)
    {}

    // Told of every hundred rows read (the total unknown: -1); false cancels (throws Cancelled,
    // nothing kept).
    void setProgress(ProgressCallback progress) { m_progress = std::move(progress); }

    Report import(TableSource &source, const QString &fileName, Mode mode = Mode::Import);
    // Opens the file (CSV or .xlsx, told by its content); messages name it as `path`.
    Report importFile(const QString &path, Mode mode = Mode::Import);

    // The tracking file's columns (shipped_at optional).
    static QStringList columns();

private:
    ShopContext &m_shop;
    ProgressCallback m_progress;
};

} // namespace MicroShop
