#pragma once

#include "ListSource.h"

#include <memory>

namespace MicroShop {

class Database;

// The list pages' sources. Their columns and filters (ListQuery::filters):
//   products:  sku, name, category, unit, price, cost, stock, low_stock, barcode, active,
//              rate1, rate2, rate3 (basis points or NULL: the shop's rate)
//              filters: category (text), active (bool), lowStock (bool: stock <= low_stock),
//              overrides (bool: some level's rate is the product's own)
//   customers: code, name, phone, wechat, wechat_remark, channel, distributor code,
//              last_order_date, tags
//              filters: channel (code), distributor (code), notBoughtSince (YYYY-MM-DD: bought
//              before, but not on or after that day)
//   orders:    order_no, platform (code or empty), platform_no, date, customer name, customer
//              phone, distributor code, status,
//              goods_total, shipping_fee, total, refunded_total, tracking
//              filters: status (code), from, to (YYYY-MM-DD, inclusive), distributor (code),
//              customer (id)
//   movements: moved_at, kind, quantity, reference, actor, order_no
//              filters: product (id)
//   commissions: created date, order_no, distributor code, level, amount, state (settled,
//              available, pending as of today), available_on, payout id
//              filters: distributor (code), state, from, to (YYYY-MM-DD, on the entry's date)
//   payouts:   id, distributor code, distributor name, period_end, amount, entries, created_at
//              filters: distributor (code)
//   audit log: at, actor, action, subject (entity and entity_id), details; AuditTrail (core)
//              says what a row means to a person
//              filters: user (the actor, exactly), kind (an AuditTrail::kinds() code: the
//              actions "kind.*"), from, to (YYYY-MM-DD, inclusive, on the shop-local time)
namespace ShopLists {

// The orders' search on PostgreSQL writes up to this many customers (or shipments) found into its
// statement, rather than a subquery (ShopLists.cpp, orders).
constexpr int searchLiteralLimit = 1000;
// ... and tells whether a key of 1 or 2 characters is broad from this many customers.
constexpr int searchSample = 2000;

std::unique_ptr<ListSource> products(Database &database);
std::unique_ptr<ListSource> customers(Database &database);
std::unique_ptr<ListSource> orders(Database &database);
std::unique_ptr<ListSource> stockMovements(Database &database);
std::unique_ptr<ListSource> commissions(Database &database);
std::unique_ptr<ListSource> payouts(Database &database);
std::unique_ptr<ListSource> auditLog(Database &database);

} // namespace ShopLists
} // namespace MicroShop
