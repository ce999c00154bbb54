#pragma once

#include "AddressParser.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QPlainTextEdit;

namespace MicroShop {

// "Paste an address…": the text of a chat message (prefilled from the clipboard), the receiver,
// phone, province, city, district and detail AddressParser reads from it as it is typed, and what
// it could not read. The editor that opened it takes parsed() when it is accepted.
class AddressPasteDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddressPasteDialog(QWidget *parent = nullptr);

    const ParsedAddress &parsed() const { return m_parsed; }

private:
    void preview();

    QPlainTextEdit *m_text;
    QHash<QString, QLabel *> m_fields; // AddressParser::fields() → its preview
    QLabel *m_missing;
    ParsedAddress m_parsed;
};

} // namespace MicroShop
