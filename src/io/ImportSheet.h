#pragma once

#include "Error.h"
#include "Money.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace MicroShop {

struct CsvRecord;

// The columns of one imported file and the errors found in it, with csv.md's positions
// (FILE:LINE:COLUMN: message); the reader and the applier of an import both blame through it.
class ImportSheet final
{
public:
    // errors: where the messages go, in the order found, at most ShopImporter::maxErrors.
    ImportSheet(const QString &fileName, QStringList &errors);

    // The header: csv.md's names in any order and case, or the names the mapping gives (a header
    // mapped to "" is ignored); an unknown or repeated column is an error of line 1.
    void mapHeader(const QStringList &header, const QStringList &known,
                   const QHash<QString, QString> &mapping, const QString &kindName);
    // A column found by the caller (a platform's header name at its position, from 0).
    void useColumn(const QString &name, int index) { m_index.insert(name, index); }
    void requireColumns(const QStringList &required);
    void checkFieldCounts(const QList<CsvRecord> &records, qsizetype columns);

    void error(int line, int column, const QString &message);
    void error(const CsvRecord &record, const QString &name, const QString &message);
    // Field problems from a service (keyed by column name) as errors of this row.
    void problems(const CsvRecord &record, const QList<FieldProblem> &found);
    qsizetype errorCount() const { return m_errors.size(); }

    bool has(const QString &name) const { return m_index.contains(name); }
    int columnNumber(const QString &name) const { return m_index.value(name, 0) + 1; }
    QString text(const CsvRecord &record, const QString &name) const;

    // Cells parsed by type; a bad one is an error of its cell and gives nullopt.
    std::optional<Money> money(const CsvRecord &record, const QString &name,
                               bool negativeAllowed = false);
    std::optional<qint64> wholeNumber(const CsvRecord &record, const QString &name, qint64 lowest);
    std::optional<QDateTime> dateTime(const CsvRecord &record, const QString &name);

private:
    QString m_fileName;
    QStringList &m_errors;
    QHash<QString, int> m_index; // column name -> its position in the file
};

} // namespace MicroShop
