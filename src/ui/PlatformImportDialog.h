#pragma once

#include "PlatformImporter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace MicroShop {

struct ShopContext;

// Orders from a platform's own export (Youzan, Weidian, Taobao, Pinduoduo; CSV or Excel): shows
// the platform detected and the file's columns it reads, checks every row before anything is
// written, lists the items no product matches with a product to pick for each (saved as the
// platform's aliases), then imports all or nothing and says what was created, updated and left
// unchanged.
class PlatformImportDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PlatformImportDialog(ShopContext &shop, QWidget *parent = nullptr);

    void openFile(const QString &path); // what Browse… does once a file is chosen
    bool importNow();                   // what Import does; true when imported
    // Picks the product (by SKU) for the unmatched item of that row of the table.
    void pickProduct(int row, const QString &sku);
    const PlatformImporter::Report &report() const { return m_report; }

private:
    void browse();
    void check();
    void showColumns();
    void showUnmatched();
    void updateState();
    std::optional<Platform> chosenPlatform() const;
    QList<ProductAlias> pickedAliases() const;
    PlatformImporter::Report run(PlatformImporter::Mode mode, bool *ran);

    ShopContext &m_shop;
    QString m_path;
    QStringList m_header;
    bool m_opened = false;
    bool m_imported = false;
    PlatformImporter::Report m_report;
    QList<QPair<QString, QString>> m_products; // SKU, name: what a picker offers
    QLineEdit *m_fileEdit;
    QComboBox *m_platformCombo;
    QLabel *m_detectedLabel;
    QTableWidget *m_columns;
    QLabel *m_unmatchedLabel;
    QTableWidget *m_unmatched;
    QLabel *m_statusLabel;
    QPlainTextEdit *m_messages;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
};

} // namespace MicroShop
