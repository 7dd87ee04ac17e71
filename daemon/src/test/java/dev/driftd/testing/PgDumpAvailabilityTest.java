package dev.driftd.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgDumpAvailabilityTest {

    @Test
    void anOlderPgDumpCannotDumpANewerServer() {
        assertThat(PgDumpAvailability.reasonFor("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", 17))
                .isEqualTo("pg_dump 15 cannot dump PostgreSQL 17 (it refuses newer servers)");
    }

    @Test
    void theSameOrANewerPgDumpCan() {
        assertThat(PgDumpAvailability.reasonFor("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", 15)).isNull();
        assertThat(PgDumpAvailability.reasonFor("pg_dump (PostgreSQL) 15.18", 13)).isNull();
        assertThat(PgDumpAvailability.reasonFor("pg_dump (PostgreSQL) 18.0", 18)).isNull();
    }

    @Test
    void noPgDumpOrAnUnreadableVersionIsAReason() {
        assertThat(PgDumpAvailability.reasonFor(null, 15)).isEqualTo("no pg_dump on the PATH");
        assertThat(PgDumpAvailability.reasonFor("something else", 15)).startsWith("cannot tell the version of pg_dump");
    }
}
