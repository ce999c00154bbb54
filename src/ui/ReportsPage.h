#pragma once

#include "ReportCatalog.h"
#include "ReportChart.h"
#include "ReportTable.h"

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTextDocument;

namespace MicroShop {

struct ShopContext;

// The report center (spec/product.md "Reports"): every report of the ReportCatalog (sales over
// time and by channel, products, customers, distributors, commissions ...) with the inputs its
// descriptor names, as a chart over its table, printed, or saved as PDF, CSV, an Excel workbook or PNG. The figures
// are the command line's: the same descriptors compute them.
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportsPage(ShopContext &shop, QWidget *parent = nullptr);

    // Shows ReportCatalog's report of that index, or of that (untranslated) label, when the
    // signed-in role may read it (ReportCatalog::mayRead; the page lists only those).
    void showReport(int index);
    void showReport(const char *label);
    void setRange(QDate from, QDate to);
    // As computed, spec/cli.md's columns, less the cost columns for a role without costs.
    const ReportTable &table() const { return m_table; }
    QString title() const;
    QString subtitle() const; // the shop and the range

    // What the buttons do once a file is chosen; false, with a message box, when it cannot.
    bool saveTable(const QString &fileName); // CSV, or an Excel workbook for a .xlsx name
    bool savePdf(const QString &fileName);
    bool savePng(const QString &fileName);
    std::unique_ptr<QTextDocument> document(); // the printed sheet

public slots:
    void refresh();
    void printPreview();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    const ReportDescriptor &currentReport() const;
    // What the inputs ask for, read on the UI thread; *problem says what to fix, if anything.
    ReportRequest request(QString *problem) const;
    ReportChart::Drawing drawing() const;
    void computeAndShow();
    void showTable();
    void updateOptions();
    void applyQuickRange(int index);
    void retranslate();
    void chooseFile(const QString &caption, const QString &filter, const QString &suffix,
                    bool (ReportsPage::*save)(const QString &));

    ShopContext &m_shop;
    QLabel *m_title;
    QComboBox *m_report;
    QComboBox *m_quickRange;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_periodLabel;
    QComboBox *m_period;
    QLineEdit *m_distributor;
    QCheckBox *m_team;
    QLabel *m_countLabel;
    QSpinBox *m_count;
    QLabel *m_problem;
    QWidget *m_chart; // ReportChart::newView
    QTableView *m_view;
    QStandardItemModel *m_model;
    QPushButton *m_print;
    QPushButton *m_pdf;
    QPushButton *m_csv;
    QPushButton *m_png;
    ReportTable m_table;
    bool m_shown = false;
    bool m_computing = false;    // a report is being computed
    bool m_computeAgain = false; // and something changed meanwhile
};

} // namespace MicroShop
