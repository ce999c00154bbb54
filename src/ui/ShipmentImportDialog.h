#pragma once

#include "ShipmentImporter.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// The tracking numbers back from a courier's batch tool (platforms.md "Shipping in batches";
// `order_no,courier,tracking[,shipped_at]`, CSV or Excel): checks the whole file first and shows
// the orders it will ship (order, receiver, courier, tracking) or every problem as
// FILE:LINE:COLUMN; "Ship N orders" then ships them all through the order workflow, off the UI
// thread, in one transaction (all or nothing).
class ShipmentImportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { OrderNo, Receiver, Courier, Tracking, ShippedAt, ColumnCount };

    explicit ShipmentImportDialog(ShopContext &shop, QWidget *parent = nullptr);

    // What Browse… does once a file is chosen: checks it and shows the preview or the problems.
    void openFile(const QString &path);
    bool shipNow(); // what "Ship N orders" does; true when shipped
    const ShipmentImporter::Report &report() const { return m_report; }
    bool changedShop() const { return m_shipped; }

private:
    void browse();
    ShipmentImporter::Report run(ShipmentImporter::Mode mode);
    void fillPreview();
    void updateState();

    ShopContext &m_shop;
    QString m_path;
    bool m_shipped = false;
    ShipmentImporter::Report m_report;
    QLineEdit *m_fileEdit;
    QLabel *m_statusLabel;
    QPlainTextEdit *m_messages;
    QTableWidget *m_table;
    QDialogButtonBox *m_buttons;
    QPushButton *m_shipButton;
};

} // namespace MicroShop
