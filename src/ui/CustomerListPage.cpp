#include "CustomerListPage.h"

#include "CustomerEditor.h"

#include "CustomerListModel.h"
#include "OrderListModel.h"

#include "CustomerService.h"
#include "Dates.h"
#include "Error.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace MicroShop {

CustomerListPage::CustomerListPage(ShopContext &shop, QWidget *parent)
    : ListPage(new CustomerListModel(shop.lists(ListKind::Customers)), parent)
    , m_shop(shop)
    , m_customers(static_cast<CustomerListModel *>(model()))
    , m_history(new OrderListModel(shop.lists(ListKind::Orders), this))
    , m_channelFilter(new QComboBox(this))
    , m_distributorFilter(new QLineEdit(this))
    , m_notBoughtCheck(new QCheckBox(this))
    , m_notBoughtDays(new QSpinBox(this))
    , m_details(new QLabel(this))
    , m_historyView(new QTableView(this))
{
    setObjectName(QStringLiteral("customerListPage"));
    setTitle([] { return tr("Customers"); });
    setSearchPlaceholder([] { return tr("Search name, phone, WeChat ID or remark"); });
    m_channelFilter->setObjectName(QStringLiteral("channelFilter"));
    m_distributorFilter->setObjectName(QStringLiteral("distributorFilter"));
    m_distributorFilter->setMaximumWidth(130);
    m_notBoughtCheck->setObjectName(QStringLiteral("notBoughtCheck"));
    m_notBoughtDays->setObjectName(QStringLiteral("notBoughtDays"));
    m_notBoughtDays->setRange(1, 3650);
    m_notBoughtDays->setValue(30);
    addFilter(m_channelFilter);
    addFilter(m_distributorFilter);
    addFilter(m_notBoughtCheck);
    addFilter(m_notBoughtDays);
    fillFilters();
    connect(m_channelFilter, &QComboBox::activated, this, [this] {
        m_customers->setFilter(QStringLiteral("channel"), m_channelFilter->currentData());
    });
    connect(m_distributorFilter, &QLineEdit::textChanged, this, [this](const QString &code) {
        m_customers->setFilter(QStringLiteral("distributor"), code.trimmed());
    });
    connect(m_notBoughtCheck, &QCheckBox::toggled, this, &CustomerListPage::applyNotBoughtFilter);
    connect(m_notBoughtDays, &QSpinBox::valueChanged, this,
            &CustomerListPage::applyNotBoughtFilter);
    // Not when the signed-in role may not edit (the window hides the button: MainWindow).
    connect(view(), &QTableView::doubleClicked, this, [this] {
        const auto *edit = findChild<QPushButton *>(QStringLiteral("editButton"));
        if (edit && !edit->isHidden())
            editCustomer();
    });
    view()->setColumnWidth(CustomerListModel::Phone, 110);

    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setSortingEnabled(true);
    m_historyView->sortByColumn(OrderListModel::Date, Qt::DescendingOrder);
    for (const int column : {int(OrderListModel::Customer), int(OrderListModel::Phone),
                             int(OrderListModel::Distributor), int(OrderListModel::Goods),
                             int(OrderListModel::Shipping), int(OrderListModel::Tracking)})
        m_historyView->hideColumn(column);
    detailsLayout()->addWidget(m_details);
    detailsLayout()->addWidget(m_historyView, 1);

    addActionButton(
        QStringLiteral("newButton"), [] { return tr("&New customer"); }, QKeySequence::New,
        [this] { newCustomer(); }, false);
    addActionButton(
        QStringLiteral("editButton"), [] { return tr("&Edit…"); },
        QKeySequence(Qt::CTRL | Qt::Key_E), [this] { editCustomer(); }, true);
    addActionButton(
        QStringLiteral("deleteButton"), [] { return tr("&Delete"); }, QKeySequence::Delete,
        [this] { deleteCustomer(); }, true);
    addActionButton(
        QStringLiteral("rebindButton"), [] { return tr("Re&bind…"); },
        QKeySequence(Qt::CTRL | Qt::Key_B), [this] { rebindCustomer(); }, true);
    addImportExportActions();
    showDetails(0);
}

void CustomerListPage::fillFilters()
{
    const QVariant channel = m_channelFilter->currentData();
    m_channelFilter->clear();
    m_channelFilter->addItem(tr("All channels"), QVariant());
    for (const Channel each : Channels::all())
        m_channelFilter->addItem(Channels::displayName(each), Channels::code(each));
    m_channelFilter->setCurrentIndex(qMax(0, m_channelFilter->findData(channel)));
    m_distributorFilter->setPlaceholderText(tr("Distributor code"));
    m_notBoughtCheck->setText(tr("Not bought for"));
    m_notBoughtDays->setSuffix(tr(" days"));
}

void CustomerListPage::applyNotBoughtFilter()
{
    // Bought before, but not on or after today - N days: the ones to follow up.
    m_customers->setFilter(QStringLiteral("notBoughtSince"),
                           m_notBoughtCheck->isChecked() ? QVariant(
                               Dates::toText(Dates::today().addDays(-m_notBoughtDays->value() + 1)))
                                                         : QVariant());
}

void CustomerListPage::showDetails(qint64 id)
{
    const auto customer = id ? m_shop.customerRepository.findById(id) : std::nullopt;
    if (!customer) {
        m_details->setText(tr("Select a customer to see their details and purchase history."));
        m_history->setFilter(QStringLiteral("customer"), qlonglong(-1));
        return;
    }
    QStringList addresses;
    for (const Address &address : customer->addresses)
        addresses.append((address.isDefault ? QStringLiteral("★ ") : QStringLiteral("· "))
                         + address.oneLine().toHtmlEscaped());
    const QString distributor = m_shop.distributors.codeOf(customer->distributorId);
    m_details->setText(
        QStringLiteral("<h3>%1</h3><p>%2</p><table><tr><td>%3</td><td>%4</td></tr>"
                       "<tr><td>%5</td><td>%6</td></tr><tr><td>%7</td><td>%8</td></tr>"
                       "<tr><td>%9</td><td>%10</td></tr><tr><td>%11</td><td>%12</td></tr></table>"
                       "<p>%13</p><p>%14</p>")
            .arg(customer->name.toHtmlEscaped(), customer->code.toHtmlEscaped(), tr("Phone"),
                 customer->phone.toHtmlEscaped(), tr("WeChat"),
                 QString(customer->wechat + u' ' + customer->wechatRemark).toHtmlEscaped(),
                 tr("Channel"), Channels::displayName(customer->channel), tr("Tags"))
            .arg(customer->tags.join(QStringLiteral(", ")).toHtmlEscaped(), tr("Distributor"),
                 distributor.isEmpty() ? tr("not bound") : distributor.toHtmlEscaped(),
                 addresses.isEmpty() ? tr("No address yet.")
                                     : addresses.join(QStringLiteral("<br>")),
                 customer->notes.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))));
    m_history->setFilter(QStringLiteral("customer"), qlonglong(customer->id));
}

void CustomerListPage::retranslate()
{
    fillFilters();
    m_history->retranslate();
    ListPage::retranslate();
}

void CustomerListPage::newCustomer()
{
    CustomerEditor editor(m_shop, Customer(), this);
    if (editor.exec() != QDialog::Accepted)
        return;
    refresh();
    selectId(editor.customer().id);
}

void CustomerListPage::editCustomer()
{
    const auto customer = m_shop.customerRepository.findById(currentId());
    if (!customer)
        return;
    CustomerEditor editor(m_shop, *customer, this);
    if (editor.exec() == QDialog::Accepted)
        refresh();
}

void CustomerListPage::deleteCustomer()
{
    const auto customer = m_shop.customerRepository.findById(currentId());
    if (!customer)
        return;
    if (QMessageBox::question(
            this, tr("Delete customer"),
            tr("Delete %1 (%2) and their addresses?").arg(customer->name, customer->code))
        != QMessageBox::Yes)
        return;
    try {
        m_shop.customers.remove(customer->code);
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Delete customer"), error.message());
        return;
    }
    refresh();
}

void CustomerListPage::rebindCustomer()
{
    const auto customer = m_shop.customerRepository.findById(currentId());
    if (!customer)
        return;
    bool ok = false;
    const QString code = QInputDialog::getText(
        this, tr("Rebind customer"),
        tr("A customer normally stays with the distributor of their first order; rebinding is "
           "recorded in the audit log.\n\nDistributor code for %1 (empty: none):")
            .arg(customer->name),
        QLineEdit::Normal, m_shop.distributors.codeOf(customer->distributorId), &ok);
    if (!ok)
        return;
    try {
        m_shop.customers.rebind(customer->code, code.trimmed());
    } catch (const Error &error) {
        QMessageBox::warning(this, tr("Rebind customer"), error.message());
        return;
    }
    refresh();
}

} // namespace MicroShop
