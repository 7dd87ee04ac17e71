package dev.driftd.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {

    @Test
    void driftdParametersAreRemovedAndDecoded() {
        JdbcUrls.Split s = JdbcUrls.split("jdbc:driftd:postgresql://db:5432/app?user=u&driftd.endpoint=http%3A%2F%2Fd%3A9741"
                + "&ssl=false&driftd.guard=block&driftd.application=billing%20api");
        assertThat(s.realUrl).isEqualTo("jdbc:postgresql://db:5432/app?user=u&ssl=false");
        assertThat(s.settings).containsEntry("driftd.endpoint", "http://d:9741")
                .containsEntry("driftd.guard", "block").containsEntry("driftd.application", "billing api");
    }

    @Test
    void urlWithOnlyDriftdParametersLosesTheQuestionMark() {
        assertThat(JdbcUrls.split("jdbc:driftd:mysql://h/db?driftd.guard=off").realUrl).isEqualTo("jdbc:mysql://h/db");
        assertThat(JdbcUrls.split("jdbc:driftd:mariadb://h/db").realUrl).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void otherParametersStayByteForByte() {
        assertThat(JdbcUrls.split("jdbc:driftd:postgresql://h/db?options=-c%20search_path%3Dx&driftd.token=t").realUrl)
                .isEqualTo("jdbc:postgresql://h/db?options=-c%20search_path%3Dx");
    }

    @Test
    void serverAddressWithDefaultsAndVariants() {
        JdbcUrls.ServerAddress pg = JdbcUrls.server("jdbc:postgresql://db.example:6543/app?user=x", SqlFlavor.POSTGRES);
        assertThat(pg.host).isEqualTo("db.example");
        assertThat(pg.port).isEqualTo(6543);
        assertThat(pg.database).isEqualTo("app");

        JdbcUrls.ServerAddress def = JdbcUrls.server("jdbc:mysql://db/shop", SqlFlavor.MYSQL);
        assertThat(def.port).isEqualTo(3306);
        assertThat(def.database).isEqualTo("shop");

        JdbcUrls.ServerAddress multi = JdbcUrls.server("jdbc:postgresql://a:5433,b:5434/app", SqlFlavor.POSTGRES);
        assertThat(multi.host).isEqualTo("a");
        assertThat(multi.port).isEqualTo(5433);

        JdbcUrls.ServerAddress v6 = JdbcUrls.server("jdbc:postgresql://[::1]:5444/app", SqlFlavor.POSTGRES);
        assertThat(v6.host).isEqualTo("::1");
        assertThat(v6.port).isEqualTo(5444);

        JdbcUrls.ServerAddress creds = JdbcUrls.server("jdbc:mysql://root:secret@h2:3307/", SqlFlavor.MYSQL);
        assertThat(creds.host).isEqualTo("h2");
        assertThat(creds.port).isEqualTo(3307);
        assertThat(creds.database).isEmpty();

        JdbcUrls.ServerAddress addr = JdbcUrls.server("jdbc:mysql://address=(host=h3)(port=3310)(user=x)/db",
                SqlFlavor.MYSQL);
        assertThat(addr.host).isEqualTo("h3");
        assertThat(addr.port).isEqualTo(3310);
        assertThat(addr.database).isEqualTo("db");

        JdbcUrls.ServerAddress local = JdbcUrls.server("jdbc:postgresql:app", SqlFlavor.POSTGRES);
        assertThat(local.host).isEqualTo("localhost");
        assertThat(local.database).isEqualTo("app");

        JdbcUrls.ServerAddress lb = JdbcUrls.server("jdbc:mysql:loadbalance://x:1,y:2/db", SqlFlavor.MYSQL);
        assertThat(lb.host).isEqualTo("x");
        assertThat(lb.port).isEqualTo(1);
    }

    /**
     * The proxy keeps its own small parser (the shipped driver jar is JDK-only and the daemon's URL
     * module is not part of it), so it is pinned to the same reading as the daemon's: the database
     * of a URL is what pgjdbc and Connector/J themselves read from it, for names a parser could
     * take for something else.
     */
    @Test
    void theDatabaseIsWhatTheRealDriversReadEvenForHostileNames() throws Exception {
        String[] encoded = {"app_t%2531", "app_t1", "a%2Bb", "a%20b", "a+b", "a%2Fb", "app_t%3Fsslmode%3Drequire",
                "q%22uo%27te", "back%60tick%3Bx", "%C3%BCn%C3%AF%E8%A1%A8", "x%23y"};
        for (String db : encoded) {
            String pgUrl = "jdbc:postgresql://h:5433/" + db + "?ssl=false";
            java.util.Properties pg = org.postgresql.Driver.parseURL(pgUrl, new java.util.Properties());
            assertThat(JdbcUrls.server(pgUrl, SqlFlavor.POSTGRES).database).as(pgUrl)
                    .isEqualTo(pg.getProperty("PGDBNAME"));
            String myUrl = "jdbc:mysql://h:3307/" + db + "?useSSL=false";
            assertThat(JdbcUrls.server(myUrl, SqlFlavor.MYSQL).database).as(myUrl)
                    .isEqualTo(com.mysql.cj.conf.ConnectionUrl.getConnectionUrlInstance(myUrl, new java.util.Properties())
                            .getMainHost().getDatabase());
        }
    }
}
