#pragma once

#include "Error.h"
#include "Platform.h"
#include "Product.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace MicroShop {

class TableSource;
struct ShopContext;
struct TableFile;

// `import orders FILE --platform` and the desktop import of a platform's export (platforms.md):
// reads every row (cell quirks removed) as a stream, creates the new orders and moves the known
// ones forward as it goes, all in one transaction, and reports every bad cell and every unmatched
// item as FILE:LINE:COLUMN: message; with any, the transaction is rolled back and nothing is
// imported. Importing the same file again changes nothing.
class PlatformImporter final
{
    Q_DECLARE_TR_FUNCTIONS(PlatformImporter)

public:
    // An item of the file that no product matches (each once): what the file calls it.
    struct UnmatchedItem
    {
        QString code; // the spec's code where there is one, else the item's; may be empty
        QString name;
        QString spec;
        int line = 0;
    };

    struct Report
    {
        QStringList errors; // FILE:LINE:COLUMN: message; nothing was imported
        QStringList notes;  // FILE:LINE:COLUMN: message; imported, but the merchant should know
        std::optional<Platform> platform;
        QList<UnmatchedItem> unmatched; // each once; among the errors while they are few enough
        int unmatchedErrors = 0;        // the errors that are unmatched items
        int rows = 0;                   // read from the file, blank rows and a summary row left out
        int orders = 0;                 // those rows make
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        bool ok() const { return errors.isEmpty(); }
    };

    explicit PlatformImporter(ShopContext &shop);
    // Told of every hundred orders read (the total unknown: -1); false cancels (throws
    // Cancelled, nothing kept).
    void setProgress(ProgressCallback progress) { m_progress = std::move(progress); }
    // Aliases to use and save with the import (the CLI's --aliases, the dialog's picks).
    void addAliases(const QList<ProductAlias> &aliases) { m_aliases += aliases; }

    // The platform whose export the header is; nullopt when none.
    static std::optional<Platform> detect(const QStringList &header);

    // platform: nullopt detects it from the header. check: read and match everything, report,
    // and write nothing (what the desktop dialog shows before Import).
    enum class Mode { Import, Check };
    // The file is read as a stream (a CSV file of a million lines in the memory of one order);
    // an order's rows must follow each other, as the platforms write them.
    Report import(TableSource &source, const QString &fileName,
                  std::optional<Platform> platform = std::nullopt, Mode mode = Mode::Import);
    Report import(const TableFile &table, const QString &fileName,
                  std::optional<Platform> platform = std::nullopt, Mode mode = Mode::Import);

    // An aliases file, `platform,code,name,spec,sku`: the aliases, or errors FILE:LINE:COLUMN
    // (an unknown platform or SKU among them).
    QList<ProductAlias> readAliases(const TableFile &table, const QString &fileName,
                                    QStringList &errors) const;

private:
    ShopContext &m_shop;
    ProgressCallback m_progress;
    QList<ProductAlias> m_aliases;
};

} // namespace MicroShop
