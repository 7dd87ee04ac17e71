package dev.driftd.testing;

/**
 * The small two-table schema (customers, orders with a foreign key, an index, a check) that the
 * fleet, plan, rollout and CLI apply tests give their golden and member databases.
 */
public final class FleetSchemas {
    public static final String[] POSTGRES = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz DEFAULT now())",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), "
                    + "total_cents integer NOT NULL CHECK (total_cents >= 0))",
            "CREATE INDEX orders_customer_idx ON orders (customer_id)"};

    public static final String[] MARIADB = {
            "CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(200) NOT NULL, "
                    + "created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, UNIQUE KEY customers_email (email)) ENGINE=InnoDB",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, total_cents int NOT NULL, "
                    + "KEY orders_customer (customer_id), "
                    + "CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB"};

    private FleetSchemas() {
    }
}
