#include "AddressPasteDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace MicroShop {

AddressPasteDialog::AddressPasteDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_missing(new QLabel(this))
{
    setObjectName(QStringLiteral("addressPasteDialog"));
    setWindowTitle(tr("Paste an address"));
    resize(520, 420);
    m_text->setObjectName(QStringLiteral("pasteText"));
    m_text->setPlaceholderText(tr(
        "Paste the address from the chat, e.g. 张三 13800138000 广东省深圳市南山区科技园南区1号"));
    m_text->setTabChangesFocus(true);
    if (const QClipboard *clipboard = QGuiApplication::clipboard())
        m_text->setPlainText(clipboard->text().trimmed());

    auto *form = new QFormLayout;
    for (const QString &field : AddressParser::fields()) {
        auto *label = new QLabel(this);
        label->setObjectName(field + QStringLiteral("Preview"));
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
        m_fields.insert(field, label);
        form->addRow(AddressParser::fieldTitle(field) + u':', label);
    }
    m_missing->setObjectName(QStringLiteral("missingLabel"));
    m_missing->setWordWrap(true);
    m_missing->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Text with the receiver, phone and address, in any order:"), this));
    layout->addWidget(m_text, 1);
    layout->addLayout(form);
    layout->addWidget(m_missing);
    layout->addWidget(buttons);

    connect(m_text, &QPlainTextEdit::textChanged, this, &AddressPasteDialog::preview);
    preview();
}

void AddressPasteDialog::preview()
{
    m_parsed = AddressParser().parse(m_text->toPlainText());
    const QStringList values = {m_parsed.receiver, m_parsed.phone,    m_parsed.province,
                                m_parsed.city,     m_parsed.district, m_parsed.detail};
    const QStringList fields = AddressParser::fields();
    for (qsizetype i = 0; i < fields.size(); ++i)
        m_fields.value(fields.at(i))->setText(values.at(i));
    QStringList missing;
    for (const QString &field : m_parsed.missing)
        missing.append(AddressParser::fieldTitle(field));
    m_missing->setText(
        missing.isEmpty()
            ? QString()
            : tr("Not found: %1. Fill them in the editor after OK.").arg(missing.join(tr(", "))));
}

} // namespace MicroShop
