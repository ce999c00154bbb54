#include "ImportSheet.h"

#include "CsvReader.h"
#include "ShopImporter.h"

#include "Dates.h"

namespace MicroShop {

ImportSheet::ImportSheet(const QString &fileName, QStringList &errors)
    : m_fileName(fileName)
    , m_errors(errors)
{}

void ImportSheet::mapHeader(const QStringList &header, const QStringList &known,
                            const QHash<QString, QString> &mapping, const QString &kindName)
{
    for (int i = 0; i < header.size(); ++i) {
        const QString &written = header.at(i);
        QString name = mapping.contains(written) ? mapping.value(written) : written.toLower();
        if (mapping.contains(written) && name.isEmpty())
            continue; // ignored on purpose
        if (!known.contains(name)) {
            error(1, i + 1,
                  ShopImporter::tr("unknown column \"%1\": the columns of %2 are %3.")
                      .arg(written, kindName, known.join(QStringLiteral(", "))));
            continue;
        }
        if (has(name)) {
            error(1, i + 1, ShopImporter::tr("the column %1 appears twice.").arg(name));
            continue;
        }
        m_index.insert(name, i);
    }
}

void ImportSheet::requireColumns(const QStringList &required)
{
    for (const QString &name : required) {
        if (!has(name))
            error(1, 1, ShopImporter::tr("the required column %1 is missing.").arg(name));
    }
}

void ImportSheet::checkFieldCounts(const QList<CsvRecord> &records, qsizetype columns)
{
    for (const CsvRecord &record : records) {
        if (record.fields.size() > columns)
            error(record.line, int(columns) + 1,
                  ShopImporter::tr("this row has %1 fields but the header has %2 columns.")
                      .arg(record.fields.size())
                      .arg(columns));
    }
}

void ImportSheet::error(int line, int column, const QString &message)
{
    if (m_errors.size() < ShopImporter::maxErrors)
        m_errors.append(
            QStringLiteral("%1:%2:%3: %4").arg(m_fileName).arg(line).arg(column).arg(message));
}

void ImportSheet::error(const CsvRecord &record, const QString &name, const QString &message)
{
    error(record.line, columnNumber(name), message);
}

void ImportSheet::problems(const CsvRecord &record, const QList<FieldProblem> &found)
{
    for (const FieldProblem &problem : found)
        error(record, has(problem.field) ? problem.field : QString(), problem.message);
}

QString ImportSheet::text(const CsvRecord &record, const QString &name) const
{
    const int index = m_index.value(name, -1);
    return index < 0 ? QString() : record.fields.value(index).trimmed();
}

std::optional<Money> ImportSheet::money(const CsvRecord &record, const QString &name,
                                        bool negativeAllowed)
{
    QString why;
    const auto value = Money::parse(text(record, name), &why);
    if (!value) {
        error(record, name, QStringLiteral("%1: %2").arg(name, why));
        return std::nullopt;
    }
    if (value->isNegative() && !negativeAllowed) {
        error(record, name,
              ShopImporter::tr("%1 cannot be negative (%2).").arg(name, text(record, name)));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> ImportSheet::wholeNumber(const CsvRecord &record, const QString &name,
                                               qint64 lowest)
{
    const QString value = text(record, name);
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok || value.startsWith(u'+')) {
        error(record, name,
              ShopImporter::tr("%1 must be a whole number, not \"%2\".").arg(name, value));
        return std::nullopt;
    }
    if (number < lowest) {
        error(
            record, name,
            ShopImporter::tr("%1 must be at least %2, not %3.").arg(name).arg(lowest).arg(number));
        return std::nullopt;
    }
    return number;
}

std::optional<QDateTime> ImportSheet::dateTime(const CsvRecord &record, const QString &name)
{
    QString why;
    auto value = Dates::parseDateTime(text(record, name), &why);
    if (!value)
        error(record, name, QStringLiteral("%1: %2").arg(name, why));
    return value;
}

} // namespace MicroShop
