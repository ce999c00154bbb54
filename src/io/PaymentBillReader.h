#pragma once

#include "CsvReader.h"
#include "PaymentBill.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

namespace MicroShop {

class ImportSheet;
struct TableFile;

// Reads the WeChat bills of platforms.md as they are downloaded: the merchant bill (交易账单, its
// older column names, backticks before every value, the two summary lines at the end) and the
// personal bill (微信支付账单明细, its preamble before the header, ¥ amounts, ids with a trailing
// tab). The header is found where it is, so lines keep their physical numbers; every bad cell is
// an error of the sheet.
class PaymentBillReader final
{
    Q_DECLARE_TR_FUNCTIONS(PaymentBillReader)

public:
    struct Read
    {
        BillLine line;
        CsvRecord record; // cleaned cells, with the line the row is on
    };

    explicit PaymentBillReader(ImportSheet &sheet)
        : m_sheet(sheet)
    {}

    // source: nullopt finds which bill the file is from its header. Errors go to the sheet; the
    // source found is in source().
    QList<Read> read(const TableFile &table, std::optional<BillSource> source);
    std::optional<BillSource> source() const { return m_source; }

    static QStringList merchantColumns(); // the columns a merchant bill is known by
    static QStringList personalColumns(); // a personal bill's

private:
    bool findHeader(const TableFile &table, std::optional<BillSource> wanted);
    void mapColumns(const QStringList &header);
    std::optional<BillLine> merchantLine(const CsvRecord &record);
    std::optional<BillLine> personalLine(const CsvRecord &record);
    bool readTime(const CsvRecord &record, const QString &column, BillLine &line);
    bool readAmount(const CsvRecord &record, const QString &column, BillLine &line);

    ImportSheet &m_sheet;
    std::optional<BillSource> m_source;
    QList<CsvRecord> m_rows; // the cleaned rows after the header
};

} // namespace MicroShop
