#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "Error.h"

#include <functional>

namespace MicroShop {

class ImportApplier;
class ImportSheet;
class TableSource;
struct CsvRecord;
struct ShopContext;

// `import KIND FILE` and the desktop import dialog (csv.md): reads every row, reports every bad
// one as FILE:LINE:COLUMN: message, and only when there is none applies them all through the
// services in one transaction. An existing key updates its record, except an order number.
class ShopImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ShopImporter)

public:
    enum class Kind { Products, Customers, Orders, Distributors };

    struct Report
    {
        QStringList errors; // FILE:LINE:COLUMN: message, in file order
        int rows = 0;
        int created = 0;
        int updated = 0;
        bool ok() const { return errors.isEmpty(); }
    };

    static constexpr int maxErrors = 500;

    explicit ShopImporter(ShopContext &shop);
    // Told of every hundred records applied; false cancels: the import throws Cancelled and
    // nothing of it stays in the database.
    void setProgress(ProgressCallback progress) { m_progress = std::move(progress); }

    static QStringList columns(Kind kind);         // csv.md's columns
    static QStringList requiredColumns(Kind kind); // the ones that may not be missing
    static bool parseKind(const QString &name, Kind *kind);
    static QString kindName(Kind kind); // "products": the command line's word

    // mapping: a header of the file (as written) -> one of columns(kind), or "" to ignore it; what
    // the import dialog's column mapping gives. Unmapped unknown headers are errors. The file is a
    // CSV file or an Excel workbook (its first sheet), told apart by its content. An orders file
    // is read as a stream, twice (checked, then applied): a million lines fit in little memory.
    Report importFile(Kind kind, const QString &path, const QHash<QString, QString> &mapping = {});
    // source: read from where it stands (after its header).
    Report import(Kind kind, TableSource &source, const QString &fileName,
                  const QHash<QString, QString> &mapping = {});

private:
    // Reads and checks every record (errors go to the sheet); gives what applies them.
    std::function<void()> read(Kind kind, const QList<CsvRecord> &records, ImportSheet &sheet,
                               ImportApplier &applier);
    // Reads and checks every order of the source; with no error, applies them in the order their
    // effects happen, reading each again.
    void importOrders(TableSource &source, ImportSheet &sheet, ImportApplier &applier,
                      Report &report);

    ShopContext &m_shop;
    ProgressCallback m_progress;
};

} // namespace MicroShop
