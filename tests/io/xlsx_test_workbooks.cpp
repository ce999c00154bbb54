// Writes the workbooks tst_xlsxreader reads, with libxlsxwriter, an independent .xlsx writer:
// `xlsx_test_workbooks DIR`. A program of its own because QuaZip exports minizip's functions
// (zipOpen3...) under their own names, and libxlsxwriter, loaded in the same process, would call
// QuaZip's instead of its own minizip's and crash.
#include <xlsxwriter.h>

#include <cstdio>
#include <functional>
#include <string>

namespace {

bool write(const std::string &path, const std::function<void(lxw_workbook *)> &fill)
{
    lxw_workbook *workbook = workbook_new(path.c_str());
    if (!workbook)
        return false;
    fill(workbook);
    return workbook_close(workbook) == LXW_NO_ERROR;
}

lxw_format *numberFormat(lxw_workbook *workbook, const char *code)
{
    lxw_format *format = workbook_add_format(workbook);
    format_set_num_format(format, code);
    return format;
}

// A products table; tst_xlsxreader holds the same rows as CSV.
void products(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "商品");
    lxw_format *date = numberFormat(workbook, "yyyy-mm-dd");
    const char *header[] = {"sku",     "name",  "category", "price",
                            "barcode", "phone", "since",    "active"};
    for (lxw_col_t column = 0; column < 8; ++column)
        worksheet_write_string(sheet, 0, column, header[column], nullptr);
    worksheet_write_string(sheet, 1, 0, "TEA-01", nullptr);
    worksheet_write_string(sheet, 1, 1, "普洱茶 (熟茶) 357克", nullptr);
    worksheet_write_string(sheet, 1, 2, "茶叶", nullptr);
    worksheet_write_number(sheet, 1, 3, 12.3, nullptr);
    worksheet_write_number(sheet, 1, 4, 6901234567890, nullptr);
    worksheet_write_number(sheet, 1, 5, 13800138000, nullptr);
    lxw_datetime since = {2026, 11, 29, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 6, &since, date);
    worksheet_write_boolean(sheet, 1, 7, 1, nullptr);
    worksheet_write_string(sheet, 2, 0, "CUP-2", nullptr);
    worksheet_write_string(sheet, 2, 1, "玻璃杯, \"双层\"", nullptr);
    worksheet_write_number(sheet, 2, 3, 1288, nullptr);
    worksheet_write_number(sheet, 2, 4, 0.05, nullptr);
    worksheet_write_boolean(sheet, 2, 7, 0, nullptr);
}

// What microshop-cli imports: csv.md's product columns, a price and a barcode as numbers.
void importProducts(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "products");
    const char *header[] = {"sku", "name", "category", "price", "stock", "barcode"};
    for (lxw_col_t column = 0; column < 6; ++column)
        worksheet_write_string(sheet, 0, column, header[column], nullptr);
    worksheet_write_string(sheet, 1, 0, "XL-1", nullptr);
    worksheet_write_string(sheet, 1, 1, "云南普洱", nullptr);
    worksheet_write_string(sheet, 1, 2, "茶叶", nullptr);
    worksheet_write_number(sheet, 1, 3, 12.3, nullptr);
    worksheet_write_number(sheet, 1, 4, 7, nullptr);
    worksheet_write_number(sheet, 1, 5, 6901234567890, nullptr);
    worksheet_write_string(sheet, 2, 0, "XL-2", nullptr);
    worksheet_write_string(sheet, 2, 1, "玻璃杯", nullptr);
    worksheet_write_number(sheet, 2, 3, 1288, nullptr);
}

void numbers(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, nullptr);
    worksheet_write_string(sheet, 0, 0, "金额", nullptr);
    worksheet_write_string(sheet, 0, 1, "手机", nullptr);
    worksheet_write_number(sheet, 1, 0, 12.3, nullptr);
    worksheet_write_number(sheet, 1, 1, 13800138000, nullptr);
    worksheet_write_number(sheet, 2, 0, 0.1 + 0.2, nullptr);
    worksheet_write_number(sheet, 2, 1, 19912345678, nullptr);
}

// Column A says what column B holds.
void dates(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_format *builtIn = workbook_add_format(workbook);
    format_set_num_format_index(builtIn, 14); // m/d/yyyy, the system's short date
    lxw_format *builtInTime = workbook_add_format(workbook);
    format_set_num_format_index(builtInTime, 22); // m/d/yyyy h:mm
    lxw_datetime paid = {2026, 11, 29, 13, 5, 0};
    lxw_datetime day = {2026, 11, 29, 0, 0, 0};
    lxw_datetime seconds = {2026, 1, 2, 3, 4, 5.0};
    worksheet_write_string(sheet, 0, 0, "what", nullptr);
    worksheet_write_string(sheet, 0, 1, "value", nullptr);
    lxw_row_t row = 1;
    auto date = [&](const char *what, lxw_datetime *value, lxw_format *format) {
        worksheet_write_string(sheet, row, 0, what, nullptr);
        worksheet_write_datetime(sheet, row++, 1, value, format);
    };
    auto number = [&](const char *what, double value, lxw_format *format) {
        worksheet_write_string(sheet, row, 0, what, nullptr);
        worksheet_write_number(sheet, row++, 1, value, format);
    };
    date("yyyy-mm-dd", &day, numberFormat(workbook, "yyyy-mm-dd"));
    date("datetime", &paid, numberFormat(workbook, "yyyy/mm/dd hh:mm:ss"));
    date("seconds", &seconds, numberFormat(workbook, "yyyy-mm-dd hh:mm:ss"));
    date("chinese", &day, numberFormat(workbook, "[$-804]yyyy\"年\"m\"月\"d\"日\""));
    date("built-in 14", &day, builtIn);
    date("built-in 22", &paid, builtInTime);
    number("time", 0.5208333333333334, numberFormat(workbook, "hh:mm"));
    number("not a date: quoted", 3, numberFormat(workbook, "0 \"days\""));
    number("not a date: money", 46355.5, numberFormat(workbook, "[Red]#,##0.00;[Blue]-#,##0.00"));
    number("unformatted", 46355, nullptr);
}

void sheets(lxw_workbook *workbook)
{
    lxw_worksheet *orders = workbook_add_worksheet(workbook, "订单列表");
    lxw_worksheet *summary = workbook_add_worksheet(workbook, "汇总");
    worksheet_write_string(orders, 0, 0, "订单号", nullptr);
    worksheet_write_string(orders, 1, 0, "E20261129001", nullptr);
    worksheet_write_string(summary, 0, 0, "合计", nullptr);
    worksheet_write_number(summary, 1, 0, 1, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: xlsx_test_workbooks DIR\n");
        return 2;
    }
    const std::string dir = std::string(argv[1]) + '/';
    const bool ok = write(dir + "products.xlsx", products)
                    && write(dir + "import-products.xlsx", importProducts)
                    && write(dir + "numbers.xlsx", numbers) && write(dir + "dates.xlsx", dates)
                    && write(dir + "sheets.xlsx", sheets);
    if (!ok)
        std::fprintf(stderr, "xlsx_test_workbooks: cannot write the workbooks in %s\n", argv[1]);
    return ok ? 0 : 1;
}
