#pragma once

#include "BackgroundTask.h"
#include "ReportSource.h"

#include <QDate>
#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace MicroShop {

struct ShopContext;

// The first page a merchant sees (spec/product.md "Dashboard"): today's and this month's sales,
// orders to ship, low-stock products, commissions to settle and the last 30 days of sales. Each
// tile opens the page behind its figure, filtered to what it counts. The figures are computed off
// the UI thread on a connection of their own (about five seconds at spec/product.md's scale): the
// page shows the figures it had, or dashes, with "Updating…" until they come.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(ShopContext &shop, QWidget *parent = nullptr);
    ~DashboardPage() override;

    void refresh(); // the figures again, as of today, once computed
    bool isUpdating() const { return m_updating; }
    QWidget *chartView() const { return m_chart; } // a QChartView (ReportChart::newView)

signals:
    void updated(); // the figures of the last refresh() are shown
    void ordersRequested(const QString &status, QDate from, QDate to);
    void lowStockRequested();
    void commissionsRequested(const QString &state);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Tile
    {
        QPushButton *button;
        QLabel *caption;
        QLabel *figure;
        QLabel *note;
    };
    struct Computed
    {
        DashboardFigures figures;
        QDate day;
    };
    Tile addTile(const char *name);
    void retranslate();
    void computed();
    void showFigures();
    void fitFigures(); // big sums in a smaller font rather than cut off

    ShopContext &m_shop;
    QLabel *m_title;
    QLabel *m_date;
    QLabel *m_status;
    QPushButton *m_refresh;
    Tile m_today;
    Tile m_month;
    Tile m_toShip;
    Tile m_lowStock;
    Tile m_commissions;
    QWidget *m_chart;
    QFutureWatcher<BackgroundTask::Answer<Computed>> m_watcher;
    bool m_updating = false;     // figures asked for and not shown yet
    bool m_refreshAgain = false; // refresh() came while computing
    std::optional<DashboardFigures> m_figures;
    QDate m_day; // m_figures's
};

} // namespace MicroShop
