package dev.driftd.dialect.mysql;

import dev.driftd.sql.StatementSplitter;

import java.util.List;

/**
 * "Same schema, different history" pairs: each must snapshot to the same fingerprint and make
 * {@code driftd diff} exit 0. {@code mariaDbOnly} cases use syntax or behaviour MySQL 8 lacks;
 * the rest also run against MySQL 8.4 in {@link Mysql8ContainerIT}. Statements are cut by
 * {@link StatementSplitter} as the mysql client would; {@code {db}} stands for the database's own name.
 */
final class MysqlEquivalenceCases {
    record Case(String name, String golden, String target, boolean mariaDbOnly) {
        String[] goldenStatements(String database) {
            return StatementSplitter.texts(golden.replace("{db}", database), StatementSplitter.Syntax.MYSQL)
                    .toArray(String[]::new);
        }

        String[] targetStatements(String database) {
            return StatementSplitter.texts(target.replace("{db}", database), StatementSplitter.Syntax.MYSQL)
                    .toArray(String[]::new);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private MysqlEquivalenceCases() {
    }

    static List<Case> all() {
        return List.of(
                new Case("column added later with AFTER vs created in place",
                        "CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int)",
                        "CREATE TABLE t (id int PRIMARY KEY, b int);\nALTER TABLE t ADD COLUMN a varchar(10) AFTER id",
                        false),
                new Case("index added by ALTER / CREATE INDEX vs in CREATE TABLE",
                        "CREATE TABLE t (id int PRIMARY KEY, a int, b int, KEY ix_a (a), UNIQUE KEY ux_b (b))",
                        "CREATE TABLE t (id int PRIMARY KEY, a int, b int);\nALTER TABLE t ADD INDEX ix_a (a);\n"
                                + "CREATE UNIQUE INDEX ux_b ON t (b)",
                        false),
                new Case("column charset stated equal to the table's vs inherited",
                        "CREATE TABLE t (id int PRIMARY KEY, s varchar(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
                        "CREATE TABLE t (id int PRIMARY KEY, s varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci) "
                                + "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
                        false),
                new Case("table charset stated vs the database default",
                        "CREATE TABLE t (id int PRIMARY KEY, s varchar(10))",
                        "CREATE TABLE t (id int PRIMARY KEY, s varchar(10)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
                                + "COLLATE=utf8mb4_general_ci",
                        false),
                new Case("int(11) vs int, int(10) unsigned vs int unsigned, bigint(20) vs bigint",
                        "CREATE TABLE t (id int(11) PRIMARY KEY, u int(10) unsigned, b bigint(20), s smallint(6))",
                        "CREATE TABLE t (id int PRIMARY KEY, u int unsigned, b bigint, s smallint)",
                        false),
                new Case("bool vs tinyint(1), integer vs int, numeric vs decimal",
                        "CREATE TABLE t (id integer PRIMARY KEY, f bool DEFAULT false, n numeric(10,2))",
                        "CREATE TABLE t (id int PRIMARY KEY, f tinyint(1) DEFAULT 0, n decimal(10,2))",
                        false),
                new Case("json column in CREATE vs added later",
                        "CREATE TABLE t (id int PRIMARY KEY, doc json)",
                        "CREATE TABLE t (id int PRIMARY KEY);\nALTER TABLE t ADD COLUMN doc json",
                        false),
                new Case("foreign key created inline vs added later (and its index)",
                        "CREATE TABLE p (id int PRIMARY KEY);\n"
                                + "CREATE TABLE c (id int PRIMARY KEY, pid int, CONSTRAINT fk_c FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE)",
                        "CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (id int PRIMARY KEY, pid int);\n"
                                + "ALTER TABLE c ADD CONSTRAINT fk_c FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE",
                        false),
                new Case("DEFAULT NULL vs no default; RESTRICT vs NO ACTION vs unstated",
                        "CREATE TABLE p (id int PRIMARY KEY);\n"
                                + "CREATE TABLE c (id int PRIMARY KEY, pid int DEFAULT NULL, s varchar(5) DEFAULT NULL, "
                                + "CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id) ON UPDATE RESTRICT)",
                        "CREATE TABLE p (id int PRIMARY KEY);\n"
                                + "CREATE TABLE c (id int PRIMARY KEY, pid int, s varchar(5), "
                                + "CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id) ON DELETE NO ACTION)",
                        false),
                new Case("now() vs CURRENT_TIMESTAMP vs current_timestamp(), with precision",
                        "CREATE TABLE t (id int PRIMARY KEY, a timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, "
                                + "b datetime(6) DEFAULT CURRENT_TIMESTAMP(6))",
                        "CREATE TABLE t (id int PRIMARY KEY, a timestamp NOT NULL DEFAULT now() ON UPDATE current_timestamp(), "
                                + "b datetime(6) DEFAULT now(6))",
                        false),
                new Case("literal defaults written quoted or bare",
                        "CREATE TABLE t (id int PRIMARY KEY, i int DEFAULT 0, d decimal(6,2) DEFAULT 1.5, s varchar(5) DEFAULT 'x')",
                        "CREATE TABLE t (id int PRIMARY KEY, i int DEFAULT '0', d decimal(6,2) DEFAULT '1.50', s varchar(5) DEFAULT 'x')",
                        false),
                new Case("expression default written with and without extra parentheses",
                        "CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT (1 + 1))",
                        "CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT ((1+1)))",
                        false),
                new Case("primary key inline vs table constraint vs added later",
                        "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int)",
                        "CREATE TABLE t (id int NOT NULL, a int);\nALTER TABLE t ADD PRIMARY KEY (id)",
                        false),
                new Case("check constraint in CREATE vs added later, written with different parentheses",
                        "CREATE TABLE t (id int PRIMARY KEY, n int, CONSTRAINT n_pos CHECK (n >= 0))",
                        "CREATE TABLE t (id int PRIMARY KEY, n int);\nALTER TABLE t ADD CONSTRAINT n_pos CHECK ((n>=0))",
                        false),
                new Case("column type changed by MODIFY vs created with the final type",
                        "CREATE TABLE t (id int PRIMARY KEY, a varchar(50) NOT NULL DEFAULT '')",
                        "CREATE TABLE t (id int PRIMARY KEY, a char(5));\nALTER TABLE t MODIFY a varchar(50) NOT NULL DEFAULT ''",
                        false),
                new Case("table renamed into place vs created with its name; column dropped and re-added",
                        "CREATE TABLE t (id int PRIMARY KEY, a int)",
                        "CREATE TABLE old_t (id int PRIMARY KEY, junk int, a int);\nALTER TABLE old_t DROP COLUMN junk;\n"
                                + "RENAME TABLE old_t TO t",
                        false),
                new Case("AUTO_INCREMENT counter differs (data, not schema)",
                        "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, a int)",
                        "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, a int) AUTO_INCREMENT=1000;\n"
                                + "INSERT INTO t (a) VALUES (1), (2)",
                        false),
                new Case("view written qualified with the own database vs unqualified, other spelling",
                        "CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE VIEW v AS SELECT id, a FROM t WHERE a > 0",
                        "CREATE TABLE t (id int PRIMARY KEY, a int);\ncreate view v as select `id`, `a` from `{db}`.`t` where (a>0)",
                        false),
                new Case("KEY vs INDEX keyword, USING BTREE stated vs implied",
                        "CREATE TABLE t (id int PRIMARY KEY, a int, KEY ix (a))",
                        "CREATE TABLE t (id int PRIMARY KEY, a int, INDEX ix (a) USING BTREE)",
                        false),
                new Case("trigger and routine bodies qualified with the own database vs not",
                        "CREATE TABLE t (id int PRIMARY KEY, n int);\n"
                                + "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = (SELECT COUNT(*) FROM t)",
                        "CREATE TABLE t (id int PRIMARY KEY, n int);\n"
                                + "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = (SELECT COUNT(*) FROM {db}.t)",
                        false),
                new Case("MariaDB json vs longtext with its json_valid check",
                        "CREATE TABLE t (id int PRIMARY KEY, doc json)",
                        "CREATE TABLE t (id int PRIMARY KEY, doc longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin "
                                + "CHECK (json_valid(`doc`)))",
                        true),
                new Case("MariaDB utf8 vs utf8mb3 spelled out",
                        "CREATE TABLE t (id int PRIMARY KEY, s varchar(5) CHARACTER SET utf8)",
                        "CREATE TABLE t (id int PRIMARY KEY, s varchar(5) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci)",
                        true));
    }
}
