package dev.driftd.proxy;

/** Which lexical rules apply to the SQL text: they differ in comments, quotes and escapes. */
enum SqlFlavor {
    /** Dollar quotes, nested block comments, backslash escapes only in E'...' strings. */
    POSTGRES("postgresql"),
    /** MySQL and MariaDB: '#' comments, backticks, backslash escapes, executable comments. */
    MYSQL("mysql"),
    /** Any other driver: standard quotes and comments only. */
    OTHER("other");

    private final String label;

    SqlFlavor(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The flavor of a real JDBC URL (without the driftd part), from its subprotocol. */
    static SqlFlavor ofUrl(String realUrl) {
        if (realUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (realUrl.startsWith("jdbc:mysql:") || realUrl.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        return OTHER;
    }
}
