#include "OrderListPage.h"

#include "BatchPrintDialog.h"
#include "ExportFileDialog.h"
#include "OrderEditor.h"
#include "PayOrderDialog.h"
#include "PrintPreview.h"
#include "RefundOrderDialog.h"
#include "ShipOrderDialog.h"

#include "OrderListModel.h"

#include "Dates.h"
#include "Error.h"
#include "ExportSource.h"
#include "ListSelection.h"
#include "ShopContext.h"
#include "ShopExporter.h"
#include "ShopRepositories.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

#include <tuple>

namespace MicroShop {

OrderListPage::OrderListPage(ShopContext &shop, QWidget *parent)
    : ListPage(new OrderListModel(shop.lists(ListKind::Orders)), parent)
    , m_shop(shop)
    , m_orders(static_cast<OrderListModel *>(model()))
    , m_statusFilter(new QComboBox(this))
    , m_dateFilterCheck(new QCheckBox(this))
    , m_fromDate(new QDateEdit(Dates::today().addDays(-30), this))
    , m_toDate(new QDateEdit(Dates::today(), this))
    , m_distributorFilter(new QLineEdit(this))
    , m_details(new QLabel(this))
    , m_lines(new QTableWidget(0, 6, this))
    , m_totals(new QLabel(this))
{
    setObjectName(QStringLiteral("orderListPage"));
    setTitle([] { return tr("Orders"); });
    setSearchPlaceholder(
        [] { return tr("Search order number, customer, phone or tracking number"); });
    view()->sortByColumn(OrderListModel::Date, Qt::DescendingOrder); // newest first
    setMultiSelection(true);
    view()->setColumnWidth(OrderListModel::OrderNo, 130);
    view()->setColumnWidth(OrderListModel::PlatformNo, 150);
    // The platforms' columns only in a shop with orders from them: else the status would be
    // pushed off the screen by two empty columns.
    const auto showPlatforms = [this] {
        const bool shown = m_shop.orderRepository.hasPlatformOrders();
        view()->setColumnHidden(OrderListModel::Platform, true); // shown in PlatformNo
        view()->setColumnHidden(OrderListModel::PlatformNo, !shown);
    };
    showPlatforms();
    connect(model(), &QAbstractItemModel::modelReset, this, showPlatforms);
    view()->setColumnWidth(OrderListModel::Date, 125);
    view()->setColumnWidth(OrderListModel::Customer, 80);
    view()->setColumnWidth(OrderListModel::Phone, 105);
    view()->setColumnWidth(OrderListModel::Distributor, 75);
    view()->setColumnWidth(OrderListModel::Status, 105);
    connect(view(), &QTableView::doubleClicked, this, [this] {
        // Not when the signed-in role may not edit (the window hides the button: MainWindow).
        if (m_editButton && m_editButton->isEnabled() && !m_editButton->isHidden())
            editOrder();
    });

    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_dateFilterCheck->setObjectName(QStringLiteral("dateFilterCheck"));
    for (QDateEdit *date : {m_fromDate, m_toDate}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
        connect(date, &QDateEdit::dateChanged, this, &OrderListPage::applyDateFilter);
    }
    m_fromDate->setObjectName(QStringLiteral("fromDate"));
    m_toDate->setObjectName(QStringLiteral("toDate"));
    m_distributorFilter->setObjectName(QStringLiteral("distributorFilter"));
    m_distributorFilter->setMaximumWidth(130);
    addFilter(m_statusFilter);
    addFilter(m_dateFilterCheck);
    addFilter(m_fromDate);
    addFilter(m_toDate);
    addFilter(m_distributorFilter);
    fillFilters();
    connect(m_statusFilter, &QComboBox::activated, this, [this] {
        m_orders->setFilter(QStringLiteral("status"), m_statusFilter->currentData());
    });
    connect(m_dateFilterCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_fromDate->setEnabled(on);
        m_toDate->setEnabled(on);
        applyDateFilter();
    });
    connect(m_distributorFilter, &QLineEdit::textChanged, this, [this](const QString &code) {
        m_orders->setFilter(QStringLiteral("distributor"), code.trimmed());
    });

    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lines->setObjectName(QStringLiteral("detailLines"));
    m_lines->verticalHeader()->hide();
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->horizontalHeader()->setStretchLastSection(true);
    m_totals->setObjectName(QStringLiteral("totalsLabel"));
    detailsLayout()->addWidget(m_details);
    detailsLayout()->addWidget(m_lines, 1);
    detailsLayout()->addWidget(m_totals);

    addActionButton(
        QStringLiteral("newButton"), [] { return tr("&New order"); }, QKeySequence::New,
        [this] { newOrder(); }, false);
    m_editButton = addActionButton(
        QStringLiteral("editButton"), [] { return tr("&Edit…"); },
        QKeySequence(Qt::CTRL | Qt::Key_E), [this] { editOrder(); }, true);
    using Move = OrderWorkflow::Move;
    const struct
    {
        Move move;
        const char *name;
        QString (*text)();
        QKeySequence shortcut;
    } moves[] = {
        {Move::Pay, "payButton", [] { return tr("&Pay…"); }, QKeySequence(Qt::CTRL | Qt::Key_P)},
        {Move::Ship, "shipButton", [] { return tr("&Ship…"); }, QKeySequence(Qt::CTRL | Qt::Key_S)},
        {Move::Complete, "completeButton", [] { return tr("C&omplete"); },
         QKeySequence(Qt::CTRL | Qt::Key_K)},
        {Move::Cancel, "cancelButton", [] { return tr("&Cancel order"); }, QKeySequence()},
        {Move::Refund, "refundButton", [] { return tr("&Refund…"); },
         QKeySequence(Qt::CTRL | Qt::Key_R)},
    };
    for (const auto &each : moves) {
        const Move move = each.move;
        m_moveButtons.insert(int(move),
                             addActionButton(
                                 QString::fromLatin1(each.name), each.text, each.shortcut,
                                 [this, move] { this->move(move); }, true));
    }
    m_printButton = addActionButton(
        QStringLiteral("printButton"), [] { return tr("Pr&int"); },
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this] { m_printButton->showMenu(); },
        true);
    auto *printMenu = new QMenu(m_printButton);
    const struct
    {
        const char *name;
        bool invoice;
        ShopDocuments::Paper paper;
        QString (*text)();
    } documents[] = {
        {"packingSlipA4", false, ShopDocuments::Paper::A4, [] { return tr("Packing slip (A4)…"); }},
        {"packingSlipReceipt", false, ShopDocuments::Paper::Receipt80mm,
         [] { return tr("Packing slip (80 mm receipt)…"); }},
        {"invoiceA4", true, ShopDocuments::Paper::A4, [] { return tr("Invoice (A4)…"); }},
        {"invoiceReceipt", true, ShopDocuments::Paper::Receipt80mm,
         [] { return tr("Invoice (80 mm receipt)…"); }},
    };
    for (const auto &each : documents) {
        QAction *action = printMenu->addAction(each.text());
        action->setObjectName(QString::fromLatin1(each.name));
        const bool invoice = each.invoice;
        const ShopDocuments::Paper paper = each.paper;
        connect(action, &QAction::triggered, this,
                [this, invoice, paper] { printDocument(invoice, paper); });
        m_menuActions.append({action, each.text});
    }
    for (const auto &[name, paper, text] :
         {std::tuple{"label100x180", ShopDocuments::Paper::Label100x180,
                     +[] { return tr("Shipping label (100 × 180 mm)…"); }},
          std::tuple{"label76x130", ShopDocuments::Paper::Label76x130,
                     +[] { return tr("Shipping label (76 × 130 mm)…"); }}}) {
        QAction *action = printMenu->addAction(text());
        action->setObjectName(QString::fromLatin1(name));
        const ShopDocuments::Paper labelPaper = paper;
        connect(action, &QAction::triggered, this, [this, labelPaper] {
            const std::optional<Order> order = selectedOrder();
            if (order && m_shop.documents)
                PrintPreview::showOrders(this, *m_shop.documents,
                                         ShopDocuments::OrderDocument::Label, {order->id},
                                         labelPaper, tr("Shipping label %1").arg(order->orderNo),
                                         tr("Shipping label %1").arg(order->orderNo));
        });
        m_menuActions.append({action, text});
    }
    m_printButton->setMenu(printMenu);
    addImportExportActions();
    // What comes from outside MicroShop, in one button: the page's row stays narrow enough for a
    // laptop's screen.
    QPushButton *fromOutside = addActionButton(
        QStringLiteral("outsideImportButton"), [] { return tr("From &outside"); }, QKeySequence(),
        [this] {
            if (auto *button = findChild<QPushButton *>(QStringLiteral("outsideImportButton")))
                button->showMenu();
        },
        false);
    auto *outsideMenu = new QMenu(fromOutside);
    const struct
    {
        const char *name;
        QString (*text)();
        void (OrderListPage::*request)();
    } imports[] = {
        {"platformImportAction", [] { return tr("Orders from a &platform's export…"); },
         &OrderListPage::platformImportRequested},
        {"paymentImportAction", [] { return tr("WeChat Pay &bill…"); },
         &OrderListPage::paymentImportRequested},
        {"shipmentImportAction", [] { return tr("&Tracking numbers…"); },
         &OrderListPage::shipmentImportRequested},
    };
    for (const auto &each : imports) {
        QAction *action = outsideMenu->addAction(each.text());
        action->setObjectName(QString::fromLatin1(each.name));
        connect(action, &QAction::triggered, this, each.request);
        m_menuActions.append({action, each.text});
    }
    fromOutside->setMenu(outsideMenu);
    createBatchMenu();
    showDetails(0);
    updateActions();
}

void OrderListPage::createBatchMenu()
{
    // One text whatever the count (shown beside the search): the row of buttons keeps its width.
    m_batchButton = addActionButton(
        QStringLiteral("batchButton"), [] { return tr("&Batch"); }, QKeySequence(),
        [this] { m_batchButton->showMenu(); }, false);
    auto *menu = new QMenu(m_batchButton);
    const struct
    {
        const char *name;
        QString (*text)();
        std::function<void()> slot;
        bool needsSelection;
    } actions[] = {
        // Ctrl+A in the list does the same.
        {"selectAllAction", [] { return tr("Select &all that match"); },
         [this] { view()->selectAll(); }, false},
        {"printSelectedAction", [] { return tr("&Print labels or packing slips…"); },
         [this] { printSelected(); }, true},
        {"courierFileAction", [] { return tr("&Export the courier file…"); },
         [this] { exportCourierFile(); }, true},
        {"trackingImportAction", [] { return tr("Import &tracking numbers…"); },
         [this] { emit shipmentImportRequested(); }, false},
        {"completeSelectedAction", [] { return tr("&Complete the selected orders…"); },
         [this] { completeSelected(); }, true},
    };
    for (const auto &each : actions) {
        QAction *action = menu->addAction(each.text());
        action->setObjectName(QString::fromLatin1(each.name));
        connect(action, &QAction::triggered, this, each.slot);
        m_menuActions.append({action, each.text});
        if (each.needsSelection)
            m_selectionActions.append(action);
    }
    m_batchButton->setMenu(menu);
}

BackgroundTask::Outcome OrderListPage::runOnSelection(
    const QString &title,
    const std::function<void(ShopContext &, const QList<qint64> &, const ProgressCallback &)> &work,
    QString *message)
{
    const ListSelection chosen = selection();
    return BackgroundTask::run(
        this, m_shop, title,
        [&](ShopContext &own, const ProgressCallback &progress) {
            const std::unique_ptr<ListSource> orders = own.lists(ListKind::Orders);
            work(own, chosen.keys(*orders, progress), progress);
        },
        message);
}

QString OrderListPage::selectionText() const
{
    const ListSelection chosen = selection();
    if (chosen.allMatching && model()->isCapped())
        return tr("all orders that match (more than %L1)").arg(model()->count());
    if (chosen.allMatching)
        return model()->query() == ListQuery()
                   ? tr("all %L1 orders").arg(model()->count())
                   : tr("all %L1 orders that match").arg(model()->count());
    return tr("%n selected order(s)", nullptr, int(chosen.rowCount()));
}

void OrderListPage::completeSelected()
{
    if (selectedCount() == 0)
        return;
    if (QMessageBox::question(
            this, tr("Complete orders"),
            tr("Mark %1 as completed? Their commissions become available after the hold days. "
               "Only paid and shipped orders can be completed: if any other is among them, none "
               "is.")
                .arg(selectionText()))
        != QMessageBox::Yes)
        return;
    QString message;
    qint64 completed = 0;
    const auto outcome = runOnSelection(
        tr("Completing orders…"),
        [&completed](ShopContext &own, const QList<qint64> &ids, const ProgressCallback &progress) {
            completed = own.orders.completeAll(ids, Dates::now(), progress);
        },
        &message);
    if (outcome == BackgroundTask::Outcome::Failed)
        QMessageBox::warning(this, tr("Complete orders"), message);
    if (outcome != BackgroundTask::Outcome::Done) {
        if (outcome == BackgroundTask::Outcome::Cancelled)
            emit statusMessage(tr("Cancelled: no order was completed."));
        return;
    }
    refresh();
    emit statusMessage(tr("%n order(s) completed.", nullptr, int(completed)));
}

void OrderListPage::printSelected()
{
    if (selectedCount() == 0 || !m_shop.documents)
        return;
    BatchPrintDialog choice(selectionText(), this);
    if (choice.exec() != QDialog::Accepted)
        return;
    const ShopDocuments::OrderDocument kind = choice.document();
    const ShopDocuments::Paper paper = choice.paper();
    const bool labels = kind == ShopDocuments::OrderDocument::Label;
    if (choice.destination() == BatchPrintDialog::Destination::Preview) {
        // The pages are painted on the screen's thread, with their own progress and Cancel.
        QList<qint64> ids;
        QString message;
        const auto outcome = runOnSelection(
            tr("Reading the selection…"),
            [&ids](ShopContext &, const QList<qint64> &chosen, const ProgressCallback &) {
                ids = chosen;
            },
            &message);
        if (outcome == BackgroundTask::Outcome::Failed)
            QMessageBox::warning(this, tr("Print"), message);
        if (outcome != BackgroundTask::Outcome::Done)
            return;
        const QString title = labels ? tr("Shipping labels") : tr("Packing slips");
        PrintPreview::showOrders(this, *m_shop.documents, kind, ids, paper, title,
                                 labels ? tr("labels") : tr("packing-slips"));
        return;
    }
    if (choice.destination() == BatchPrintDialog::Destination::Pdf) {
        const QString suggested
            = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                  .filePath((labels ? tr("labels") : tr("packing-slips")) + u'-'
                            + Dates::today().toString(QStringLiteral("yyyyMMdd"))
                            + QStringLiteral(".pdf"));
        const QString file = QFileDialog::getSaveFileName(this, tr("Save as PDF"), suggested,
                                                          tr("PDF files (*.pdf)"));
        if (file.isEmpty())
            return;
        writeSelectedPdf(kind, paper, file);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(ShopDocuments::pageLayout(paper));
    printer.setDocName(labels ? tr("Shipping labels") : tr("Packing slips"));
    QPrintDialog where(&printer, this);
    if (where.exec() != QDialog::Accepted)
        return;
    // Painting on a printer is allowed off the UI thread; a cancel drops the pages sent.
    QString message;
    qint64 printed = 0;
    const auto outcome = runOnSelection(
        tr("Printing…"),
        [&](ShopContext &own, const QList<qint64> &ids, const ProgressCallback &progress) {
            try {
                own.documents->printOrders(kind, ids, paper, printer, progress);
            } catch (const Error &) {
                printer.abort();
                throw;
            }
            printed = ids.size();
        },
        &message);
    if (outcome == BackgroundTask::Outcome::Failed)
        QMessageBox::warning(this, tr("Print"), message);
    else if (outcome == BackgroundTask::Outcome::Cancelled)
        emit statusMessage(tr("Printing cancelled: the pages not yet printed were dropped."));
    else
        emit statusMessage(tr("%n order(s) sent to the printer.", nullptr, int(printed)));
}

bool OrderListPage::writeSelectedPdf(ShopDocuments::OrderDocument kind, ShopDocuments::Paper paper,
                                     const QString &file)
{
    QString message;
    qint64 printed = 0;
    const auto outcome = runOnSelection(
        tr("Writing %1…").arg(QDir::toNativeSeparators(file)),
        [&](ShopContext &own, const QList<qint64> &ids, const ProgressCallback &progress) {
            own.documents->writeOrdersPdf(kind, ids, paper, file, progress);
            printed = ids.size();
        },
        &message);
    if (outcome == BackgroundTask::Outcome::Failed)
        QMessageBox::warning(this, tr("Save as PDF"), message);
    else if (outcome == BackgroundTask::Outcome::Cancelled)
        emit statusMessage(tr("Cancelled: no file was written."));
    else
        emit statusMessage(tr("%n order(s) saved in %1.", nullptr, int(printed))
                               .arg(QDir::toNativeSeparators(file)));
    return outcome == BackgroundTask::Outcome::Done;
}

void OrderListPage::exportCourierFile()
{
    if (selectedCount() == 0)
        return;
    const QString file = ExportFileDialog::chooseFile(
        this, tr("Export the courier file"),
        tr("courier-file") + u'-' + Dates::today().toString(QStringLiteral("yyyyMMdd")));
    if (!file.isEmpty())
        exportCourierFileTo(file);
}

bool OrderListPage::exportCourierFileTo(const QString &file)
{
    QString message;
    qint64 rows = 0;
    qint64 leftOut = 0;
    const auto outcome = runOnSelection(
        tr("Exporting to %1…").arg(QDir::toNativeSeparators(file)),
        [&](ShopContext &own, const QList<qint64> &ids, const ProgressCallback &progress) {
            ShippingSelection chosen(own.exports, ids);
            ShopExporter exporter(chosen);
            exporter.setProgress(progress);
            rows = exporter.exportToFile(ExportKind::Shipping, file);
            leftOut = chosen.leftOut();
        },
        &message);
    if (outcome == BackgroundTask::Outcome::Failed) {
        QMessageBox::warning(this, tr("Export the courier file"), message);
    } else if (outcome == BackgroundTask::Outcome::Cancelled) {
        emit statusMessage(tr("Export cancelled: no file was written."));
    } else {
        QString text = tr("%n order(s) to ship written to %1.", nullptr, int(rows))
                           .arg(QDir::toNativeSeparators(file));
        if (leftOut > 0)
            text += u' '
                    + tr("%n order(s) left out: not paid, or shipped already.", nullptr,
                         int(leftOut));
        emit statusMessage(text);
        if (rows == 0)
            QMessageBox::information(this, tr("Export the courier file"), text);
    }
    return outcome == BackgroundTask::Outcome::Done;
}

void OrderListPage::fillFilters()
{
    const QVariant status = m_statusFilter->currentData();
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("All statuses"), QVariant());
    for (const OrderStatus each : OrderStatuses::all())
        m_statusFilter->addItem(OrderStatuses::displayName(each), OrderStatuses::code(each));
    m_statusFilter->setCurrentIndex(qMax(0, m_statusFilter->findData(status)));
    m_dateFilterCheck->setText(tr("Dates:"));
    m_distributorFilter->setPlaceholderText(tr("Distributor code"));
}

void OrderListPage::applyDateFilter()
{
    const bool on = m_dateFilterCheck->isChecked();
    m_orders->setFilter(QStringLiteral("from"),
                        on ? QVariant(Dates::toText(m_fromDate->date())) : QVariant());
    m_orders->setFilter(QStringLiteral("to"),
                        on ? QVariant(Dates::toText(m_toDate->date())) : QVariant());
}

void OrderListPage::printDocument(bool invoice, ShopDocuments::Paper paper)
{
    const std::optional<Order> order = selectedOrder();
    if (!order || !m_shop.documents)
        return;
    const std::unique_ptr<QTextDocument> document = invoice
                                                        ? m_shop.documents->invoice(*order, paper)
                                                        : m_shop.documents->packingSlip(*order,
                                                                                        paper);
    const QString title = invoice ? tr("Invoice %1").arg(order->orderNo)
                                  : tr("Packing slip %1").arg(order->orderNo);
    PrintPreview::show(this, *document, paper, title, title);
}

void OrderListPage::showOrders(const QString &status, QDate from, QDate to)
{
    clearSearch();
    m_distributorFilter->clear();
    m_statusFilter->setCurrentIndex(qMax(0, m_statusFilter->findData(status)));
    m_orders->setFilter(QStringLiteral("status"), m_statusFilter->currentData());
    const bool dated = from.isValid() && to.isValid();
    if (dated) {
        const QSignalBlocker blockFrom(m_fromDate);
        const QSignalBlocker blockTo(m_toDate);
        m_fromDate->setDate(from);
        m_toDate->setDate(to);
    }
    if (m_dateFilterCheck->isChecked() == dated)
        applyDateFilter();
    else
        m_dateFilterCheck->setChecked(dated); // applies the dates
}

std::optional<Order> OrderListPage::selectedOrder() const
{
    const qint64 id = currentId();
    return id ? m_shop.orderRepository.findById(id) : std::nullopt;
}

void OrderListPage::showDetails(qint64 id)
{
    if (selectedCount() > 1) {
        m_lines->clear();
        m_lines->setRowCount(0);
        m_lines->setVisible(false);
        m_totals->clear();
        m_details->setText(
            tr("<h3>%1</h3><p>Print their packing slips or labels, export the courier's file or "
               "complete them with the <b>Batch</b> button below.</p>")
                .arg(selectionText().toHtmlEscaped()));
        return;
    }
    const auto order = id ? m_shop.orderRepository.findById(id) : std::nullopt;
    m_lines->clear();
    m_lines->setRowCount(0);
    m_lines->setVisible(order.has_value());
    if (!order) {
        m_details->setText(tr("Select an order to see it here, with a button for each next step."));
        m_totals->clear();
        return;
    }
    const auto customer = m_shop.customerRepository.findById(order->customerId);
    QStringList steps;
    if (order->platform)
        steps.append(
            tr("%1 order %2")
                .arg(Platforms::displayName(*order->platform), order->platformNo.toHtmlEscaped()));
    steps.append(tr("Ordered %1").arg(Dates::toText(order->date).left(16)));
    if (order->paidAt)
        steps.append(tr("paid %1 (%2)")
                         .arg(Dates::toText(*order->paidAt).left(16),
                              order->payment ? PaymentMethods::displayName(order->payment->method)
                                             : QString()));
    if (order->shipment)
        steps.append(tr("shipped %1 by %2, %3")
                         .arg(Dates::toText(order->shipment->shippedAt).left(16),
                              order->shipment->courier, order->shipment->tracking));
    if (order->completedAt)
        steps.append(tr("completed %1").arg(Dates::toText(*order->completedAt).left(16)));
    if (order->cancelledAt)
        steps.append(tr("cancelled %1").arg(Dates::toText(*order->cancelledAt).left(16)));
    const QString distributor = m_shop.distributors.codeOf(order->distributorId);
    m_details->setText(
        QStringLiteral("<h3>%1 · %2</h3><p>%3<br>%4</p><p>%5</p>%6")
            .arg(order->orderNo.toHtmlEscaped(), OrderStatuses::displayName(order->status),
                 customer ? QString(customer->name + QStringLiteral(" · ") + customer->phone)
                                .toHtmlEscaped()
                          : QString(),
                 distributor.isEmpty() ? tr("No distributor")
                                       : tr("Distributor %1").arg(distributor),
                 steps.join(QStringLiteral("<br>")),
                 order->shipment ? QStringLiteral("<p>%1</p>")
                                       .arg(order->shipment->address.oneLine().toHtmlEscaped())
                                 : QString()));
    m_lines->setColumnCount(6);
    m_lines->setHorizontalHeaderLabels(
        {tr("SKU"), tr("Product"), tr("Qty"), tr("Price"), tr("Net"), tr("Refunded")});
    m_lines->setRowCount(int(order->lines.size()));
    for (int row = 0; row < order->lines.size(); ++row) {
        const OrderLine &line = order->lines.at(row);
        const QStringList cells = {line.sku,
                                   line.productName,
                                   QString::number(line.quantity),
                                   line.unitPrice.toString(),
                                   line.net.toString(),
                                   line.refundedQuantity ? QStringLiteral("%1 · %2")
                                                               .arg(line.refundedQuantity)
                                                               .arg(line.refundedAmount.toString())
                                                         : QString()};
        for (int column = 0; column < cells.size(); ++column)
            m_lines->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_lines->resizeColumnsToContents();
    m_totals->setText(tr("Goods %1 · shipping %2 · <b>total %3</b> · refunded %4")
                          .arg(order->goodsTotal().toString(), order->shippingFee.toString(),
                               order->total().toString(), order->refundedTotal.toString()));
}

void OrderListPage::updateActions()
{
    ListPage::updateActions();
    if (m_moveButtons.isEmpty() || !m_batchButton)
        return; // still being built
    const qint64 selected = selectedCount();
    const int row = model()->rowOfId(currentId());
    std::optional<OrderStatus> status;
    if (selected == 1 && row >= 0)
        status = OrderStatuses::fromCode(model()->rawValue(row, OrderListModel::Status).toString());
    for (QAction *action : std::as_const(m_selectionActions))
        action->setEnabled(selected > 0);
    for (auto it = m_moveButtons.cbegin(); it != m_moveButtons.cend(); ++it)
        it.value()->setEnabled(status.has_value()
                               && OrderWorkflow::isAllowed(*status, OrderWorkflow::Move(it.key())));
    m_editButton->setEnabled(status.has_value() && *status == OrderStatus::Pending);
}

void OrderListPage::retranslate()
{
    fillFilters();
    for (const auto &[action, text] : std::as_const(m_menuActions))
        action->setText(text());
    ListPage::retranslate();
}

void OrderListPage::newOrder()
{
    OrderEditor editor(m_shop, Order(), this);
    if (editor.exec() != QDialog::Accepted)
        return;
    refresh();
    selectId(editor.order().id);
}

void OrderListPage::editOrder()
{
    const auto order = selectedOrder();
    if (!order || order->status != OrderStatus::Pending)
        return;
    OrderEditor editor(m_shop, *order, this);
    if (editor.exec() == QDialog::Accepted)
        refresh();
}

void OrderListPage::move(OrderWorkflow::Move move)
{
    const auto order = selectedOrder();
    if (!order)
        return;
    bool done = false;
    switch (move) {
    case OrderWorkflow::Move::Pay:
        done = PayOrderDialog(m_shop, *order, this).exec() == QDialog::Accepted;
        break;
    case OrderWorkflow::Move::Ship:
        done = ShipOrderDialog(m_shop, *order, this).exec() == QDialog::Accepted;
        break;
    case OrderWorkflow::Move::Refund:
        done = RefundOrderDialog(m_shop, *order, this).exec() == QDialog::Accepted;
        break;
    case OrderWorkflow::Move::Complete:
    case OrderWorkflow::Move::Cancel: {
        const bool cancel = move == OrderWorkflow::Move::Cancel;
        const QString question
            = cancel
                  ? (order->status == OrderStatus::Paid ? tr(
                         "Cancel order %1? Its units go back into stock and its commissions are reversed.")
                                                        : tr("Cancel order %1?"))
                  : tr(
                      "Mark order %1 as completed? Its commissions become available after the hold days.");
        if (QMessageBox::question(this, cancel ? tr("Cancel order") : tr("Complete order"),
                                  question.arg(order->orderNo))
            != QMessageBox::Yes)
            return;
        try {
            if (cancel)
                m_shop.orders.cancel(order->orderNo, Dates::now());
            else
                m_shop.orders.complete(order->orderNo, Dates::now());
            done = true;
        } catch (const Error &error) {
            QMessageBox::warning(this, tr("Orders"), error.message());
        }
        break;
    }
    }
    if (done)
        refresh();
}

} // namespace MicroShop
