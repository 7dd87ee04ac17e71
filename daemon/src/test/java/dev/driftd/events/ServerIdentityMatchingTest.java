package dev.driftd.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which server an event names, by identity first: the rules of issue 22 part 2. */
class ServerIdentityMatchingTest {
    private static final String SYSID = "postgresql:system_identifier=7716205934784632986";
    private static final String ADDR = "postgresql:address=10.0.0.5:5432";

    private static DdlEvent event(String host, int port, String db, List<String> ids) {
        return new DdlEvent("ALTER TABLE t ADD COLUMN c int", false, "ALTER", "postgresql", host, port, db, "public",
                "u", "c", "a", Instant.parse("2026-11-26T05:00:00Z"), false, "warn", ids);
    }

    private static final DdlEventMatcher MATCHER = new DdlEventMatcher(List.of(
            new MemberEndpoint("f", "known", "jdbc:postgresql://db-primary.internal:5432/app", null, List.of(SYSID, ADDR)),
            new MemberEndpoint("f", "unknown", "jdbc:postgresql://db-other.internal:5432/app", null)));

    @Test
    void theSameSystemIdentifierMatchesWhateverTheHostName() {
        DdlMatch m = MATCHER.classify(event("db-alias", 6432, "app", List.of(SYSID, "postgresql:address=10.0.0.9:5432")));
        assertThat(m.members()).containsExactly(new MemberRef("f", "known"));
        assertThat(m.reason()).isEqualTo(DdlMatch.SERVER_IDENTITY);
    }

    @Test
    void anotherSystemIdentifierIsAnotherServerEvenUnderTheSameName() {
        DdlMatch m = MATCHER.classify(event("db-primary.internal", 5432, "app", List.of("postgresql:system_identifier=1")));
        assertThat(m.members()).isEmpty();
        assertThat(m.reason()).isEqualTo(DdlMatch.UNKNOWN_SERVER);
    }

    @Test
    void aDifferentAddressDecidesNothingTheHostNameThenDoes() {
        // the application could not read the system identifier; the server took it on another address
        DdlMatch m = MATCHER.classify(event("db-primary.internal", 5432, "app", List.of("postgresql:address=::1:5432")));
        assertThat(m.members()).containsExactly(new MemberRef("f", "known"));
        assertThat(m.reason()).isEqualTo(DdlMatch.HOST_PORT);
        assertThat(MATCHER.classify(event("db-alias", 5432, "app", List.of(ADDR))).reason())
                .as("an equal address is the same server").isEqualTo(DdlMatch.SERVER_IDENTITY);
    }

    @Test
    void aMemberNotSnapshottedYetIsMatchedByHostAndPort() {
        DdlMatch m = MATCHER.classify(event("db-other.internal", 5432, "app", List.of("postgresql:system_identifier=42")));
        assertThat(m.members()).containsExactly(new MemberRef("f", "unknown"));
        assertThat(m.reason()).isEqualTo(DdlMatch.HOST_PORT);
    }

    @Test
    void theRightServerWithAnotherDatabaseIsUnknownDatabase() {
        DdlMatch m = MATCHER.classify(event("db-alias", 5432, "billing", List.of(SYSID)));
        assertThat(m.members()).isEmpty();
        assertThat(m.reason()).isEqualTo(DdlMatch.UNKNOWN_DATABASE);
    }

    @Test
    void mysqlServerIdWithItsHostNameDecidesBothWays() {
        List<String> vm = List.of("mysql:server=1@vm:3306");
        assertThat(DdlEventMatcher.sameServer(vm, List.of("mysql:server=1@vm:3306"))).isTrue();
        assertThat(DdlEventMatcher.sameServer(vm, List.of("mysql:server=1@other:3306"))).isFalse();
        assertThat(DdlEventMatcher.sameServer(List.of("mysql:server_uuid=a", "mysql:server=1@vm:3306"),
                List.of("mysql:server=1@vm:3306"))).as("the strongest kind both have").isTrue();
        assertThat(DdlEventMatcher.sameServer(vm, List.of())).isNull();
    }

    @Test
    void theParserTakesIdentitiesAndRefusesAnythingElse() {
        String base = "{\"statement\":\"CREATE TABLE t (a int)\",\"serverHost\":\"h\",\"serverPort\":5432,"
                + "\"time\":\"2026-11-26T05:00:00Z\"";
        assertThat(DdlEventParser.parse((base + ",\"serverIdentities\":[\"" + SYSID + "\"]}")
                .getBytes(StandardCharsets.UTF_8)).serverIdentities()).containsExactly(SYSID);
        assertThat(DdlEventParser.parse((base + "}").getBytes(StandardCharsets.UTF_8)).serverIdentities()).isEmpty();
        assertThatThrownBy(() -> DdlEventParser.parse((base + ",\"serverIdentities\":\"x\"}").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("field 'serverIdentities' must be an array of strings");
        assertThatThrownBy(() -> DdlEventParser.parse((base + ",\"serverIdentities\":[1]}").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("field 'serverIdentities' must be an array of strings");
        assertThatThrownBy(() -> DdlEventParser.parse((base + ",\"serverIdentities\":[" + "\"a\",".repeat(8) + "\"a\"]}")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("9 entries, over the limit of 8");
    }

    @Test
    void theLogThrottleLetsOneLinePerKeyPerWindowAndCountsTheRest() {
        AtomicLong now = new AtomicLong();
        LogThrottle t = new LogThrottle(Duration.ofMinutes(1), now::get, 100);
        assertThat(t.admit("a")).isZero();
        assertThat(t.admit("a")).isEqualTo(LogThrottle.HOLD);
        assertThat(t.admit("a")).isEqualTo(LogThrottle.HOLD);
        assertThat(t.admit("b")).as("another key").isZero();
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(t.admit("a")).as("two held back").isEqualTo(2);
        assertThat(LogThrottle.heldBack(2)).contains("2 more");
    }
}
