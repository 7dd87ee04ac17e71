package dev.driftd.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredServersTest {

    @Test
    void aMissingServerSkipsWithItsReasonWhenNotRequired() {
        assertThatThrownBy(() -> RequiredServers.check(false, false, "no MySQL-family server"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no MySQL-family server")
                .hasMessageContaining("DRIFTD_TEST_REQUIRE_SERVERS=1");
    }

    @Test
    void aMissingServerFailsWhenRequired() {
        assertThatThrownBy(() -> RequiredServers.check(true, false, "no MySQL-family server"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("DRIFTD_TEST_REQUIRE_SERVERS=1 but no MySQL-family server");
    }

    @Test
    void anAvailableServerNeitherSkipsNorFails() {
        assertThatCode(() -> RequiredServers.check(true, true, "x")).doesNotThrowAnyException();
        assertThatCode(() -> RequiredServers.check(false, true, "x")).doesNotThrowAnyException();
    }

    @Test
    void underTheSwitchTheServersAreTheRealOnes() {
        // what CI asks for: both servers resolved, and PostgreSQL not the embedded stand-in unless asked
        // a developer's machine may legitimately lack a server; the rule is CI's (.ci/run sets the switch)
        Assumptions.assumeTrue(RequiredServers.required(), "runs under DRIFTD_TEST_REQUIRE_SERVERS=1 only");
        assertThat(TestDatabases.mysql()).isNotNull();
        if (!"1".equals(System.getenv(RequiredServers.ALLOW_EMBEDDED))) {
            assertThat(TestDatabases.postgres().origin()).isNotEqualTo("embedded");
        }
    }
}
