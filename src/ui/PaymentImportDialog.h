#pragma once

#include "PaymentImporter.h"
#include "ReportTable.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// A WeChat Pay bill (the merchant bill or a person's bill; CSV or Excel) reconciled with the
// orders (platforms.md "Payment bills"): imports it all or nothing, off the UI thread, says what
// matched, was applied, differs or is unknown, or every problem as FILE:LINE:COLUMN when nothing
// was imported, then lists the reconciliation of the bill's days. A personal bill's income is
// never applied alone: each of its candidates (a pending order of the same amount within three
// days) has a Confirm button, and only that click pays the order.
class PaymentImportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { Kind, OrderNo, PlatformNo, BillNo, Amount, OrderAmount, Action, ColumnCount };

    explicit PaymentImportDialog(ShopContext &shop, QWidget *parent = nullptr);

    void openFile(const QString &path); // what Browse… does once a file is chosen
    // The bill chosen in the Bill box: nullopt detects it from the file's header.
    void setSource(std::optional<BillSource> source);
    bool importNow(); // what Import does; true when imported
    // What a candidate's Confirm button does; true when the order was paid.
    bool confirmCandidate(const QString &billNo, const QString &orderNo);
    const PaymentImporter::Report &report() const { return m_report; }
    bool changedShop() const { return m_imported || m_confirmed > 0; }

private:
    void browse();
    void showReconciliation();
    void addRow(const QStringList &values);
    void updateState();
    void showProblem(const QString &text);

    ShopContext &m_shop;
    QString m_path;
    bool m_imported = false;
    int m_confirmed = 0;
    PaymentImporter::Report m_report;
    QLineEdit *m_fileEdit;
    QComboBox *m_sourceCombo;
    QLabel *m_statusLabel;
    QPlainTextEdit *m_messages;
    QLabel *m_tableLabel;
    QTableWidget *m_table;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
};

} // namespace MicroShop
