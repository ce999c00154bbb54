// Writes the workbooks tst_xlsxreader, tst_cli_platforms and tst_cli_shipments read, with
// libxlsxwriter, an independent .xlsx writer (written cell by cell here, not through MicroShop's
// XlsxWriter): `xlsx_test_workbooks DIR`. A program of its own since QuaZip's days (it and
// libxlsxwriter could not share a process); it stays one because the CLI tests import its files.
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
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

// Tracking numbers back from a courier's batch tool (tst_cli_shipments): the waybill number as a
// number cell, the time as a date-formatted cell.
void tracking(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "运单");
    lxw_format *time = numberFormat(workbook, "yyyy-mm-dd hh:mm");
    const char *header[] = {"order_no", "courier", "tracking", "shipped_at"};
    for (lxw_col_t column = 0; column < 4; ++column)
        worksheet_write_string(sheet, 0, column, header[column], nullptr);
    worksheet_write_string(sheet, 1, 0, "SO-1", nullptr);
    worksheet_write_string(sheet, 1, 1, "顺丰", nullptr);
    worksheet_write_number(sheet, 1, 2, 773012345678901, nullptr);
    lxw_datetime at = {2026, 3, 3, 15, 30, 0};
    worksheet_write_datetime(sheet, 1, 3, &at, time);
    worksheet_write_string(sheet, 2, 0, "E2026030100002", nullptr);
    worksheet_write_string(sheet, 2, 1, "YTO", nullptr);
    worksheet_write_string(sheet, 2, 2, "YT0000000001", nullptr);
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

// A Youzan item-level order export as the merchant downloads it from the Youzan back office:
// order numbers and names as text, amounts, quantities and phones as numbers, times as
// date-formatted cells. tst_cli_platforms holds the same rows as CSV (youzanItemsRows) and
// expects the import of both to give the same orders.
void youzanOrders(lxw_workbook *workbook)
{
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "订单列表");
    lxw_format *time = numberFormat(workbook, "yyyy-mm-dd hh:mm:ss");
    const int columns = 25;
    const char *rows[][columns] = {{"订单号",
                                    "订单状态",
                                    "订单创建时间",
                                    "买家付款时间",
                                    "交易成功时间",
                                    "收货人/提货人",
                                    "收货人手机号/提货人手机号",
                                    "收货人省份",
                                    "收货人城市",
                                    "收货人地区",
                                    "详细收货地址/提货地址",
                                    "商品名称",
                                    "商品规格",
                                    "商品编码",
                                    "规格编码",
                                    "商品单价",
                                    "商品数量",
                                    "商品金额合计",
                                    "运费",
                                    "店铺优惠合计",
                                    "订单实付金额",
                                    "商品发货物流公司",
                                    "商品发货物流单号",
                                    "分销员",
                                    "分销员手机号"},
                                   {"E20261120100001",
                                    "待发货",
                                    "2026-11-20 10:00:00",
                                    "2026-11-20 10:05:00",
                                    "",
                                    "李娜",
                                    "13800000001",
                                    "浙江省",
                                    "杭州市",
                                    "西湖区",
                                    "文三路100号",
                                    "普洱熟茶",
                                    "357克",
                                    "P1001",
                                    "TEA-01",
                                    "128.00",
                                    "2",
                                    "286.00",
                                    "10.00",
                                    "20.00",
                                    "276.00",
                                    "",
                                    "",
                                    "",
                                    ""},
                                   {"E20261120100001",
                                    "待发货",
                                    "2026-11-20 10:00:00",
                                    "2026-11-20 10:05:00",
                                    "",
                                    "李娜",
                                    "13800000001",
                                    "浙江省",
                                    "杭州市",
                                    "西湖区",
                                    "文三路100号",
                                    "双层玻璃杯",
                                    "350ml",
                                    "P1002",
                                    "CUP-02",
                                    "30.00",
                                    "1",
                                    "286.00",
                                    "10.00",
                                    "20.00",
                                    "276.00",
                                    "",
                                    "",
                                    "",
                                    ""},
                                   {"E20261119100003",
                                    "交易成功",
                                    "2026-11-19 08:00:00",
                                    "2026-11-19 08:01:00",
                                    "2026-11-23 18:00:00",
                                    "李娜",
                                    "13800000001",
                                    "浙江省",
                                    "杭州市",
                                    "西湖区",
                                    "文三路100号",
                                    "土蜂蜜",
                                    "500克",
                                    "P1004",
                                    "HONEY-04",
                                    "50.00",
                                    "1",
                                    "178.00",
                                    "0.00",
                                    "8.90",
                                    "169.10",
                                    "顺丰速运",
                                    "SF1400000001",
                                    "",
                                    ""},
                                   {"E20261119100003",
                                    "交易成功",
                                    "2026-11-19 08:00:00",
                                    "2026-11-19 08:01:00",
                                    "2026-11-23 18:00:00",
                                    "李娜",
                                    "13800000001",
                                    "浙江省",
                                    "杭州市",
                                    "西湖区",
                                    "文三路100号",
                                    "普洱熟茶",
                                    "357克",
                                    "P1001",
                                    "TEA-01",
                                    "128.00",
                                    "1",
                                    "178.00",
                                    "0.00",
                                    "8.90",
                                    "169.10",
                                    "顺丰速运",
                                    "SF1400000001",
                                    "",
                                    ""},
                                   {"E20261121100002",
                                    "待付款",
                                    "2026-11-21 09:30:00",
                                    "",
                                    "",
                                    "王强",
                                    "13900000002",
                                    "广东省",
                                    "深圳市",
                                    "南山区",
                                    "科技园南区1栋",
                                    "补水面膜",
                                    "10片",
                                    "P1003",
                                    "MASK-03",
                                    "9.90",
                                    "3",
                                    "29.70",
                                    "6.00",
                                    "0.00",
                                    "35.70",
                                    "",
                                    "",
                                    "",
                                    ""}};
    auto isNumber = [](int column) { return column == 6 || (column >= 15 && column <= 20); };
    auto isTime = [](int column) { return column >= 2 && column <= 4; };
    lxw_row_t row = 0;
    for (const auto &cells : rows) {
        for (int column = 0; column < columns; ++column) {
            const std::string text = cells[column];
            if (text.empty())
                continue; // an empty cell is not written at all, as Excel saves it
            const auto at = lxw_col_t(column);
            if (row > 0 && isNumber(column)) {
                worksheet_write_number(sheet, row, at, std::strtod(text.c_str(), nullptr), nullptr);
            } else if (row > 0 && isTime(column)) {
                lxw_datetime value = {std::atoi(text.substr(0, 4).c_str()),
                                      std::atoi(text.substr(5, 2).c_str()),
                                      std::atoi(text.substr(8, 2).c_str()),
                                      std::atoi(text.substr(11, 2).c_str()),
                                      std::atoi(text.substr(14, 2).c_str()),
                                      std::strtod(text.substr(17, 2).c_str(), nullptr)};
                worksheet_write_datetime(sheet, row, at, &value, time);
            } else {
                worksheet_write_string(sheet, row, at, text.c_str(), nullptr);
            }
        }
        ++row;
    }
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
                    && write(dir + "sheets.xlsx", sheets)
                    && write(dir + "youzan-orders.xlsx", youzanOrders)
                    && write(dir + "tracking.xlsx", tracking);
    if (!ok)
        std::fprintf(stderr, "xlsx_test_workbooks: cannot write the workbooks in %s\n", argv[1]);
    return ok ? 0 : 1;
}
