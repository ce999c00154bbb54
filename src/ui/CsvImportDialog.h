#pragma once

#include "ShopImporter.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace MicroShop {

class CsvReader;
struct ShopContext;

// Import of products, customers or orders from a CSV file: shows what was detected (encoding,
// separator, rows), a preview, a mapping of the file's columns onto MicroShop's, and every bad
// row with its line and column; imports all or nothing.
class CsvImportDialog final : public QDialog
{
    Q_OBJECT

public:
    CsvImportDialog(ShopContext &shop, ShopImporter::Kind kind, QWidget *parent = nullptr);
    ~CsvImportDialog() override;

    void openFile(const QString &path); // what Browse… does once a file is chosen
    bool importNow();                   // what Import does; true when imported
    QHash<QString, QString> mapping() const;
    const ShopImporter::Report &report() const { return m_report; }

private:
    void browse();
    void showPreview();
    void updateState();
    QString kindName() const;

    ShopContext &m_shop;
    ShopImporter::Kind m_kind;
    std::unique_ptr<CsvReader> m_reader;
    QString m_path;
    ShopImporter::Report m_report;
    QLineEdit *m_fileEdit;
    QLabel *m_detectedLabel;
    QTableWidget *m_preview;
    QList<QComboBox *> m_mappingCombos;
    QWidget *m_mappingBox;
    QLabel *m_statusLabel;
    QPlainTextEdit *m_errors;
    QDialogButtonBox *m_buttons;
};

} // namespace MicroShop
