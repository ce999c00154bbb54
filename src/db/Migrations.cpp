#include "Migrations.h"

#include "TeamRoles.h"

namespace MicroShop::Migrations {

namespace {

// The tables of version 1. Money columns are 64-bit integers of minor units, rates are basis
// points, dates are shop-local text (YYYY-MM-DD[ HH:MM:SS]) that sorts as dates. Foreign keys are
// DEFERRABLE so that a restore can insert a tree in any order.

// The shop itself: its settings, its users and the audit log of what they changed.
QStringList shopTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),

        QStringLiteral(R"(CREATE TABLE users (
            id {id},
            username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
            display_name TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'clerk')),
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL))"),

        QStringLiteral(R"(CREATE TABLE audit_log (
            id {id},
            at TEXT NOT NULL,
            user_id BIGINT REFERENCES users (id) DEFERRABLE INITIALLY IMMEDIATE,
            actor TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            entity TEXT NOT NULL DEFAULT '',
            entity_id TEXT NOT NULL DEFAULT '',
            details TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)"),
        QStringLiteral("CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)"),
    };
}

// The catalog: products with their prices, stock levels and commission rates.
QStringList catalogTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE products (
            id {id},
            sku TEXT NOT NULL UNIQUE
                CHECK (length(sku) BETWEEN 1 AND 64 AND sku NOT LIKE '% %'),
            name TEXT NOT NULL CHECK (name <> ''),
            category TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            price BIGINT NOT NULL CHECK (price >= 0),
            cost BIGINT NOT NULL DEFAULT 0 CHECK (cost >= 0),
            stock BIGINT NOT NULL DEFAULT 0,
            low_stock BIGINT NOT NULL DEFAULT 0 CHECK (low_stock >= 0),
            barcode TEXT UNIQUE CHECK (barcode IS NULL OR barcode <> ''),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            image {blob},
            notes TEXT NOT NULL DEFAULT '',
            rate1 INTEGER CHECK (rate1 BETWEEN 0 AND 10000),
            rate2 INTEGER CHECK (rate2 BETWEEN 0 AND 10000),
            rate3 INTEGER CHECK (rate3 BETWEEN 0 AND 10000),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX products_name ON products (name)"),
        QStringLiteral("CREATE INDEX products_category ON products (category, name)"),
    };
}

// The distributor tree and its closure.
QStringList distributorTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE distributors (
            id {id},
            code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
            name TEXT NOT NULL CHECK (name <> ''),
            phone TEXT NOT NULL DEFAULT '',
            wechat TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'suspended', 'left')),
            joined TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            upline_id BIGINT REFERENCES distributors (id) DEFERRABLE INITIALLY IMMEDIATE,
            depth INTEGER NOT NULL DEFAULT 1 CHECK (depth >= 1),
            CHECK (upline_id IS NULL OR upline_id <> id)))"),
        QStringLiteral("CREATE INDEX distributors_upline ON distributors (upline_id, code)"),
        QStringLiteral("CREATE INDEX distributors_name ON distributors (name)"),
        QStringLiteral("CREATE INDEX distributors_phone ON distributors (phone)"),
        QStringLiteral("CREATE INDEX distributors_wechat ON distributors (wechat)"),

        // Every (ancestor, descendant) pair with their distance, itself included at distance 0:
        // team sizes and team sales without walking the tree.
        QStringLiteral(R"(CREATE TABLE distributor_closure (
            ancestor_id BIGINT NOT NULL
                REFERENCES distributors (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            descendant_id BIGINT NOT NULL
                REFERENCES distributors (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            distance INTEGER NOT NULL CHECK (distance >= 0),
            PRIMARY KEY (ancestor_id, descendant_id)))"),
        QStringLiteral(
            "CREATE INDEX distributor_closure_descendant ON distributor_closure (descendant_id)"),
    };
}

// Customers and their addresses.
QStringList customerTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE customers (
            id {id},
            code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
            name TEXT NOT NULL CHECK (name <> ''),
            phone TEXT NOT NULL DEFAULT '',
            wechat TEXT NOT NULL DEFAULT '',
            wechat_remark TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT 'other'
                CHECK (channel IN ('moments', 'group', 'referral', 'offline', 'other')),
            distributor_id BIGINT REFERENCES distributors (id) DEFERRABLE INITIALLY IMMEDIATE,
            tags TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            last_order_date TEXT))"),
        QStringLiteral("CREATE INDEX customers_name ON customers (name)"),
        QStringLiteral("CREATE INDEX customers_phone ON customers (phone)"),
        QStringLiteral("CREATE INDEX customers_wechat ON customers (wechat)"),
        QStringLiteral("CREATE INDEX customers_wechat_remark ON customers (wechat_remark)"),
        QStringLiteral("CREATE INDEX customers_distributor ON customers (distributor_id)"),
        QStringLiteral("CREATE INDEX customers_last_order ON customers (last_order_date)"),

        QStringLiteral(R"(CREATE TABLE customer_addresses (
            id {id},
            customer_id BIGINT NOT NULL
                REFERENCES customers (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            receiver TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            province TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            district TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))))"),
        QStringLiteral(
            "CREATE INDEX customer_addresses_customer ON customer_addresses (customer_id)"),
        QStringLiteral("CREATE UNIQUE INDEX customer_addresses_one_default "
                       "ON customer_addresses (customer_id) WHERE is_default = 1"),
    };
}

// Orders and their lines.
QStringList orderTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE orders (
            id {id},
            order_no TEXT NOT NULL UNIQUE CHECK (length(order_no) BETWEEN 1 AND 64),
            date TEXT NOT NULL,
            customer_id BIGINT NOT NULL
                REFERENCES customers (id) DEFERRABLE INITIALLY IMMEDIATE,
            distributor_id BIGINT REFERENCES distributors (id) DEFERRABLE INITIALLY IMMEDIATE,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
                ('pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded')),
            goods_total BIGINT NOT NULL DEFAULT 0 CHECK (goods_total >= 0),
            shipping_fee BIGINT NOT NULL DEFAULT 0 CHECK (shipping_fee >= 0),
            refunded_total BIGINT NOT NULL DEFAULT 0 CHECK (refunded_total >= 0),
            paid_at TEXT,
            shipped_at TEXT,
            completed_at TEXT,
            cancelled_at TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX orders_date ON orders (date)"),
        QStringLiteral("CREATE INDEX orders_status_date ON orders (status, date)"),
        QStringLiteral("CREATE INDEX orders_customer_date ON orders (customer_id, date)"),
        QStringLiteral("CREATE INDEX orders_distributor_date ON orders (distributor_id, date)"),
        QStringLiteral("CREATE INDEX orders_completed ON orders (completed_at)"),

        // net = max(0, quantity * unit_price - discount), stored as computed when the line was
        // made; unit_price and unit_cost are snapshots of the product at that time.
        QStringLiteral(R"(CREATE TABLE order_lines (
            id {id},
            order_id BIGINT NOT NULL
                REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            line_no INTEGER NOT NULL CHECK (line_no >= 1),
            product_id BIGINT NOT NULL REFERENCES products (id) DEFERRABLE INITIALLY IMMEDIATE,
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
            unit_cost BIGINT NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
            discount BIGINT NOT NULL DEFAULT 0 CHECK (discount >= 0),
            net BIGINT NOT NULL CHECK (net >= 0),
            refunded_quantity BIGINT NOT NULL DEFAULT 0,
            refunded_amount BIGINT NOT NULL DEFAULT 0,
            CHECK (refunded_quantity BETWEEN 0 AND quantity),
            CHECK (refunded_amount BETWEEN 0 AND net),
            UNIQUE (order_id, line_no)))"),
        QStringLiteral("CREATE INDEX order_lines_product ON order_lines (product_id)"),
    };
}

// What happens to an order after it is made: payments, shipments and refunds.
QStringList fulfilmentTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE payments (
            id {id},
            order_id BIGINT NOT NULL
                REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            method TEXT NOT NULL
                CHECK (method IN ('wechat', 'alipay', 'bank', 'cash', 'other')),
            paid_at TEXT NOT NULL,
            amount BIGINT NOT NULL CHECK (amount >= 0)))"),
        QStringLiteral("CREATE INDEX payments_order ON payments (order_id)"),

        QStringLiteral(R"(CREATE TABLE shipments (
            id {id},
            order_id BIGINT NOT NULL
                REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            courier TEXT NOT NULL DEFAULT '',
            tracking TEXT NOT NULL DEFAULT '',
            shipped_at TEXT NOT NULL,
            receiver TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            province TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            district TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX shipments_order ON shipments (order_id)"),
        QStringLiteral("CREATE INDEX shipments_tracking ON shipments (tracking)"),

        QStringLiteral(R"(CREATE TABLE refunds (
            id {id},
            order_id BIGINT NOT NULL
                REFERENCES orders (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            refunded_at TEXT NOT NULL,
            goods_amount BIGINT NOT NULL DEFAULT 0 CHECK (goods_amount >= 0),
            shipping_amount BIGINT NOT NULL DEFAULT 0 CHECK (shipping_amount >= 0),
            restock INTEGER NOT NULL DEFAULT 0 CHECK (restock IN (0, 1)),
            reason TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX refunds_order ON refunds (order_id)"),

        QStringLiteral(R"(CREATE TABLE refund_lines (
            id {id},
            refund_id BIGINT NOT NULL
                REFERENCES refunds (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            order_line_id BIGINT NOT NULL
                REFERENCES order_lines (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            quantity BIGINT NOT NULL CHECK (quantity > 0),
            amount BIGINT NOT NULL CHECK (amount >= 0)))"),
        QStringLiteral("CREATE INDEX refund_lines_refund ON refund_lines (refund_id)"),
        QStringLiteral("CREATE INDEX refund_lines_order_line ON refund_lines (order_line_id)"),
    };
}

// Every change of a product's stock, with its reason.
QStringList stockTables()
{
    return {
        QStringLiteral(R"(CREATE TABLE stock_movements (
            id {id},
            product_id BIGINT NOT NULL REFERENCES products (id) DEFERRABLE INITIALLY IMMEDIATE,
            moved_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ('initial', 'purchase', 'adjustment', 'sale', 'cancel', 'return')),
            quantity BIGINT NOT NULL CHECK (quantity <> 0),
            order_id BIGINT REFERENCES orders (id) DEFERRABLE INITIALLY IMMEDIATE,
            reference TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral(
            "CREATE INDEX stock_movements_product ON stock_movements (product_id, moved_at)"),
        QStringLiteral("CREATE INDEX stock_movements_order ON stock_movements (order_id)"),
    };
}

// Commissions: payouts, the ledger and the basis each commission was computed on.
QStringList commissionTables()
{
    return {
        // period_end: the "settle up to" date the payout covers.
        QStringLiteral(R"(CREATE TABLE payouts (
            id {id},
            distributor_id BIGINT NOT NULL
                REFERENCES distributors (id) DEFERRABLE INITIALLY IMMEDIATE,
            period_end TEXT NOT NULL,
            created_at TEXT NOT NULL,
            amount BIGINT NOT NULL CHECK (amount > 0),
            entries INTEGER NOT NULL CHECK (entries > 0),
            actor TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX payouts_distributor ON payouts (distributor_id, period_end)"),

        // Append-only: a commission (amount > 0) when earned, a reversal (amount < 0) when
        // taken back. available_on is set when the order completes (completion + hold days).
        QStringLiteral(R"(CREATE TABLE commission_entries (
            id {id},
            order_id BIGINT NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY IMMEDIATE,
            distributor_id BIGINT NOT NULL
                REFERENCES distributors (id) DEFERRABLE INITIALLY IMMEDIATE,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
            kind TEXT NOT NULL CHECK (kind IN ('commission', 'reversal')),
            amount BIGINT NOT NULL,
            created_at TEXT NOT NULL,
            available_on TEXT,
            payout_id BIGINT REFERENCES payouts (id) DEFERRABLE INITIALLY IMMEDIATE,
            CHECK ((kind = 'commission' AND amount > 0) OR (kind = 'reversal' AND amount < 0))))"),
        QStringLiteral("CREATE INDEX commission_entries_order ON commission_entries (order_id)"),
        QStringLiteral("CREATE INDEX commission_entries_distributor "
                       "ON commission_entries (distributor_id, payout_id, available_on)"),
        QStringLiteral("CREATE INDEX commission_entries_payout ON commission_entries (payout_id)"),

        // Who earned on each line at each level, at which rate, as the tree and the rates were
        // when the order was paid: refunds recompute from this, never from today's settings.
        QStringLiteral(R"(CREATE TABLE commission_basis (
            order_line_id BIGINT NOT NULL
                REFERENCES order_lines (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
            distributor_id BIGINT NOT NULL
                REFERENCES distributors (id) DEFERRABLE INITIALLY IMMEDIATE,
            rate INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),
            PRIMARY KEY (order_line_id, level)))"),
        QStringLiteral(
            "CREATE INDEX commission_basis_distributor ON commission_basis (distributor_id)"),
    };
}

// Version 1: the whole schema of domain.md, a group of tables after the groups its foreign keys
// name.
QStringList schemaVersion1()
{
    return shopTables() + catalogTables() + distributorTables() + customerTables() + orderTables()
           + fulfilmentTables() + stockTables() + commissionTables();
}

// A trigram index of the customers' names, phones, WeChat IDs and remarks, kept by triggers:
// search as you type finds any part of them among 200,000 without reading them all (SQLite's
// FTS5; PostgreSQL scans, as before).
QStringList schemaVersion2()
{
    const QString columns = QStringLiteral("name, phone, wechat, wechat_remark");
    const QString newValues = QStringLiteral("new.name, new.phone, new.wechat, new.wechat_remark");
    const QString oldValues = QStringLiteral("old.name, old.phone, old.wechat, old.wechat_remark");
    return {
        QStringLiteral("{sqlite} CREATE VIRTUAL TABLE customer_search USING fts5(%1, "
                       "content='customers', content_rowid='id', tokenize='trigram')")
            .arg(columns),
        QStringLiteral("{sqlite} CREATE TRIGGER customer_search_insert AFTER INSERT ON customers "
                       "BEGIN INSERT INTO customer_search (rowid, %1) VALUES (new.id, %2); END")
            .arg(columns, newValues),
        QStringLiteral("{sqlite} CREATE TRIGGER customer_search_delete AFTER DELETE ON customers "
                       "BEGIN INSERT INTO customer_search (customer_search, rowid, %1) VALUES "
                       "('delete', old.id, %2); END")
            .arg(columns, oldValues),
        QStringLiteral("{sqlite} CREATE TRIGGER customer_search_update AFTER UPDATE OF %1 ON "
                       "customers BEGIN INSERT INTO customer_search (customer_search, rowid, %1) "
                       "VALUES ('delete', old.id, %2); INSERT INTO customer_search (rowid, %1) "
                       "VALUES (new.id, %3); END")
            .arg(columns, oldValues, newValues),
        QStringLiteral("{sqlite} INSERT INTO customer_search (customer_search) "
                       "VALUES ('rebuild')"),
    };
}

// Orders from the platforms (platforms.md): an imported order keeps the platform and its number
// there, unique together; a customer first met on a platform has it as channel, with the buyer's
// account; the platforms' names of products are aliases. SQLite cannot alter a CHECK: its
// documented way for a constraint that only widens is to rewrite the table's text in the schema.
QStringList schemaVersion4()
{
    const QString channels = QStringLiteral(
        "'moments', 'group', 'referral', 'offline', 'other', 'youzan', 'weidian', 'taobao', "
        "'pinduoduo'");
    QString quotedChannels = channels;
    quotedChannels.replace(QStringLiteral("'"), QStringLiteral("''"));
    return {
        QStringLiteral("{sqlite} PRAGMA writable_schema = ON"),
        QStringLiteral("{sqlite} UPDATE sqlite_schema SET sql = replace(sql, "
                       "'''offline'', ''other'')', '%1)') "
                       "WHERE type = 'table' AND name = 'customers'")
            .arg(quotedChannels),
        QStringLiteral("{sqlite} PRAGMA writable_schema = RESET"),
        QStringLiteral(
            "{postgresql} ALTER TABLE customers DROP CONSTRAINT customers_channel_check"),
        QStringLiteral("{postgresql} ALTER TABLE customers ADD CONSTRAINT customers_channel_check "
                       "CHECK (channel IN (%1))")
            .arg(channels),
        QStringLiteral(
            "ALTER TABLE customers ADD COLUMN platform_account TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX customers_platform_account ON customers "
                       "(platform_account, channel)"),
        QStringLiteral("ALTER TABLE orders ADD COLUMN platform TEXT NOT NULL DEFAULT '' CHECK "
                       "(platform IN ('', 'youzan', 'weidian', 'taobao', 'pinduoduo'))"),
        QStringLiteral("ALTER TABLE orders ADD COLUMN platform_no TEXT CHECK "
                       "(platform_no IS NULL OR (platform <> '' AND length(platform_no) BETWEEN 1 "
                       "AND 64))"),
        QStringLiteral("CREATE UNIQUE INDEX orders_platform_no ON orders (platform_no, platform)"),
        QStringLiteral(R"(CREATE TABLE product_aliases (
            platform TEXT NOT NULL CHECK (platform IN ('youzan', 'weidian', 'taobao', 'pinduoduo')),
            code TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            spec TEXT NOT NULL DEFAULT '',
            product_id BIGINT NOT NULL
                REFERENCES products (id) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
            CHECK (code <> '' OR name <> ''),
            PRIMARY KEY (platform, code, name, spec)))"),
        QStringLiteral("CREATE INDEX product_aliases_product ON product_aliases (product_id)"),
    };
}

// Payment bills (platforms.md): every line imported from a WeChat bill, once (the same bill
// imported again finds its lines here), with the order it was matched to and what reconciling
// found. A refund is known by its own refund number, so that two refunds of one payment are two.
QStringList schemaVersion5()
{
    return {
        QStringLiteral(R"(CREATE TABLE payment_bill_lines (
            id {id},
            source TEXT NOT NULL CHECK (source IN ('wechat', 'wechat-personal')),
            bill_no TEXT NOT NULL CHECK (length(bill_no) BETWEEN 1 AND 128),
            refund_no TEXT NOT NULL DEFAULT '',
            merchant_order_no TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
            amount BIGINT NOT NULL CHECK (amount >= 0),
            status TEXT NOT NULL DEFAULT '',
            counterparty TEXT NOT NULL DEFAULT '',
            order_id BIGINT REFERENCES orders (id) ON DELETE SET NULL DEFERRABLE INITIALLY IMMEDIATE,
            outcome TEXT NOT NULL
                CHECK (outcome IN ('matched', 'mismatch', 'unknown', 'refund', 'income')),
            imported_at TEXT NOT NULL,
            UNIQUE (source, bill_no, kind, refund_no)))"),
        QStringLiteral("CREATE INDEX payment_bill_lines_at ON payment_bill_lines (at)"),
        QStringLiteral("CREATE INDEX payment_bill_lines_order ON payment_bill_lines (order_id)"),
    };
}

// Live lists (team.md "Working at the same time"): on PostgreSQL every change to a table that a
// page shows tells the desktops listening on the channel microshop_changes which table changed.
// One notification per statement, not per row (an import of 10,000 rows sends a few), and
// PostgreSQL folds equal notifications of one transaction into one, sent at its commit.
QStringList schemaVersion8()
{
    QStringList statements = {QStringLiteral(
        "{postgresql} CREATE OR REPLACE FUNCTION microshop_notify_change() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('microshop_changes', TG_TABLE_NAME); "
        "RETURN NULL; END $$")};
    const QStringList tables = {QStringLiteral("products"),
                                QStringLiteral("stock_movements"),
                                QStringLiteral("customers"),
                                QStringLiteral("customer_addresses"),
                                QStringLiteral("orders"),
                                QStringLiteral("order_lines"),
                                QStringLiteral("payments"),
                                QStringLiteral("shipments"),
                                QStringLiteral("refunds"),
                                QStringLiteral("distributors"),
                                QStringLiteral("distributor_closure"),
                                QStringLiteral("commission_entries"),
                                QStringLiteral("payouts")};
    for (const QString &table : tables)
        statements.append(QStringLiteral("{postgresql} CREATE TRIGGER %1_changes AFTER INSERT OR "
                                         "UPDATE OR DELETE ON %1 FOR EACH STATEMENT EXECUTE "
                                         "FUNCTION microshop_notify_change()")
                              .arg(table));
    return statements;
}

// Search as you type and the audit log's kinds at a million orders on PostgreSQL too
// (decisions.md, "Scale on PostgreSQL"). A number, a tracking number or a customer code is found
// by its start (LIKE 'text%'): a B-tree of text_pattern_ops answers that whatever the database's
// collation. Any part of a customer's name, remark, phone or WeChat ID (ILIKE '%text%') and of a
// product's lowered name, SKU or barcode is found by pg_trgm's trigram indexes, like SQLite's
// FTS5. pg_trgm is a trusted extension (PostgreSQL 13+): a login that may create in the database
// (its owner) creates it. One that may not, or a server without the extension, gets the rest
// of this step and a notice: search stays correct, it reads the customers instead.
QStringList schemaVersion9()
{
    struct Trigrams
    {
        const char *name;
        const char *table;
        const char *expression;
    };
    QString trigramIndexes;
    for (const Trigrams &index : {Trigrams{"customers_name_trgm", "customers", "name"},
                                  Trigrams{"customers_remark_trgm", "customers", "wechat_remark"},
                                  Trigrams{"customers_phone_trgm", "customers", "phone"},
                                  Trigrams{"customers_wechat_trgm", "customers", "wechat"},
                                  Trigrams{"products_name_trgm", "products", "lower(name)"},
                                  Trigrams{"products_sku_trgm", "products", "lower(sku)"},
                                  Trigrams{"products_barcode_trgm", "products", "lower(barcode)"}})
        trigramIndexes += QStringLiteral("    EXECUTE format('CREATE INDEX %1 ON %2 USING gin (%3 "
                                         "%I.gin_trgm_ops)', trgm);\n")
                              .arg(QLatin1String(index.name), QLatin1String(index.table),
                                   QLatin1String(index.expression));
    return {
        QStringLiteral(R"({postgresql} DO $trigrams$
DECLARE
  trgm text;
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'MicroShop: the extension pg_trgm could not be created (%): searching customers by any part of a name reads them all. A superuser may run CREATE EXTENSION pg_trgm in this database, then the statements of decisions.md "Scale on PostgreSQL".', SQLERRM;
  END;
  SELECT n.nspname INTO trgm FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
  IF trgm IS NOT NULL THEN
%1  END IF;
END $trigrams$)")
            .arg(trigramIndexes),
        QStringLiteral("{postgresql} CREATE INDEX orders_order_no_prefix ON orders "
                       "(order_no text_pattern_ops)"),
        QStringLiteral("{postgresql} CREATE INDEX orders_platform_no_prefix ON orders "
                       "(platform_no text_pattern_ops)"),
        QStringLiteral("{postgresql} CREATE INDEX shipments_tracking_prefix ON shipments "
                       "(tracking text_pattern_ops)"),
        QStringLiteral("{postgresql} CREATE INDEX customers_code_prefix ON customers "
                       "(code text_pattern_ops)"),
        // The Audit log page's kinds: a range of the action's start (SQLite), LIKE 'kind.%'
        // (PostgreSQL), then the rows of that kind in the order of their time.
        QStringLiteral("{sqlite} CREATE INDEX audit_log_action ON audit_log (action, at)"),
        QStringLiteral("{postgresql} CREATE INDEX audit_log_action ON audit_log "
                       "(action text_pattern_ops, at)"),
    };
}

// A customer found by 1 or 2 characters of their name, remark, phone or WeChat ID at once on
// PostgreSQL (decisions.md, "Scale on PostgreSQL"): no trigram has fewer than 3, so those keys
// read all the customers. Every piece of 1 and 2 characters of the four fields, lowered, in one
// array per customer, with a GIN index: `microshop_short_pieces(...) @> ARRAY['周秀']`. The
// pieces of each field are their own (a piece never spans two fields), as LIKE on each field.
QStringList schemaVersion10()
{
    return {
        QStringLiteral(
            R"({postgresql} CREATE OR REPLACE FUNCTION microshop_short_pieces(VARIADIC fields text[])
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT piece), '{}') FROM (
    SELECT substr(lower(field), start, size) AS piece
    FROM unnest(fields) AS field, generate_series(1, 2) AS size,
         generate_series(1, length(field)) AS start
    WHERE field IS NOT NULL AND start + size - 1 <= length(field)) AS pieces
$$)"),
        QStringLiteral("{postgresql} CREATE INDEX customers_short_pieces ON customers USING gin "
                       "(microshop_short_pieces(name, wechat_remark, phone, wechat))"),
    };
}

// The ledger's balances at a million orders (issue 16): the Dashboard's commissions available
// and a settlement's preview sum each distributor's entries without a payout. With the amount
// and the creation time in the distributor's index they read that index alone (0.3 s and 0.6 s
// for 1.2 million entries, where reading the entries took 4 to 5 s). The payout's index keeps
// only the entries paid out, so that no reader of "payout_id IS NULL" takes it for that.
QStringList schemaVersion11()
{
    return {
        QStringLiteral("DROP INDEX commission_entries_distributor"),
        QStringLiteral("CREATE INDEX commission_entries_distributor ON commission_entries "
                       "(distributor_id, payout_id, available_on, amount, created_at)"),
        QStringLiteral("DROP INDEX commission_entries_payout"),
        QStringLiteral("CREATE INDEX commission_entries_payout ON commission_entries (payout_id) "
                       "WHERE payout_id IS NOT NULL"),
    };
}

} // namespace

const QList<Migration> &all()
{
    static const QList<Migration> migrations = {
        {1, QStringLiteral("the whole schema of domain.md"), schemaVersion1()},
        {2, QStringLiteral("customers found by any part of their name, phone or WeChat (SQLite)"),
         schemaVersion2()},
        // The Commissions page lists the ledger newest first: 1.9 s to sort a million entries
        // for its first rows without this, at once with it.
        {3,
         QStringLiteral("the commission ledger in the order of its dates"),
         {QStringLiteral("CREATE INDEX commission_entries_created ON commission_entries "
                         "(created_at)")}},
        {4, QStringLiteral("orders, customers and product aliases from the platforms"),
         schemaVersion4()},
        {5, QStringLiteral("payment bills and their reconciliation with the orders"),
         schemaVersion5()},
        // team.md: an edit saved over someone else's newer change is refused; the editors save
        // over the version they read (UPDATE ... WHERE row_version = ?, which adds one).
        {6,
         QStringLiteral("a row version on the records people edit"),
         {QStringLiteral("ALTER TABLE products ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1"),
          QStringLiteral("ALTER TABLE customers ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1"),
          QStringLiteral(
              "ALTER TABLE distributors ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1"),
          QStringLiteral("ALTER TABLE orders ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1")}},
        // team.md: people and roles enforced by the server (nothing on SQLite).
        {7, QStringLiteral("the roles of a team shop's people, and the audit naming them"),
         TeamRoles::schemaStatements()},
        {8, QStringLiteral("other desktops told of changes to what the pages show (PostgreSQL)"),
         schemaVersion8()},
        {9,
         QStringLiteral("search as you type and the audit log's kinds at scale (PostgreSQL too)"),
         schemaVersion9()},
        {10, QStringLiteral("customers found by 1 or 2 characters at once (PostgreSQL)"),
         schemaVersion10()},
        {11, QStringLiteral("the commission ledger's balances read from an index"),
         schemaVersion11()},
    };
    return migrations;
}

int latestVersion()
{
    return all().constLast().version;
}

QStringList tablesInDependencyOrder()
{
    return {QStringLiteral("settings"),
            QStringLiteral("users"),
            QStringLiteral("audit_log"),
            QStringLiteral("products"),
            QStringLiteral("product_aliases"),
            QStringLiteral("distributors"),
            QStringLiteral("distributor_closure"),
            QStringLiteral("customers"),
            QStringLiteral("customer_addresses"),
            QStringLiteral("orders"),
            QStringLiteral("order_lines"),
            QStringLiteral("payments"),
            QStringLiteral("shipments"),
            QStringLiteral("refunds"),
            QStringLiteral("refund_lines"),
            QStringLiteral("stock_movements"),
            QStringLiteral("payouts"),
            QStringLiteral("commission_entries"),
            QStringLiteral("commission_basis"),
            QStringLiteral("payment_bill_lines")};
}

} // namespace MicroShop::Migrations
