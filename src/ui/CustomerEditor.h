#pragma once

#include "Customer.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// Creates or edits one customer: contact and WeChat fields, channel, tags, notes and several
// addresses (one the default). A new customer may be bound to a distributor; an existing one's
// binding changes only through Rebind.
class CustomerEditor final : public QDialog
{
    Q_OBJECT

public:
    CustomerEditor(ShopContext &shop, const Customer &customer, QWidget *parent = nullptr);

    const Customer &customer() const { return m_customer; }
    bool save();
    void addAddress(const Address &address = {}); // a row in the addresses table

private:
    void showCustomer(const Customer &customer); // the fields as the customer has them
    void pasteAddress(); // "Paste an address…": a new address row from a chat's text
    Customer fromFields(QStringList &problems) const;

    ShopContext &m_shop;
    Customer m_customer;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_wechat;
    QLineEdit *m_remark;
    QComboBox *m_channel;
    QLineEdit *m_tags;
    QLineEdit *m_distributor;
    QPlainTextEdit *m_notes;
    QTableWidget *m_addresses;
    QLabel *m_errors;
};

} // namespace MicroShop
