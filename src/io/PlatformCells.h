#pragma once

#include "Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace MicroShop {

struct CsvRecord;

// The cell quirks of platforms.md, removed before anything is parsed: what the platforms and the
// spreadsheets merchants pass their files through do to a cell.
class PlatformCells final
{
    Q_DECLARE_TR_FUNCTIONS(PlatformCells)

public:
    // `="..."`, a leading ' or backtick, tabs and spaces around, and - or / alone (empty).
    static QString clean(const QString &cell);
    // A row whose cells are all empty (once cleaned).
    static bool isBlank(const CsvRecord &record);
    // A summary row (合计, 总计 in its first filled cell), dropped when it is the file's last.
    static bool isSummary(const CsvRecord &record);

    // 12.30, ¥12.30, ￥12.3, 12.30元; nullopt (and *why) for anything else.
    static std::optional<Money> amount(const QString &cell, QString *why);
    // A phone written as a number by a spreadsheet (13800138000.0) as its digits.
    static QString phone(const QString &cell);
    // 2026-11-29 13:05[:00], 2026/11/29 13:05, a date alone; nullopt (and *why) otherwise.
    static std::optional<QDateTime> dateTime(const QString &cell, QString *why);
    // 138****1234, 张*: kept as given but never used to match.
    static bool isMasked(const QString &cell) { return cell.contains(u'*'); }
};

} // namespace MicroShop
