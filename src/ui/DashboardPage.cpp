#include "DashboardPage.h"

#include "ReportChart.h"

#include "Dates.h"
#include "ReportSource.h"
#include "ShopContext.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

// A tile's figure: this size when it fits, smaller down to the smallest for long sums.
constexpr int largestFigurePoints = 20;
constexpr int smallestFigurePoints = 10;

} // namespace

DashboardPage::DashboardPage(ShopContext &shop, QWidget *parent)
    : QWidget(parent)
    , m_shop(shop)
    , m_title(new QLabel(this))
    , m_date(new QLabel(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(this))
    , m_today(addTile("todayTile"))
    , m_month(addTile("monthTile"))
    , m_toShip(addTile("toShipTile"))
    , m_lowStock(addTile("lowStockTile"))
    , m_commissions(addTile("commissionsTile"))
    , m_chart(ReportChart::newView(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_title->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: bold;"));
    m_date->setObjectName(QStringLiteral("dateLabel"));
    m_status->setObjectName(QStringLiteral("updatingLabel"));
    m_status->setStyleSheet(QStringLiteral("color: #646a73;"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    m_chart->setObjectName(QStringLiteral("salesChart"));
    m_chart->setMinimumHeight(260);

    connect(m_today.button, &QPushButton::clicked, this,
            [this] { emit ordersRequested(QString(), Dates::today(), Dates::today()); });
    connect(m_month.button, &QPushButton::clicked, this, [this] {
        const QDate today = Dates::today();
        emit ordersRequested(QString(), QDate(today.year(), today.month(), 1), today);
    });
    connect(m_toShip.button, &QPushButton::clicked, this,
            [this] { emit ordersRequested(QStringLiteral("paid"), QDate(), QDate()); });
    connect(m_lowStock.button, &QPushButton::clicked, this, &DashboardPage::lowStockRequested);
    connect(m_commissions.button, &QPushButton::clicked, this,
            [this] { emit commissionsRequested(QStringLiteral("available")); });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_date, 0, Qt::AlignBottom);
    header->addStretch();
    header->addWidget(m_status);
    header->addWidget(m_refresh);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(12);
    int column = 0;
    for (const Tile *tile : {&m_today, &m_month, &m_toShip, &m_lowStock, &m_commissions})
        tiles->addWidget(tile->button, 0, column++);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addLayout(tiles);
    layout->addWidget(m_chart, 1);
    setStyleSheet(
        QStringLiteral("QPushButton[tile=\"true\"] { background: white; border: 1px solid #dcdfe3;"
                       " border-radius: 8px; text-align: left; }"
                       "QPushButton[tile=\"true\"]:hover { border-color: #07c160; }"
                       "QPushButton[tile=\"true\"]:focus { border: 2px solid #07c160; }"
                       "QLabel[role=\"caption\"] { color: #646a73; }"
                       "QLabel[role=\"figure\"] { font-weight: bold; color: #1f2329; }"
                       "QLabel[role=\"note\"] { color: #646a73; }"));
    connect(&m_watcher, &QFutureWatcher<BackgroundTask::Answer<Computed>>::finished, this,
            &DashboardPage::computed);
    retranslate();
}

DashboardPage::~DashboardPage()
{
    m_watcher.waitForFinished(); // it reads the shop, which may go next
}

DashboardPage::Tile DashboardPage::addTile(const char *name)
{
    Tile tile{new QPushButton(this), new QLabel, new QLabel, new QLabel};
    tile.button->setObjectName(QString::fromLatin1(name));
    tile.button->setProperty("tile", true);
    tile.button->setMinimumSize(170, 110);
    tile.button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    tile.button->setCursor(Qt::PointingHandCursor);
    auto *layout = new QVBoxLayout(tile.button);
    layout->setContentsMargins(14, 10, 14, 10);
    const std::pair<QLabel *, const char *> labels[] = {
        {tile.caption, "caption"}, {tile.figure, "figure"}, {tile.note, "note"}};
    for (const auto &[label, role] : labels) {
        label->setProperty("role", QString::fromLatin1(role));
        label->setObjectName(QString::fromLatin1(role));
        label->setAttribute(Qt::WA_TransparentForMouseEvents); // the button takes the click
        layout->addWidget(label);
    }
    return tile;
}

void DashboardPage::refresh()
{
    if (!m_shop.reports)
        return;
    m_updating = true;
    if (m_watcher.isRunning()) {
        m_refreshAgain = true; // something changed since these figures were asked for
        return;
    }
    m_status->setText(tr("Updating…"));
    m_status->setVisible(true);
    const QDate today = Dates::today();
    m_watcher.setFuture(BackgroundTask::compute<Computed>(m_shop, [today](ShopContext &own) {
        return Computed{own.reports->dashboard(today), today};
    }));
}

void DashboardPage::computed()
{
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
        return;
    }
    const auto answer = m_watcher.result();
    if (answer.problem.isEmpty()) {
        m_figures = answer.result.figures;
        m_day = answer.result.day;
        m_status->setVisible(false);
    } else {
        m_status->setText(tr("The figures could not be computed: %1").arg(answer.problem));
    }
    showFigures();
    m_updating = false;
    emit updated();
}

void DashboardPage::showFigures()
{
    const QString none = QStringLiteral("–");
    const DashboardFigures figures = m_figures.value_or(DashboardFigures{});
    const bool known = m_figures.has_value();
    m_date->setText(Dates::toText(known ? m_day : Dates::today()));
    m_today.figure->setText(known ? figures.todaySales.toString() : none);
    m_today.note->setText(known ? tr("%n order(s)", nullptr, int(figures.todayOrders)) : QString());
    m_month.figure->setText(known ? figures.monthSales.toString() : none);
    m_month.note->setText(known ? tr("%n order(s)", nullptr, int(figures.monthOrders)) : QString());
    m_toShip.figure->setText(known ? QString::number(figures.ordersToShip) : none);
    m_toShip.note->setText(tr("paid, waiting to ship"));
    m_lowStock.figure->setText(known ? QString::number(figures.lowStockProducts) : none);
    m_lowStock.note->setText(tr("to restock"));
    m_commissions.figure->setText(known ? figures.commissionsAvailable.toString() : none);
    m_commissions.note->setText(
        known ? tr("%n distributor(s) to pay", nullptr, int(figures.distributorsToPay))
              : QString());
    fitFigures();
    if (!known)
        return;

    // Days as "MM-dd" on the axis; the table keeps the whole date.
    ReportTable days = figures.lastDays;
    for (QStringList &row : days.rows)
        row[0] = row.at(0).mid(5);
    ReportChart::show(m_chart, {ReportChart::Kind::Bars,
                                days,
                                0,
                                {{4, tr("Net sales")}},
                                tr("Sales of the last 30 days")});
}

void DashboardPage::fitFigures()
{
    for (const Tile *tile : {&m_today, &m_month, &m_toShip, &m_lowStock, &m_commissions}) {
        QLabel *label = tile->figure;
        label->ensurePolished();
        const int room = label->contentsRect().width();
        int points = largestFigurePoints;
        QFont font = label->font();
        font.setBold(true);
        for (; points > smallestFigurePoints; --points) {
            font.setPointSize(points);
            if (QFontMetrics(font).horizontalAdvance(label->text()) <= room)
                break;
        }
        label->setStyleSheet(QStringLiteral("font-size: %1pt;").arg(points));
    }
}

void DashboardPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitFigures();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // what changed on the other pages shows on return
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslate()
{
    m_title->setText(tr("Dashboard"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("The figures again, as of now (F5)"));
    m_today.caption->setText(tr("Sales today"));
    m_month.caption->setText(tr("Sales this month"));
    m_toShip.caption->setText(tr("Orders to ship"));
    m_lowStock.caption->setText(tr("Low-stock products"));
    m_commissions.caption->setText(tr("Commissions to settle"));
    const QString opens = tr("Opens the %1 page, filtered to these.");
    m_today.button->setToolTip(opens.arg(tr("Orders")));
    m_month.button->setToolTip(opens.arg(tr("Orders")));
    m_toShip.button->setToolTip(opens.arg(tr("Orders")));
    m_lowStock.button->setToolTip(opens.arg(tr("Products")));
    m_commissions.button->setToolTip(opens.arg(tr("Commissions")));
    if (m_watcher.isRunning())
        m_status->setText(tr("Updating…"));
    showFigures();
}

} // namespace MicroShop
