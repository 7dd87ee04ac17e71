package dev.driftd.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyEventTest {

    /** The daemon's DdlEventParserTest.FROM_PROXY parses exactly this: keep the two in step. */
    @Test
    void jsonIsTheContractTheDaemonParses() {
        ProxyEvent e = new ProxyEvent("/* driftd:allow */ CREATE TABLE t (a int)", "CREATE", "postgresql", "db1", 5432,
                "app", "tenant_7", "migrator", "billing", "2026-11-26T05:00:00.123Z", true, Guard.WARN);
        assertThat(e.toJson("web-3")).isEqualTo("{\"statement\":\"/* driftd:allow */ CREATE TABLE t (a int)\","
                + "\"truncated\":false,\"command\":\"CREATE\",\"flavor\":\"postgresql\",\"serverHost\":\"db1\","
                + "\"serverPort\":5432,\"serverIdentities\":[],\"database\":\"app\",\"schema\":\"tenant_7\",\"user\":\"migrator\","
                + "\"clientHost\":\"web-3\",\"application\":\"billing\",\"time\":\"2026-11-26T05:00:00.123Z\","
                + "\"approved\":true,\"guard\":\"warn\"}");
    }

    @Test
    void escapesAndNullsAreValidJson() throws Exception {
        ProxyEvent e = new ProxyEvent("CREATE TABLE \"q\" (a text DEFAULT 'x\\y')\n\t\u0001", "CREATE", "postgresql",
                "h", 1, null, null, null, null, "2026-11-26T05:00:00Z", false, Guard.OFF);
        var node = DdlReceiver.JSON.readTree(e.toJson(null));
        assertThat(node.get("statement").asText()).isEqualTo("CREATE TABLE \"q\" (a text DEFAULT 'x\\y')\n\t\u0001");
        assertThat(node.get("database").isNull()).isTrue();
        assertThat(node.get("clientHost").isNull()).isTrue();
    }

    @Test
    void longStatementsAreCutAndSaySo() throws Exception {
        ProxyEvent e = new ProxyEvent("CREATE TABLE t (" + "a int, ".repeat(20_000) + "z int)", "CREATE", "mysql",
                "h", 1, null, null, null, null, "2026-11-26T05:00:00Z", false, Guard.WARN);
        var node = DdlReceiver.JSON.readTree(e.toJson("c"));
        assertThat(node.get("statement").asText()).hasSize(ProxyEvent.MAX_STATEMENT);
        assertThat(node.get("truncated").asBoolean()).isTrue();
    }
}
