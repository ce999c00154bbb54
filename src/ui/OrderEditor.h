#pragma once

#include "Order.h"
#include "OrderWorkflow.h"

#include <QDialog>
#include <QHash>

class QCompleter;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStringListModel;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// Creates an order, or edits one awaiting payment: the customer picked by name, phone or WeChat
// with completion, the distributor defaulted from the customer, lines added by SKU, barcode
// scanner or product search, discounts, shipping fee, and the totals as they are typed.
class OrderEditor final : public QDialog
{
    Q_OBJECT

public:
    // order.id == 0: a new order.
    OrderEditor(ShopContext &shop, const Order &order, QWidget *parent = nullptr);

    const Order &order() const { return m_order; }
    bool save();
    bool addProduct(const QString &skuOrBarcode);   // what Enter in the SKU field does
    bool chooseCustomer(const QString &completion); // what picking a completion does

private:
    void showOrder(const Order &order); // the fields and lines as the order has them
    // "Paste an address…": the customer with the pasted phone (the address added as its usual
    // one when new), or a new customer made of the pasted receiver, phone and address.
    void pasteAddress();
    void searchCustomers(const QString &text);
    void searchProducts(const QString &text);
    void addLine(const Product &product, qint64 quantity, Money unitPrice, Money discount);
    void recompute();
    std::optional<OrderDraft> draft(QStringList &problems) const;

    ShopContext &m_shop;
    Order m_order;
    qint64 m_customerId = 0;
    QLineEdit *m_number;
    QDateTimeEdit *m_date;
    QLineEdit *m_customer;
    QStringListModel *m_customerCompletions;
    QHash<QString, qint64> m_customerIds; // completion text -> id
    QLabel *m_customerInfo;
    QLineEdit *m_distributor;
    QLineEdit *m_sku;
    QStringListModel *m_productCompletions;
    QTableWidget *m_lines;
    QList<qint64> m_lineProducts; // product id of each row
    QLineEdit *m_shipping;
    QPlainTextEdit *m_notes;
    QLabel *m_totals;
    QLabel *m_errors;
    bool m_recomputing = false;
};

} // namespace MicroShop
