#include "DistributorEditor.h"

#include "Dates.h"
#include "DistributorService.h"
#include "Error.h"
#include "ShopContext.h"
#include "ShopRepositories.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace MicroShop {

DistributorEditor::DistributorEditor(ShopContext &shop, const Distributor &distributor,
                                     QWidget *parent)
    : ActionDialog(parent)
    , m_shop(shop)
    , m_distributor(distributor)
    , m_code(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_wechat(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_joined(new QDateEdit(this))
    , m_upline(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("distributorEditor"));
    setWindowTitle(distributor.id ? tr("Edit distributor %1").arg(distributor.code)
                                  : tr("New distributor"));
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_wechat->setObjectName(QStringLiteral("wechatEdit"));
    m_status->setObjectName(QStringLiteral("statusCombo"));
    for (const DistributorStatus status : DistributorStatuses::all())
        m_status->addItem(DistributorStatuses::displayName(status),
                          DistributorStatuses::code(status));
    m_joined->setObjectName(QStringLiteral("joinedEdit"));
    m_joined->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_joined->setCalendarPopup(true);
    m_upline->setObjectName(QStringLiteral("uplineEdit"));
    m_upline->setPlaceholderText(tr("upline's code; empty: a new tree"));
    m_upline->setReadOnly(distributor.id != 0);
    if (distributor.id)
        m_upline->setToolTip(tr("Use Move to put this distributor under another upline."));
    m_notes->setMaximumHeight(60);
    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("&WeChat ID:"), m_wechat);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Joined:"), m_joined);
    form->addRow(tr("&Upline:"), m_upline);
    form->addRow(tr("N&otes:"), m_notes);
    setContent(form);
    showDistributor(distributor);
}

void DistributorEditor::showDistributor(const Distributor &distributor)
{
    m_distributor = distributor;
    m_code->setText(distributor.code);
    m_name->setText(distributor.name);
    m_phone->setText(distributor.phone);
    m_wechat->setText(distributor.wechat);
    m_status->setCurrentIndex(m_status->findData(DistributorStatuses::code(distributor.status)));
    m_joined->setDate(distributor.joined.isValid() ? distributor.joined : Dates::today());
    m_upline->setText(m_shop.distributors.codeOf(distributor.uplineId));
    m_notes->setPlainText(distributor.notes);
}

bool DistributorEditor::apply()
{
    Distributor changed = m_distributor;
    changed.code = m_code->text().trimmed();
    changed.name = m_name->text().trimmed();
    changed.phone = m_phone->text().trimmed();
    changed.wechat = m_wechat->text().trimmed();
    changed.status = DistributorStatuses::fromCode(m_status->currentData().toString())
                         .value_or(DistributorStatus::Active);
    changed.joined = m_joined->date();
    changed.notes = m_notes->toPlainText();
    if (!changed.id) {
        const QString upline = m_upline->text().trimmed();
        changed.uplineId = 0;
        if (!upline.isEmpty()) {
            const auto id = m_shop.distributors.idOfCode(upline);
            if (!id) {
                showError(tr("There is no distributor with the code %1.").arg(upline));
                return false;
            }
            changed.uplineId = *id;
        }
    }
    return attempt([&] {
        try {
            m_distributor = changed.id ? m_shop.distributorService.update(changed)
                                       : m_shop.distributorService.create(changed);
        } catch (const StaleError &) {
            if (const auto stored = m_shop.distributorService.distributorWithId(changed.id))
                showDistributor(*stored); // what the other desktop saved
            throw;
        }
    });
}

} // namespace MicroShop
