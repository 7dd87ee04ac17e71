package dev.driftd.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DdlEventParserTest {

    /** Exactly what the proxy sends (proxy/ ProxyEventTest checks it produces this shape). */
    static final String FROM_PROXY = "{\"statement\":\"/* driftd:allow */ CREATE TABLE t (a int)\",\"truncated\":false,"
            + "\"command\":\"CREATE\",\"flavor\":\"postgresql\",\"serverHost\":\"db1\",\"serverPort\":5432,"
            + "\"database\":\"app\",\"schema\":\"tenant_7\",\"user\":\"migrator\",\"clientHost\":\"web-3\","
            + "\"application\":\"billing\",\"time\":\"2026-11-26T05:00:00.123Z\",\"approved\":true,\"guard\":\"warn\"}";

    private static DdlEvent parse(String json) {
        return DdlEventParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatTheProxySends() {
        DdlEvent e = parse(FROM_PROXY);
        assertThat(e.statement()).isEqualTo("/* driftd:allow */ CREATE TABLE t (a int)");
        assertThat(e.command()).isEqualTo("CREATE");
        assertThat(e.flavor()).isEqualTo("postgresql");
        assertThat(e.serverHost()).isEqualTo("db1");
        assertThat(e.serverPort()).isEqualTo(5432);
        assertThat(e.database()).isEqualTo("app");
        assertThat(e.schema()).isEqualTo("tenant_7");
        assertThat(e.user()).isEqualTo("migrator");
        assertThat(e.clientHost()).isEqualTo("web-3");
        assertThat(e.application()).isEqualTo("billing");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-26T05:00:00.123Z"));
        assertThat(e.approved()).isTrue();
        assertThat(e.guard()).isEqualTo("warn");
    }

    @Test
    void optionalFieldsMayBeNullOrAbsentAndUnknownOnesAreIgnored() {
        DdlEvent e = parse("{\"statement\":\"DROP TABLE x\",\"serverHost\":\"h\",\"serverPort\":3306,"
                + "\"time\":\"2026-11-26T07:00:00+02:00\",\"schema\":null,\"newerField\":[1,2]}");
        assertThat(e.schema()).isNull();
        assertThat(e.database()).isNull();
        assertThat(e.approved()).isFalse();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void rejectsBadBodiesWithOneLineReasons() {
        assertThatThrownBy(() -> DdlEventParser.parse(new byte[0])).isInstanceOf(InvalidDdlEventException.class)
                .hasMessageStartingWith("empty body");
        assertThatThrownBy(() -> parse("not json")).hasMessageStartingWith("body is not JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("body must be a JSON object, got array");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("\"statement\":\"/* driftd:allow */ CREATE TABLE t (a int)\",", "")))
                .hasMessage("field 'statement' is required");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("5432", "70000")))
                .hasMessage("field 'serverPort' must be an integer from 1 to 65535, got 70000");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("5432", "\"5432\"")))
                .hasMessageStartingWith("field 'serverPort' must be an integer");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("2026-11-26T05:00:00.123Z", "yesterday")))
                .hasMessageStartingWith("field 'time' must be an ISO-8601 timestamp");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("\"warn\"", "\"strict\"")))
                .hasMessage("field 'guard' must be off, warn or block, got 'strict'");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("\"approved\":true", "\"approved\":\"yes\"")))
                .hasMessage("field 'approved' must be true or false");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("\"db1\"", "\"  \"")))
                .hasMessage("field 'serverHost' must not be blank");
        String huge = "x".repeat(DdlEventParser.MAX_STATEMENT + 1);
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("/* driftd:allow */ CREATE TABLE t (a int)", huge)))
                .hasMessage("field 'statement' is 65537 characters, over the limit of 65536");
        assertThatThrownBy(() -> DdlEventParser.parse(new byte[DdlEventParser.MAX_BODY + 1]))
                .hasMessageContaining("over the limit");
    }

    /** Regressions (issue 14 item 8): each of these was taken (202), and some then lost in the store. */
    @Test
    void rejectsNulTrailingGarbageAndWrappingNumbers() {
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("CREATE TABLE t", "CREATE TABLE t\\u0000")))
                .isInstanceOf(InvalidDdlEventException.class).hasMessage("field 'statement' contains a NUL character");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("\"migrator\"", "\"mi\\u0000grator\"")))
                .hasMessage("field 'user' contains a NUL character");
        assertThatThrownBy(() -> parse(FROM_PROXY + " garbage")).hasMessageStartingWith("body is not JSON");
        assertThatThrownBy(() -> parse(FROM_PROXY + "{}")).hasMessageStartingWith("body is not JSON");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("5432", "18446744073709557048"))) // 2^64 + 5432
                .hasMessageStartingWith("field 'serverPort' must be an integer from 1 to 65535");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("5432", "4294972728"))) // 2^32 + 5432
                .hasMessageStartingWith("field 'serverPort' must be an integer from 1 to 65535");
        assertThatThrownBy(() -> parse(FROM_PROXY.replace("2026-11-26T05:00:00.123Z", "+999999999-01-01T00:00:00Z")))
                .hasMessageStartingWith("field 'time' must be between years 1 and 9999");
        assertThat(parse(FROM_PROXY + "  \n").serverPort()).isEqualTo(5432); // trailing blanks are fine
    }
}
