#pragma once

#include <QDate>
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;

namespace MicroShop {

struct ShopContext;

// The first page a merchant sees (spec/product.md "Dashboard"): today's and this month's sales,
// orders to ship, low-stock products, commissions to settle and the last 30 days of sales. Each
// tile opens the page behind its figure, filtered to what it counts.
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(ShopContext &shop, QWidget *parent = nullptr);

    void refresh(); // the figures again, as of today
    QChartView *chartView() const { return m_chart; }

signals:
    void ordersRequested(const QString &status, QDate from, QDate to);
    void lowStockRequested();
    void commissionsRequested(const QString &state);

protected:
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
    Tile addTile(const char *name);
    void retranslate();

    ShopContext &m_shop;
    QLabel *m_title;
    QLabel *m_date;
    QPushButton *m_refresh;
    Tile m_today;
    Tile m_month;
    Tile m_toShip;
    Tile m_lowStock;
    Tile m_commissions;
    QChartView *m_chart;
};

} // namespace MicroShop
