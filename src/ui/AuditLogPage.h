#pragma once

#include "ListPage.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace MicroShop {

class AuditLogModel;
struct ShopContext;

// The Audit log page: who changed what and when, old -> new, filtered by person, kind of change
// and days, newest first, with its rows exported as shown (CSV or an Excel workbook).
class AuditLogPage final : public ListPage
{
    Q_OBJECT

public:
    explicit AuditLogPage(ShopContext &shop, QWidget *parent = nullptr);

    // Writes the rows the filters and search show, in the list's order, in `audit`'s columns
    // (time,user,kind,subject,details): CSV, or a workbook when the name ends in .xlsx. Off the
    // UI thread with progress and Cancel; false when cancelled or failed (*message: why).
    bool exportTo(const QString &file, QString *message = nullptr);

signals:
    void statusMessage(const QString &text);

protected:
    void showDetails(qint64 id) override;
    void retranslate() override;

private:
    void fillFilters();
    void applyDateFilter();
    void chooseExportFile();

    ShopContext &m_shop;
    AuditLogModel *m_log;
    QLineEdit *m_userFilter;
    QComboBox *m_kindFilter;
    QCheckBox *m_dateFilterCheck;
    QDateEdit *m_fromDate;
    QDateEdit *m_toDate;
    QLabel *m_details;
};

} // namespace MicroShop
