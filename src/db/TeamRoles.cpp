#include "TeamRoles.h"

namespace MicroShop::TeamRoles {

namespace {

// What a role may do on one table: privileges on every column, on every column but some (new
// columns included), or on some columns only.
struct Grant
{
    enum class Columns { All, Except, Only };
    QString role; // owner, manager, ...
    QString table;
    QString privileges;
    Columns columns = Columns::All;
    QStringList names = {};
};

const QString selectOnly = QStringLiteral("SELECT");
const QString write = QStringLiteral("SELECT, INSERT, UPDATE, DELETE");

// team.md's table of roles, table by table. owner has everything and finance reads everything
// (granted on every table by grantStatement(), a later table included); what follows is the
// rest. A clerk or packer never sees a cost: products.cost and order_lines.unit_cost are left
// out of what they read (the server fills a clerk's new order lines' cost, see
// microshop_line_cost). Every role reads the settings and the schema version and adds to the
// audit log; only owner and finance read it.
QList<Grant> grants()
{
    using C = Grant::Columns;
    const QString manager = QStringLiteral("manager");
    const QString clerk = QStringLiteral("clerk");
    const QString packer = QStringLiteral("packer");
    const QString finance = QStringLiteral("finance");
    const QStringList cost = {QStringLiteral("cost")};
    const QStringList unitCost = {QStringLiteral("unit_cost")};
    QList<Grant> list;
    for (const QString &role : {manager, clerk, packer, finance}) {
        list.append({role, QStringLiteral("schema_version"), selectOnly});
        list.append({role, QStringLiteral("settings"), selectOnly});
        list.append({role, QStringLiteral("audit_log"), QStringLiteral("INSERT")});
    }

    // manager: products, stock, customers, orders, distributors and reports; not settlements,
    // payouts, users, settings or the audit log.
    for (const char *table :
         {"products", "product_aliases", "stock_movements", "distributors", "distributor_closure",
          "customers", "customer_addresses", "orders", "order_lines", "payments", "shipments",
          "refunds", "refund_lines", "commission_basis", "payment_bill_lines"})
        list.append({manager, QString::fromLatin1(table), write});
    list.append({manager, QStringLiteral("payouts"), selectOnly});
    list.append({manager, QStringLiteral("commission_entries"), QStringLiteral("SELECT, INSERT")});
    list.append({manager,
                 QStringLiteral("commission_entries"),
                 QStringLiteral("UPDATE"),
                 C::Only,
                 {QStringLiteral("available_on")}}); // completing an order; never payout_id

    // clerk: customers and orders (create, pay, cancel, refund, complete), with the stock and the
    // commissions these moves write; sees prices, not costs.
    list.append({clerk, QStringLiteral("products"), selectOnly, C::Except, cost});
    list.append({clerk,
                 QStringLiteral("products"),
                 QStringLiteral("UPDATE"),
                 C::Only,
                 {QStringLiteral("stock")}});
    list.append({clerk, QStringLiteral("order_lines"), selectOnly, C::Except, unitCost});
    list.append({clerk, QStringLiteral("order_lines"), QStringLiteral("INSERT, UPDATE, DELETE")});
    for (const char *table : {"product_aliases", "distributors", "distributor_closure"})
        list.append({clerk, QString::fromLatin1(table), selectOnly});
    for (const char *table : {"customers", "customer_addresses", "orders"})
        list.append({clerk, QString::fromLatin1(table), write});
    for (const char *table : {"payments", "refunds", "refund_lines", "stock_movements",
                              "commission_basis", "payment_bill_lines"})
        list.append({clerk, QString::fromLatin1(table), QStringLiteral("SELECT, INSERT, UPDATE")});
    list.append({clerk, QStringLiteral("shipments"), selectOnly});
    list.append({clerk, QStringLiteral("commission_entries"), QStringLiteral("SELECT, INSERT")});
    list.append({clerk,
                 QStringLiteral("commission_entries"),
                 QStringLiteral("UPDATE"),
                 C::Only,
                 {QStringLiteral("available_on")}});

    // packer: the orders to ship with their receivers and items; ships them.
    list.append({packer, QStringLiteral("products"), selectOnly, C::Except, cost});
    list.append({packer, QStringLiteral("order_lines"), selectOnly, C::Except, unitCost});
    for (const char *table : {"orders", "customers", "customer_addresses", "payments", "refunds",
                              "refund_lines", "distributors"})
        list.append({packer, QString::fromLatin1(table), selectOnly});
    // The server lets a packer's update of an order through only when it ships a paid order and
    // changes nothing else (microshop_order_moves).
    list.append({packer, QStringLiteral("orders"), QStringLiteral("UPDATE")});
    list.append({packer, QStringLiteral("shipments"), QStringLiteral("SELECT, INSERT")});

    // finance: reads everything (below, on every table); settles and records payouts.
    list.append({finance, QStringLiteral("payouts"), QStringLiteral("INSERT")});
    list.append({finance,
                 QStringLiteral("commission_entries"),
                 QStringLiteral("UPDATE"),
                 C::Only,
                 {QStringLiteral("payout_id")}});
    return list;
}

QString sqlArray(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(u'\'' + name + u'\'');
    return QStringLiteral("ARRAY[%1]::text[]").arg(quoted.join(QStringLiteral(", ")));
}

QString grantSql(const Grant &grant)
{
    const QString role = QStringLiteral("db || '_%1'").arg(grant.role);
    if (grant.columns == Grant::Columns::All)
        return QStringLiteral("  IF to_regclass('%1') IS NOT NULL THEN\n"
                              "    EXECUTE format('GRANT %2 ON %1 TO %I', %3);\n"
                              "  END IF;\n")
            .arg(grant.table, grant.privileges, role);
    const QString match = grant.columns == Grant::Columns::Except ? QStringLiteral("<> ALL")
                                                                  : QStringLiteral("= ANY");
    return QStringLiteral(
               "  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols "
               "FROM pg_attribute WHERE attrelid = to_regclass('%1') AND attnum > 0 "
               "AND NOT attisdropped AND attname %2 (%3);\n"
               "  IF cols IS NOT NULL THEN\n"
               "    EXECUTE format('GRANT %4 (%s) ON %1 TO %I', cols, %5);\n"
               "  END IF;\n")
        .arg(grant.table, match, sqlArray(grant.names), grant.privileges, role);
}

} // namespace

QStringList names()
{
    return {QStringLiteral("owner"), QStringLiteral("manager"), QStringLiteral("clerk"),
            QStringLiteral("packer"), QStringLiteral("finance")};
}

bool isRole(const QString &role)
{
    return names().contains(role);
}

QStringList tablesWithGrants()
{
    QStringList tables;
    for (const Grant &grant : grants()) {
        if (!tables.contains(grant.table))
            tables.append(grant.table);
    }
    // The owner's alone: the users of schema version 1 (unused since logins are PostgreSQL's).
    tables.append(QStringLiteral("users"));
    return tables;
}

QStringList schemaStatements()
{
    return {
        // The five group roles of this database, and the login that creates the schema among
        // the owners (a superuser is everything already). Creating roles needs CREATEROLE.
        QStringLiteral(R"({postgresql} DO $roles$
DECLARE
  db text := current_database();
  r text;
BEGIN
  IF length(db) > 55 THEN
    RAISE EXCEPTION 'The database name % is too long for the roles of a team shop (at most 55 characters): give the shop a shorter database name.', db;
  END IF;
  FOREACH r IN ARRAY ARRAY['owner', 'manager', 'clerk', 'packer', 'finance'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = db || '_' || r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', db || '_' || r);
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'The PostgreSQL user % may not create the roles of the shop''s people: a superuser must give it the CREATEROLE attribute (ALTER ROLE % CREATEROLE), then open the shop again.', current_user, quote_ident(current_user);
      END;
    END IF;
  END LOOP;
  FOREACH r IN ARRAY ARRAY['manager', 'clerk', 'packer', 'finance'] LOOP
    EXECUTE format('GRANT %I TO %I WITH ADMIN OPTION', db || '_' || r, db || '_owner');
  END LOOP;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT %I TO %I', db || '_owner', current_user);
  END IF;
  -- Only the shop's people connect to its database; only owners change its schema.
  BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', db);
    FOREACH r IN ARRAY ARRAY['owner', 'manager', 'clerk', 'packer', 'finance'] LOOP
      EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', db, db || '_' || r);
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), db || '_' || r);
    END LOOP;
    EXECUTE format('GRANT CREATE ON SCHEMA %I TO %I', current_schema(), db || '_owner');
  EXCEPTION WHEN insufficient_privilege THEN
    NULL; -- not the database's owner: its administrator decides who connects
  END;
END $roles$)"),

        // The server names the person: a non-owner's actor is always their own login, whatever
        // the client sent (an owner may keep another, for a copy or restore of a shop's history).
        QStringLiteral(R"({postgresql} CREATE OR REPLACE FUNCTION microshop_actor() RETURNS trigger
LANGUAGE plpgsql AS $actor$
BEGIN
  IF NEW.actor IS NULL OR NEW.actor = ''
     OR NOT pg_has_role(session_user, current_database() || '_owner', 'MEMBER') THEN
    NEW.actor := session_user;
  END IF;
  RETURN NEW;
END $actor$)"),
        QStringLiteral("{postgresql} CREATE OR REPLACE TRIGGER audit_log_actor BEFORE INSERT ON "
                       "audit_log FOR EACH ROW EXECUTE FUNCTION microshop_actor()"),
        QStringLiteral("{postgresql} CREATE OR REPLACE TRIGGER refunds_actor BEFORE INSERT ON "
                       "refunds FOR EACH ROW EXECUTE FUNCTION microshop_actor()"),
        QStringLiteral("{postgresql} CREATE OR REPLACE TRIGGER stock_movements_actor BEFORE "
                       "INSERT ON stock_movements FOR EACH ROW EXECUTE FUNCTION "
                       "microshop_actor()"),
        QStringLiteral("{postgresql} CREATE OR REPLACE TRIGGER payouts_actor BEFORE INSERT ON "
                       "payouts FOR EACH ROW EXECUTE FUNCTION microshop_actor()"),

        // A person who may not read costs still makes order lines: the server copies the
        // product's cost onto them (as the owner role, which reads it).
        QStringLiteral(R"({postgresql} CREATE OR REPLACE FUNCTION microshop_line_cost()
RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $cost$
BEGIN
  IF NOT has_column_privilege(session_user, 'products', 'cost', 'SELECT') THEN
    NEW.unit_cost := COALESCE((SELECT cost FROM products WHERE id = NEW.product_id), 0);
  END IF;
  RETURN NEW;
END $cost$)"),
        QStringLiteral("{postgresql} CREATE OR REPLACE TRIGGER order_lines_cost BEFORE INSERT ON "
                       "order_lines FOR EACH ROW EXECUTE FUNCTION microshop_line_cost()"),
        // Only an owner, manager or clerk moves orders as they like (within the app's rules);
        // anyone else with UPDATE on orders (a packer) may only ship a paid one.
        QStringLiteral(R"({postgresql} CREATE OR REPLACE FUNCTION microshop_order_moves()
RETURNS trigger LANGUAGE plpgsql AS $moves$
DECLARE
  db text := current_database();
  moved text[] := ARRAY['status', 'shipped_at', 'updated_at', 'version', 'row_version'];
BEGIN
  IF pg_has_role(session_user, db || '_owner', 'MEMBER')
     OR pg_has_role(session_user, db || '_manager', 'MEMBER')
     OR pg_has_role(session_user, db || '_clerk', 'MEMBER')
     OR (OLD.status = 'paid' AND NEW.status = 'shipped'
         AND to_jsonb(NEW) - moved = to_jsonb(OLD) - moved) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'permission denied: % may only ship paid orders', session_user
    USING ERRCODE = 'insufficient_privilege';
END $moves$)"),
        QStringLiteral("{postgresql} CREATE OR REPLACE TRIGGER orders_moves BEFORE UPDATE ON "
                       "orders FOR EACH ROW EXECUTE FUNCTION microshop_order_moves()"),
        QStringLiteral(R"({postgresql} DO $owner$
BEGIN
  REVOKE ALL ON FUNCTION microshop_actor(), microshop_line_cost(), microshop_order_moves()
    FROM PUBLIC;
  EXECUTE format('ALTER FUNCTION microshop_actor() OWNER TO %I', current_database() || '_owner');
  EXECUTE format('ALTER FUNCTION microshop_line_cost() OWNER TO %I',
                 current_database() || '_owner');
  EXECUTE format('ALTER FUNCTION microshop_order_moves() OWNER TO %I',
                 current_database() || '_owner');
EXCEPTION WHEN insufficient_privilege THEN
  NULL; -- the owners may not create in this schema: the functions stay the login's
END $owner$)"),
        QStringLiteral("{postgresql} ") + grantStatement(),
    };
}

QString grantStatement()
{
    QString body;
    for (const Grant &grant : grants())
        body += grantSql(grant);
    return QStringLiteral(R"(DO $grants$
DECLARE
  db text := current_database();
  r text;
  cols text;
  rel record;
BEGIN
  -- Start again from nothing: PUBLIC and the roles lose what they had, owners own the tables
  -- and have everything, finance reads everything.
  FOR rel IN SELECT c.oid::regclass AS name, c.relkind AS kind, c.relowner AS owner
             FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace
             AND c.relkind IN ('r', 'p', 'v', 'm', 'S') LOOP
    IF rel.kind <> 'S' AND rel.owner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       AND pg_has_role(current_user, db || '_owner', 'MEMBER') THEN
      BEGIN
        EXECUTE format('ALTER TABLE %s OWNER TO %I', rel.name, db || '_owner');
      EXCEPTION WHEN insufficient_privilege THEN
        NULL; -- the owners may not create in this schema: the table stays the login's
      END;
    END IF;
    EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', rel.name);
    FOREACH r IN ARRAY ARRAY['manager', 'clerk', 'packer', 'finance'] LOOP
      EXECUTE format('REVOKE ALL ON %s FROM %I', rel.name, db || '_' || r);
    END LOOP;
    IF rel.kind = 'S' THEN
      EXECUTE format('GRANT ALL ON SEQUENCE %s TO %I', rel.name, db || '_owner');
    ELSE
      EXECUTE format('GRANT ALL ON %s TO %I', rel.name, db || '_owner');
      EXECUTE format('GRANT SELECT ON %s TO %I', rel.name, db || '_finance');
    END IF;
  END LOOP;
%1
  -- Whoever may insert into a table may take its next id.
  FOR rel IN SELECT s.oid::regclass AS name, d.refobjid::regclass AS owner_table
             FROM pg_class s JOIN pg_depend d ON d.classid = 'pg_class'::regclass
             AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass
             WHERE s.relkind = 'S' AND s.relnamespace = current_schema()::regnamespace LOOP
    FOREACH r IN ARRAY ARRAY['manager', 'clerk', 'packer', 'finance'] LOOP
      IF has_any_column_privilege(db || '_' || r, rel.owner_table, 'INSERT') THEN
        EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO %I', rel.name, db || '_' || r);
      END IF;
    END LOOP;
  END LOOP;
END $grants$)")
        .arg(body);
}

} // namespace MicroShop::TeamRoles
