package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MysqlFlavorTest {
    @ParameterizedTest
    @CsvSource({
            "10.11.19-MariaDB-0+deb12u1, MARIADB, 10, 11",
            "5.5.5-10.6.12-MariaDB-log, MARIADB, 10, 6",
            "11.4.2-MariaDB, MARIADB, 11, 4",
            "8.0.36, MYSQL, 8, 0",
            "8.4.3, MYSQL, 8, 4",
            "9.1.0-commercial, MYSQL, 9, 1",
    })
    void flavorAndVersionComeFromVersionText(String version, Flavor flavor, int major, int minor) {
        MysqlServer server = MysqlServer.fromVersion(version);
        assertThat(server.flavor()).isEqualTo(flavor);
        assertThat(server.major()).isEqualTo(major);
        assertThat(server.minor()).isEqualTo(minor);
        assertThat(server.version()).isEqualTo(version);
        assertThat(server.unsupportedReason()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"5.7.44-log", "8.0.15", "10.5.22-MariaDB", "10.4.1-MariaDB"})
    void oldServersAreRefusedWithAReason(String version) {
        assertThat(MysqlServer.fromVersion(version).unsupportedReason()).contains("not supported");
    }

    @Test
    void garbageVersionIsAClearError() {
        assertThatThrownBy(() -> MysqlServer.fromVersion("unknown")).hasMessageContaining("unrecognised server version");
        assertThatThrownBy(() -> MysqlServer.fromVersion(" ")).hasMessageContaining("did not report a version");
    }

    @Test
    void mariadbUrlsAreRewrittenForConnectorJWithTheirParameters() {
        assertThat(MysqlConnections.driverUrl("jdbc:mariadb://db1:3307/app?user=u&sslMode=DISABLED"))
                .isEqualTo("jdbc:mysql://db1:3307/app?user=u&sslMode=DISABLED");
        assertThat(MysqlConnections.driverUrl("jdbc:mysql://db1/app")).isEqualTo("jdbc:mysql://db1/app");
    }
}
