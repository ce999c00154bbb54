#include "OrderEditor.h"

#include "AddressPasteDialog.h"
#include "CustomerService.h"
#include "Dates.h"
#include "Error.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QAbstractButton>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace MicroShop {

namespace {

enum LineColumn { Sku, Name, Quantity, UnitPrice, Discount, Net, LineColumns };
constexpr int completionCount = 20;

} // namespace

OrderEditor::OrderEditor(ShopContext &shop, const Order &order, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_order(order)
    , m_customerId(order.customerId)
    , m_number(new QLineEdit(
          order.id ? order.orderNo : shop.orderRepository.nextOrderNumber(Dates::today()), this))
    , m_date(new QDateTimeEdit(this))
    , m_customer(new QLineEdit(this))
    , m_customerCompletions(new QStringListModel(this))
    , m_customerInfo(new QLabel(this))
    , m_distributor(new QLineEdit(this))
    , m_sku(new QLineEdit(this))
    , m_productCompletions(new QStringListModel(this))
    , m_lines(new QTableWidget(0, LineColumns, this))
    , m_shipping(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_totals(new QLabel(this))
    , m_errors(new QLabel(this))
{
    setObjectName(QStringLiteral("orderEditor"));
    setWindowTitle(order.id ? tr("Edit order %1").arg(order.orderNo) : tr("New order"));
    resize(820, 620);
    m_number->setObjectName(QStringLiteral("orderNoEdit"));
    m_number->setReadOnly(order.id != 0);
    m_date->setObjectName(QStringLiteral("dateEdit"));
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_date->setCalendarPopup(true);

    m_customer->setObjectName(QStringLiteral("customerEdit"));
    m_customer->setPlaceholderText(tr("Type a name, phone or WeChat ID and pick the customer"));
    auto *customerCompleter = new QCompleter(m_customerCompletions, this);
    customerCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    customerCompleter->setFilterMode(Qt::MatchContains);
    customerCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_customer->setCompleter(customerCompleter);
    connect(m_customer, &QLineEdit::textEdited, this, &OrderEditor::searchCustomers);
    connect(customerCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &text) { chooseCustomer(text); });
    m_customerInfo->setObjectName(QStringLiteral("customerInfo"));
    m_distributor->setObjectName(QStringLiteral("distributorEdit"));
    m_distributor->setPlaceholderText(tr("code; defaults to the customer's distributor"));

    m_sku->setObjectName(QStringLiteral("skuEdit"));
    m_sku->setPlaceholderText(tr("SKU, barcode or product name, then Enter"));
    auto *productCompleter = new QCompleter(m_productCompletions, this);
    productCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    productCompleter->setFilterMode(Qt::MatchContains);
    productCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_sku->setCompleter(productCompleter);
    connect(m_sku, &QLineEdit::textEdited, this, &OrderEditor::searchProducts);
    connect(m_sku, &QLineEdit::returnPressed, this, [this] {
        if (addProduct(m_sku->text()))
            m_sku->clear();
    });

    m_lines->setObjectName(QStringLiteral("linesTable"));
    m_lines->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Product"), tr("Quantity"), tr("Unit price"), tr("Discount"), tr("Net")});
    m_lines->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_lines->verticalHeader()->hide();
    connect(m_lines, &QTableWidget::itemChanged, this, [this] { recompute(); });
    auto *removeLine = new QPushButton(tr("Remove line"), this);
    removeLine->setObjectName(QStringLiteral("removeLineButton"));
    connect(removeLine, &QPushButton::clicked, this, [this] {
        const int row = m_lines->currentRow();
        if (row < 0)
            return;
        m_lines->removeRow(row);
        m_lineProducts.removeAt(row);
        recompute();
    });

    m_shipping->setObjectName(QStringLiteral("shippingEdit"));
    m_shipping->setPlaceholderText(QStringLiteral("0.00"));
    connect(m_shipping, &QLineEdit::textChanged, this, [this] { recompute(); });
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setMaximumHeight(50);
    m_totals->setObjectName(QStringLiteral("totalsLabel"));
    m_errors->setObjectName(QStringLiteral("errorLabel"));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto *form = new QFormLayout;
    form->addRow(tr("Order &number:"), m_number);
    form->addRow(tr("&Date:"), m_date);
    auto *pasteButton = new QPushButton(tr("&Paste an address…"), this);
    pasteButton->setObjectName(QStringLiteral("pasteAddressButton"));
    pasteButton->setAutoDefault(false);
    pasteButton->setToolTip(
        tr("Find the customer by the phone in a chat's address, or create one"));
    connect(pasteButton, &QPushButton::clicked, this, &OrderEditor::pasteAddress);
    auto *customerRow = new QHBoxLayout;
    customerRow->addWidget(m_customer, 1);
    customerRow->addWidget(pasteButton);
    form->addRow(tr("&Customer:"), customerRow);
    form->addRow(QString(), m_customerInfo);
    form->addRow(tr("D&istributor:"), m_distributor);
    form->addRow(tr("&Add product:"), m_sku);
    auto *bottom = new QFormLayout;
    bottom->addRow(tr("S&hipping fee:"), m_shipping);
    bottom->addRow(tr("N&otes:"), m_notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    // A scanner ends each code with Enter: no button may take that Enter as "press me".
    removeLine->setAutoDefault(false);
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_lines, 1);
    layout->addWidget(removeLine, 0, Qt::AlignLeft);
    layout->addLayout(bottom);
    layout->addWidget(m_totals);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);

    showOrder(order);
}

void OrderEditor::showOrder(const Order &order)
{
    m_order = order;
    m_customerId = order.customerId;
    m_date->setDateTime(order.id ? order.date : Dates::now());
    m_customer->clear();
    m_customerInfo->clear();
    if (order.customerId) {
        if (const auto customer = m_shop.customerRepository.findById(order.customerId)) {
            m_customer->setText(customer->name);
            m_customerInfo->setText(QStringLiteral("%1 · %2").arg(customer->code, customer->phone));
        }
    }
    m_distributor->setText(m_shop.distributors.codeOf(order.distributorId));
    m_shipping->setText(order.id ? order.shippingFee.toString() : QString());
    m_notes->setPlainText(order.notes);
    m_lines->setRowCount(0);
    for (const OrderLine &line : order.lines) {
        if (const auto product = m_shop.productRepository.findById(line.productId))
            addLine(*product, line.quantity, line.unitPrice, line.discount);
    }
    recompute();
}

void OrderEditor::searchCustomers(const QString &text)
{
    ListQuery query;
    query.search = text.trimmed();
    m_customerIds.clear();
    QStringList completions;
    if (!query.search.isEmpty()) {
        const auto source = m_shop.lists(ListKind::Customers);
        // customers: key, code, name, phone, wechat, ...
        for (const QVariantList &row : source->fetch(query, 0, completionCount, -1)) {
            const QString shown = QStringLiteral("%1 · %2 · %3")
                                      .arg(row.value(2).toString(), row.value(3).toString(),
                                           row.value(1).toString());
            completions.append(shown);
            m_customerIds.insert(shown, row.value(0).toLongLong());
        }
    }
    m_customerCompletions->setStringList(completions);
}

bool OrderEditor::chooseCustomer(const QString &completion)
{
    if (!m_customerIds.contains(completion))
        return false;
    m_customerId = m_customerIds.value(completion);
    const auto customer = m_shop.customerRepository.findById(m_customerId);
    if (!customer)
        return false;
    m_customer->setText(customer->name);
    m_customerInfo->setText(QStringLiteral("%1 · %2").arg(customer->code, customer->phone));
    // The order's distributor defaults to the one the customer is bound to.
    m_distributor->setText(m_shop.distributors.codeOf(customer->distributorId));
    return true;
}

void OrderEditor::pasteAddress()
{
    AddressPasteDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ParsedAddress &parsed = dialog.parsed();
    Address address = parsed.toAddress();
    const auto samePlace = [&](const Address &known) {
        return known.province == address.province && known.city == address.city
               && known.district == address.district && known.detail == address.detail;
    };
    std::optional<Customer> customer;
    if (!parsed.phone.isEmpty())
        customer = m_shop.customerRepository.findByPhone(parsed.phone);
    QString note;
    try {
        if (customer) {
            note = tr("%1 found by the phone.").arg(customer->code);
            // The address the order goes to becomes the customer's usual one, as shipping takes it.
            if (!std::any_of(customer->addresses.cbegin(), customer->addresses.cend(), samePlace)) {
                for (Address &known : customer->addresses)
                    known.isDefault = false;
                address.isDefault = true;
                customer->addresses.append(address);
                customer = m_shop.customers.update(*customer);
                note = tr("%1 found by the phone; the pasted address is now its usual one.")
                           .arg(customer->code);
            }
        } else {
            Customer fresh;
            fresh.code = m_shop.customers.nextCode();
            fresh.name = parsed.receiver;
            fresh.phone = parsed.phone;
            address.isDefault = true;
            fresh.addresses.append(address);
            customer = m_shop.customers.create(fresh);
            note = tr("New customer %1 made from the pasted address.").arg(customer->code);
        }
    } catch (const ValidationError &error) {
        QStringList problems;
        for (const FieldProblem &problem : error.problems())
            problems.append(problem.message);
        m_errors->setText(problems.join(u'\n'));
        m_errors->show();
        return;
    } catch (const Error &error) {
        m_errors->setText(error.message());
        m_errors->show();
        return;
    }
    m_customerId = customer->id;
    m_customer->setText(customer->name);
    m_customerInfo->setText(
        QStringLiteral("%1 · %2 · %3").arg(customer->code, customer->phone, note));
    if (m_distributor->text().trimmed().isEmpty())
        m_distributor->setText(m_shop.distributors.codeOf(customer->distributorId));
}

void OrderEditor::searchProducts(const QString &text)
{
    ListQuery query;
    query.search = text.trimmed();
    query.filters.insert(QStringLiteral("active"), true);
    QStringList completions;
    if (!query.search.isEmpty()) {
        const auto source = m_shop.lists(ListKind::Products);
        for (const QVariantList &row : source->fetch(query, 0, completionCount, -1))
            completions.append(row.value(1).toString() + QStringLiteral(" · ")
                               + row.value(2).toString());
    }
    m_productCompletions->setStringList(completions);
}

bool OrderEditor::addProduct(const QString &typed)
{
    const QString code = typed.section(QStringLiteral(" · "), 0, 0).trimmed();
    if (code.isEmpty())
        return false;
    auto product = m_shop.productRepository.findBySku(code);
    if (!product)
        product = m_shop.productRepository.findByBarcode(code);
    if (!product) {
        m_errors->setText(tr("No product has the SKU or barcode %1.").arg(code));
        return false;
    }
    if (!product->active) {
        m_errors->setText(
            tr("%1 is inactive: activate it on the Products page to sell it.").arg(product->sku));
        return false;
    }
    // The same product again: one more unit on its line.
    for (int row = 0; row < m_lineProducts.size(); ++row) {
        if (m_lineProducts.at(row) == product->id) {
            QTableWidgetItem *quantity = m_lines->item(row, Quantity);
            quantity->setText(QString::number(quantity->text().toLongLong() + 1));
            m_lines->setCurrentCell(row, Quantity);
            return true;
        }
    }
    addLine(*product, 1, product->price, Money());
    return true;
}

void OrderEditor::addLine(const Product &product, qint64 quantity, Money unitPrice, Money discount)
{
    m_recomputing = true;
    const int row = m_lines->rowCount();
    m_lines->insertRow(row);
    m_lineProducts.append(product.id);
    const auto fixed = [](const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        return item;
    };
    m_lines->setItem(row, Sku, fixed(product.sku));
    m_lines->setItem(row, Name, fixed(product.name));
    m_lines->setItem(row, Quantity, new QTableWidgetItem(QString::number(quantity)));
    m_lines->setItem(row, UnitPrice, new QTableWidgetItem(unitPrice.toString()));
    m_lines->setItem(row, Discount, new QTableWidgetItem(discount.toString()));
    m_lines->setItem(row, Net, fixed(QString()));
    for (const int column : {int(Quantity), int(UnitPrice), int(Discount), int(Net)})
        m_lines->item(row, column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lines->setCurrentCell(row, Quantity);
    m_recomputing = false;
    recompute();
}

std::optional<OrderDraft> OrderEditor::draft(QStringList &problems) const
{
    OrderDraft draft;
    draft.version = m_order.version;
    draft.orderNo = m_number->text().trimmed();
    draft.date = m_date->dateTime();
    draft.customerId = m_customerId;
    draft.notes = m_notes->toPlainText();
    const QString distributor = m_distributor->text().trimmed();
    if (!distributor.isEmpty()) {
        if (const auto id = m_shop.distributors.idOfCode(distributor))
            draft.distributorId = *id;
        else
            problems.append(tr("There is no distributor with the code %1.").arg(distributor));
    }
    if (!m_shipping->text().trimmed().isEmpty()) {
        QString why;
        if (const auto fee = Money::parse(m_shipping->text().trimmed(), &why))
            draft.shippingFee = *fee;
        else
            problems.append(tr("Shipping fee: %1").arg(why));
    }
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        OrderDraft::Line line;
        line.productId = m_lineProducts.at(row);
        bool ok = false;
        line.quantity = m_lines->item(row, Quantity)->text().trimmed().toLongLong(&ok);
        const QString sku = m_lines->item(row, Sku)->text();
        if (!ok || line.quantity < 1)
            problems.append(tr("%1: the quantity must be a whole number of at least 1.").arg(sku));
        QString why;
        if (const auto price = Money::parse(m_lines->item(row, UnitPrice)->text().trimmed(), &why))
            line.unitPrice = *price;
        else
            problems.append(tr("%1, unit price: %2").arg(sku, why));
        if (const auto discount = Money::parse(m_lines->item(row, Discount)->text().trimmed(),
                                               &why))
            line.discount = *discount;
        else
            problems.append(tr("%1, discount: %2").arg(sku, why));
        draft.lines.append(line);
    }
    if (!problems.isEmpty())
        return std::nullopt;
    return draft;
}

void OrderEditor::recompute()
{
    if (m_recomputing)
        return;
    m_recomputing = true;
    Money goods;
    QStringList problems;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        bool ok = false;
        const qint64 quantity = m_lines->item(row, Quantity)->text().trimmed().toLongLong(&ok);
        const auto price = Money::parse(m_lines->item(row, UnitPrice)->text().trimmed());
        const auto discount = Money::parse(m_lines->item(row, Discount)->text().trimmed());
        if (ok && quantity > 0 && price && discount) {
            const Money net = OrderLine::netOf(quantity, *price, *discount);
            m_lines->item(row, Net)->setText(net.toString());
            goods += net;
        } else {
            m_lines->item(row, Net)->setText(QStringLiteral("?"));
            problems.append(
                tr("Line %1 has a quantity or an amount that is not valid.").arg(row + 1));
        }
    }
    const auto shipping = Money::parse(m_shipping->text().trimmed().isEmpty()
                                           ? QStringLiteral("0")
                                           : m_shipping->text().trimmed());
    m_totals->setText(tr("Goods %1 + shipping %2 = total %3")
                          .arg(goods.toString(),
                               shipping ? shipping->toString() : QStringLiteral("?"),
                               shipping ? (goods + *shipping).toString() : QStringLiteral("?")));
    m_errors->setText(problems.join(u'\n'));
    m_recomputing = false;
}

bool OrderEditor::save()
{
    QStringList problems;
    const auto order = draft(problems);
    if (order) {
        try {
            m_order = m_order.id ? m_shop.orders.updatePending(m_order.orderNo, *order)
                                 : m_shop.orders.create(*order);
            return true;
        } catch (const ValidationError &error) {
            for (const FieldProblem &problem : error.problems())
                problems.append(problem.message);
        } catch (const StaleError &error) {
            if (const auto stored = m_shop.orderRepository.findById(m_order.id))
                showOrder(*stored); // what the other desktop saved
            problems.append(error.message());
        } catch (const Error &error) {
            problems.append(error.message());
        }
    }
    m_errors->setText(problems.join(u'\n'));
    return false;
}

} // namespace MicroShop
