package dev.driftd.dialect;

import com.mysql.cj.conf.ConnectionUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one URL reading: parts, round trips, and agreement with what the real drivers read. */
class JdbcUrlTest {
    static final String[] HOSTILE = {"app_t%31", "app_t1", "a+b", "a b", "a/b", "app_t?sslmode=require",
            "app_t?allowLoadLocalInfile=true&x=", "x#y", "q\"uo'te", "back`tick", "semi;colon", "ünï©ødé 表",
            "%", "%%41", "plain"};

    @Test
    void partsOfTheForms() {
        JdbcUrl u = JdbcUrl.parse("jdbc:mysql://h1:3307,h2:3306/shop_1?user=x");
        assertThat(u.host()).isEqualTo("h1");
        assertThat(u.port()).isEqualTo(3307);
        assertThat(u.database()).isEqualTo("shop_1");
        assertThat(u.query()).isEqualTo("?user=x");
        assertThat(JdbcUrl.parse("jdbc:mysql://u:p@h/app").database()).isEqualTo("app");
        assertThat(JdbcUrl.parse("jdbc:mysql://u:p@h/app").host()).isEqualTo("h");
        assertThat(JdbcUrl.parse("jdbc:mysql://h:3306/my%20db").database()).isEqualTo("my db");
        assertThat(JdbcUrl.parse("jdbc:mysql://h:3306/?user=x").database()).isEmpty();
        assertThat(JdbcUrl.parse("jdbc:mysql://h:3306").database()).isEmpty();
        assertThat(JdbcUrl.parse("jdbc:mariadb://db1/app").server()).isEqualTo("db1:3306");
        assertThat(JdbcUrl.parse("jdbc:postgresql://[::1]:5433/app").server()).isEqualTo("[::1]:5433");
        assertThat(JdbcUrl.parse("jdbc:postgresql://Db.Example/app").server()).isEqualTo("db.example:5432");
        assertThat(JdbcUrl.parse("jdbc:postgresql:app?x=1").server()).isEqualTo("localhost:5432");
        assertThat(JdbcUrl.parse("jdbc:postgresql:app?x=1").database()).isEqualTo("app");
        JdbcUrl addr = JdbcUrl.parse("jdbc:mysql://address=(host=a.b)(port=3310)(user=u),address=(host=c)/d/b?x=1");
        assertThat(addr.host()).isEqualTo("a.b");
        assertThat(addr.port()).isEqualTo(3310);
        assertThat(addr.database()).isEqualTo("d/b");
        assertThat(JdbcUrl.parse("jdbc:postgresql://h/db?password=s3cret").serverUrl())
                .isEqualTo("jdbc:postgresql://h/?password=s3cret");
    }

    @Test
    void badInputIsOneClearLineWithoutThePassword() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:oracle:thin:@h:1521/x"))
                .hasMessageContaining("not a PostgreSQL, MySQL or MariaDB JDBC URL");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h/bad%zz?password=s3cret"))
                .hasMessageContaining("bad percent escape").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h:99999/x").port()).hasMessageContaining("bad port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://h:5433/", "jdbc:mysql://u:p@h/", "jdbc:mariadb://h1,h2/?sslMode=DISABLED",
            "jdbc:postgresql:"})
    void everyNameRoundTripsThroughTheUrlAndTheDriversReadItBack(String base) throws Exception {
        for (String name : HOSTILE) {
            JdbcUrl u = JdbcUrl.parse(base).withDatabase(name);
            String text = u.toString();
            assertThat(JdbcUrl.parse(text).database()).as(text).isEqualTo(name);
            assertThat(JdbcUrl.parse(text).query()).as(text).isEqualTo(JdbcUrl.parse(base).query());
            assertThat(driverReads(text)).as("the driver reads %s", text).isEqualTo(name);
        }
    }

    @Test
    void theDriversTakeTheDatabaseFromThePropertyOverAnEmptyPath() throws Exception {
        for (String name : HOSTILE) {
            for (String base : new String[]{"jdbc:postgresql://h/x?ssl=false", "jdbc:mysql://h/x?useSSL=false"}) {
                JdbcUrl u = JdbcUrl.parse(base).withDatabase(name);
                Properties p = new Properties();
                p.setProperty(u.family().databaseProperty(), name);
                assertThat(driverReads(u.serverUrl(), p)).as(u.serverUrl()).isEqualTo(name);
            }
        }
    }

    /** Where the real driver would connect for a URL. */
    static String driverReads(String url) throws Exception {
        return driverReads(url, new Properties());
    }

    static String driverReads(String url, Properties info) throws Exception {
        if (url.startsWith("jdbc:postgresql:")) {
            Properties p = org.postgresql.Driver.parseURL(url, info);
            return p == null ? null : p.getProperty("PGDBNAME");
        }
        String mysql = url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
        return ConnectionUrl.getConnectionUrlInstance(mysql, info).getMainHost().getDatabase();
    }
}
