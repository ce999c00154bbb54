#pragma once

#include "ActionDialog.h"
#include "Distributor.h"

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace MicroShop {

struct ShopContext;

// Adds a distributor under an upline, or edits one (its upline changes only by a move).
class DistributorEditor final : public ActionDialog
{
    Q_OBJECT

public:
    DistributorEditor(ShopContext &shop, const Distributor &distributor, QWidget *parent = nullptr);
    const Distributor &distributor() const { return m_distributor; }
    bool apply() override;

private:
    void showDistributor(const Distributor &distributor); // the fields as it has them
    ShopContext &m_shop;
    Distributor m_distributor;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    QLineEdit *m_wechat;
    QComboBox *m_status;
    QDateEdit *m_joined;
    QLineEdit *m_upline;
    QPlainTextEdit *m_notes;
};

} // namespace MicroShop
