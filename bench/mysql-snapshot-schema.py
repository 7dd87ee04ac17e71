#!/usr/bin/env python3
"""Prints a synthetic MySQL/MariaDB schema of N tables for bench/mysql-snapshot.sh.

Deterministic (seeded): 8-30 columns of mixed types per table, 1-4 secondary indexes (some
unique, some prefix, some composite), a foreign key to an earlier table for most tables, a CHECK
on every third table, and one view per ten tables.
"""
import random
import sys

n = int(sys.argv[1])
rnd = random.Random(42)
TYPES = ["int", "bigint", "smallint unsigned", "tinyint(1)", "decimal(12,2)", "double", "varchar(40)",
         "varchar(255)", "char(8)", "text", "date", "datetime(3)", "timestamp", "json", "enum('a','b','c')",
         "varbinary(16)"]
DEFAULTS = {"int": "DEFAULT 0", "bigint": "DEFAULT NULL", "tinyint(1)": "NOT NULL DEFAULT 1",
            "varchar(40)": "NOT NULL DEFAULT ''", "decimal(12,2)": "DEFAULT '0.00'",
            "timestamp": "NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
            "enum('a','b','c')": "DEFAULT 'a'", "date": "DEFAULT '2020-01-01'"}
out = []
for i in range(n):
    ncols = rnd.randint(8, 30)
    cols = ["  id bigint NOT NULL AUTO_INCREMENT"]
    kinds = []
    for c in range(1, ncols):
        t = rnd.choice(TYPES)
        kinds.append((f"c{c}", t))
        extra = DEFAULTS.get(t, "") if rnd.random() < 0.5 else ""
        comment = f" COMMENT 'column {c}'" if rnd.random() < 0.1 else ""
        cols.append(f"  c{c} {t} {extra}{comment}".rstrip())
    parent = rnd.randrange(i) if i > 0 and rnd.random() < 0.7 else None
    if parent is not None:
        cols.append("  parent_id bigint")
    body = cols + ["  PRIMARY KEY (id)"]
    indexable = [(name, t) for name, t in kinds if t not in ("text", "json")]
    for k in range(rnd.randint(1, 4)):
        if not indexable:
            break
        picks = rnd.sample(indexable, min(len(indexable), rnd.randint(1, 2)))
        parts = []
        for name, t in picks:
            parts.append(f"{name}(10)" if t == "varchar(255)" else name)
        unique = "UNIQUE " if rnd.random() < 0.2 else ""
        body.append(f"  {unique}KEY ix_{i}_{k} ({', '.join(parts)})")
    if parent is not None:
        body.append(f"  CONSTRAINT fk_{i} FOREIGN KEY (parent_id) REFERENCES t{parent} (id) ON DELETE CASCADE")
    numeric = [name for name, t in kinds if t in ("int", "smallint unsigned", "decimal(12,2)")]
    if i % 3 == 0 and numeric:
        body.append(f"  CONSTRAINT chk_{i} CHECK ({numeric[0]} >= 0)")
    out.append(f"CREATE TABLE t{i} (\n" + ",\n".join(body) + "\n) ENGINE=InnoDB COMMENT='table {i}';")
for v in range(0, n, 10):
    out.append(f"CREATE VIEW v{v} AS SELECT a.id, a.c1 FROM t{v} a WHERE a.id > 0;")
print("SET foreign_key_checks = 0;")
print("\n".join(out))
