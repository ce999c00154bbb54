#pragma once

#include "ReportChart.h"
#include "ReportTable.h"

#include <QDate>
#include <QWidget>

class QChartView;
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

class ReportSource;
struct ShopContext;

// The report center (spec/product.md "Reports"): sales over time and by channel, products,
// customers, distributors and commissions for a date range, each as a chart over its table, and
// printed, or saved as PDF, CSV or PNG. The figures come from the ReportSource, the same as the
// command line's.
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    enum class Report {
        SalesOverTime,
        SalesByChannel,
        BestSellers,
        ProductMargins,
        StockValue,
        TopCustomers,
        RepeatBuyers,
        LapsedCustomers,
        Distributors,
        Commissions,
    };

    explicit ReportsPage(ShopContext &shop, QWidget *parent = nullptr);

    void showReport(Report report);
    void setRange(QDate from, QDate to);
    const ReportTable &table() const { return m_table; } // as computed, spec/cli.md's columns
    QString title() const;
    QString subtitle() const; // the shop and the range

    // What the buttons do once a file is chosen; false, with a message box, when it cannot.
    bool saveCsv(const QString &fileName);
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
    // What the options ask for, read on the UI thread; *problem says what to fix, if anything.
    struct Choice
    {
        Report report;
        QDate from;
        QDate to;
        int period; // ReportSource::Period
        qint64 distributorId;
        bool team;
        int count; // top N, or days
    };
    Report currentReport() const;
    Choice choice(QString *problem) const;
    static ReportTable compute(ReportSource &reports, const Choice &choice);
    QChart *makeChart() const;
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
    QChartView *m_chart;
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
