#include "CustomerEditor.h"

#include "AddressPasteDialog.h"
#include "CustomerService.h"
#include "Error.h"
#include "RegionDelegate.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace MicroShop {

namespace {

enum AddressColumn { Default, Receiver, Phone, Province, City, District, Detail, AddressColumns };

} // namespace

CustomerEditor::CustomerEditor(ShopContext &shop, const Customer &customer, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_customer(customer)
    , m_code(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_wechat(new QLineEdit(this))
    , m_remark(new QLineEdit(this))
    , m_channel(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_distributor(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_addresses(new QTableWidget(0, AddressColumns, this))
    , m_errors(new QLabel(this))
{
    setObjectName(QStringLiteral("customerEditor"));
    setWindowTitle(customer.id ? tr("Edit customer %1").arg(customer.name) : tr("New customer"));
    resize(760, 560);
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_wechat->setObjectName(QStringLiteral("wechatEdit"));
    m_remark->setObjectName(QStringLiteral("remarkEdit"));
    m_remark->setPlaceholderText(tr("the name you gave them in WeChat"));
    m_channel->setObjectName(QStringLiteral("channelCombo"));
    for (const Channel channel : Channels::all())
        m_channel->addItem(Channels::displayName(channel), Channels::code(channel));
    m_tags->setObjectName(QStringLiteral("tagsEdit"));
    m_tags->setPlaceholderText(tr("separated by commas, e.g. VIP, 回头客"));
    m_distributor->setObjectName(QStringLiteral("distributorEdit"));
    m_distributor->setPlaceholderText(tr("distributor code, or empty"));
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setMaximumHeight(60);
    m_addresses->setObjectName(QStringLiteral("addressTable"));
    m_addresses->setHorizontalHeaderLabels({tr("Default"), tr("Receiver"), tr("Phone"),
                                            tr("Province"), tr("City"), tr("District"),
                                            tr("Address")});
    m_addresses->horizontalHeader()->setStretchLastSection(true);
    m_addresses->verticalHeader()->hide();
    m_addresses->setColumnWidth(Default, 60);
    m_addresses->setItemDelegate(new RegionDelegate(Province, City, District, m_addresses));
    m_errors->setObjectName(QStringLiteral("errorLabel"));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_errors->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&WeChat ID:"), m_wechat);
    form->addRow(tr("WeChat &remark:"), m_remark);
    form->addRow(tr("C&hannel:"), m_channel);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("&Distributor:"), m_distributor);
    form->addRow(tr("N&otes:"), m_notes);

    auto *addButton = new QPushButton(tr("&Add address"), this);
    addButton->setObjectName(QStringLiteral("addAddressButton"));
    auto *pasteButton = new QPushButton(tr("&Paste an address…"), this);
    pasteButton->setObjectName(QStringLiteral("pasteAddressButton"));
    pasteButton->setToolTip(tr("Split an address copied from a chat into its fields"));
    connect(pasteButton, &QPushButton::clicked, this, &CustomerEditor::pasteAddress);
    auto *removeButton = new QPushButton(tr("Remove address"), this);
    connect(addButton, &QPushButton::clicked, this, [this] { addAddress(); });
    connect(removeButton, &QPushButton::clicked, this, [this] {
        if (m_addresses->currentRow() >= 0)
            m_addresses->removeRow(m_addresses->currentRow());
    });
    auto *addressButtons = new QHBoxLayout;
    addressButtons->addWidget(new QLabel(tr("Addresses (tick the default one):"), this));
    addressButtons->addStretch();
    addressButtons->addWidget(pasteButton);
    addressButtons->addWidget(addButton);
    addressButtons->addWidget(removeButton);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(addressButtons);
    layout->addWidget(m_addresses, 1);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);
    showCustomer(customer);
}

void CustomerEditor::showCustomer(const Customer &customer)
{
    m_customer = customer;
    m_code->setText(customer.id ? customer.code : m_shop.customers.nextCode());
    m_name->setText(customer.name);
    m_phone->setText(customer.phone);
    m_wechat->setText(customer.wechat);
    m_remark->setText(customer.wechatRemark);
    m_channel->setCurrentIndex(m_channel->findData(Channels::code(customer.channel)));
    m_tags->setText(customer.tags.join(QStringLiteral(", ")));
    m_distributor->setText(m_shop.distributors.codeOf(customer.distributorId));
    m_distributor->setReadOnly(customer.id != 0 && customer.distributorId != 0);
    m_distributor->setToolTip(
        m_distributor->isReadOnly()
            ? tr("A customer stays bound to its distributor; use Rebind to change it.")
            : QString());
    m_notes->setPlainText(customer.notes);
    m_addresses->setRowCount(0);
    for (const Address &address : customer.addresses)
        addAddress(address);
}

void CustomerEditor::addAddress(const Address &address)
{
    const int row = m_addresses->rowCount();
    m_addresses->insertRow(row);
    auto *isDefault = new QTableWidgetItem;
    isDefault->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    isDefault->setCheckState(address.isDefault || row == 0 ? Qt::Checked : Qt::Unchecked);
    m_addresses->setItem(row, Default, isDefault);
    const QStringList values = {address.receiver, address.phone,    address.province,
                                address.city,     address.district, address.detail};
    for (int column = Receiver; column < AddressColumns; ++column)
        m_addresses->setItem(row, column, new QTableWidgetItem(values.at(column - Receiver)));
    m_addresses->setCurrentCell(row, Receiver);
}

void CustomerEditor::pasteAddress()
{
    AddressPasteDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ParsedAddress &parsed = dialog.parsed();
    // A new customer pasted in takes the receiver's name and phone too.
    if (m_name->text().trimmed().isEmpty())
        m_name->setText(parsed.receiver);
    if (m_phone->text().trimmed().isEmpty())
        m_phone->setText(parsed.phone);
    // An empty row left by "Add address" is filled rather than left empty.
    const int row = m_addresses->currentRow();
    bool rowIsEmpty = row >= 0;
    for (int column = Receiver; rowIsEmpty && column < AddressColumns; ++column) {
        const QTableWidgetItem *item = m_addresses->item(row, column);
        rowIsEmpty = !item || item->text().trimmed().isEmpty();
    }
    Address address = parsed.toAddress();
    if (rowIsEmpty) {
        const QTableWidgetItem *isDefault = m_addresses->item(row, Default);
        address.isDefault = isDefault && isDefault->checkState() == Qt::Checked;
        m_addresses->removeRow(row);
    }
    addAddress(address);
}

Customer CustomerEditor::fromFields(QStringList &problems) const
{
    Customer customer = m_customer;
    customer.code = m_code->text().trimmed();
    customer.name = m_name->text().trimmed();
    customer.phone = m_phone->text().trimmed();
    customer.wechat = m_wechat->text().trimmed();
    customer.wechatRemark = m_remark->text().trimmed();
    customer.channel
        = Channels::fromCode(m_channel->currentData().toString()).value_or(Channel::Other);
    static const QRegularExpression separators(QStringLiteral("[,，;；、]"));
    customer.tags = m_tags->text().split(separators, Qt::SkipEmptyParts);
    customer.notes = m_notes->toPlainText();
    customer.addresses.clear();
    for (int row = 0; row < m_addresses->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_addresses->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        Address address;
        address.isDefault = m_addresses->item(row, Default)->checkState() == Qt::Checked;
        address.receiver = text(Receiver);
        address.phone = text(Phone);
        address.province = text(Province);
        address.city = text(City);
        address.district = text(District);
        address.detail = text(Detail);
        customer.addresses.append(address);
    }
    if (!m_distributor->isReadOnly()) {
        const QString code = m_distributor->text().trimmed();
        customer.distributorId = 0;
        if (!code.isEmpty()) {
            const auto id = m_shop.distributors.idOfCode(code);
            if (id)
                customer.distributorId = *id;
            else
                problems.append(tr("There is no distributor with the code %1.").arg(code));
        }
    }
    return customer;
}

bool CustomerEditor::save()
{
    QStringList problems;
    const Customer customer = fromFields(problems);
    if (problems.isEmpty()) {
        try {
            m_customer = customer.id ? m_shop.customers.update(customer)
                                     : m_shop.customers.create(customer);
            return true;
        } catch (const ValidationError &error) {
            for (const FieldProblem &problem : error.problems())
                problems.append(problem.message);
        } catch (const StaleError &error) {
            if (const auto stored = m_shop.customers.customerWithId(m_customer.id))
                showCustomer(*stored); // what the other desktop saved
            problems.append(error.message());
        } catch (const Error &error) {
            problems.append(error.message());
        }
    }
    m_errors->setText(problems.join(u'\n'));
    m_errors->show();
    m_name->setStyleSheet(customer.name.isEmpty() ? QStringLiteral("border: 1px solid #c0392b;")
                                                  : QString());
    return false;
}

} // namespace MicroShop
