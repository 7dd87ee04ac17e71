package dev.driftd.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of("PG_PASSWORD", "pg-secret-1-0123456", "READ_TOKEN", "read-secret-2-0123456",
            "SHORT", "only-11-chr");

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Config load(String yaml) throws IOException {
        return ConfigLoader.load(write("driftd.yaml", yaml), ENV::get);
    }

    /** Loads, expects a ConfigException, and checks it names this file, the line and the problem. */
    private void fails(String yaml, int line, String... fragments) throws IOException {
        Path file = write("driftd.yaml", yaml);
        assertThatThrownBy(() -> ConfigLoader.load(file, ENV::get))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.getMessage()).startsWith(file + ":" + line + ": ");
                    assertThat(c.line()).isEqualTo(line);
                    for (String f : fragments) {
                        assertThat(c.problem()).contains(f);
                    }
                });
    }

    private static final String FLEET = """
            fleets:
              - name: tenants
                schedule: "0 */5 * * * ?"
                golden: {member: template}
                members:
                  - {name: template, url: "jdbc:postgresql://db1:5432/app?user=driftd", password: "${env:PG_PASSWORD}"}
            """;

    @Test
    void fullExampleLoadsIntoRecords() throws IOException {
        Files.writeString(dir.resolve("admin.token"), "  admin-secret-3-0123456\n");
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);");
        Config c = load("""
                server:
                  bind: 0.0.0.0:9999
                  tokens:
                    - {name: grafana, role: read,  secret: "${env:READ_TOKEN}"}
                    - {name: ops,     role: admin, secret: "${file:admin.token}"}
                  metrics_token: "${env:READ_TOKEN}"
                store:
                  url: jdbc:postgresql://store:5432/driftd
                  user: driftd
                  password: "${env:PG_PASSWORD}"
                  retention: 30d
                fleets:
                  - name: tenants
                    schedule: "0 */5 * * * ?"
                    golden: {member: template}
                    concurrency: 8
                    per_server_concurrency: 2
                    shards: 4
                    apply: enabled
                    approvals: 2
                    rollout: {canary: 1, wave: 10, pause: 60s}
                    timeout: 30s
                    members:
                      - {name: template, url: "jdbc:postgresql://db1:5432/app?user=driftd", password: "${env:PG_PASSWORD}"}
                    discover:
                      - {url: "jdbc:postgresql://db2:5432/app?user=driftd", schemas: "tenant_.*"}
                      - {url: "jdbc:mysql://db4:3306/?user=driftd", databases: "shop_.*"}
                  - name: regions
                    golden: {sql: schema.sql, scratch: "jdbc:mysql://scratch:3306/?user=root"}
                    members:
                      - {name: eu, url: "jdbc:mariadb://eu:3306/app"}
                """);
        assertThat(c.server().host()).isEqualTo("0.0.0.0");
        assertThat(c.server().port()).isEqualTo(9999);
        assertThat(c.server().tokens()).extracting(TokenConfig::name).containsExactly("grafana", "ops");
        assertThat(c.server().tokens().get(0).role()).isEqualTo(Role.READ);
        assertThat(c.server().tokens().get(0).secret().reveal()).isEqualTo("read-secret-2-0123456");
        assertThat(c.server().tokens().get(1).secret().reveal()).isEqualTo("admin-secret-3-0123456");
        assertThat(c.server().metricsToken().reveal()).isEqualTo("read-secret-2-0123456");
        assertThat(c.store().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(c.store().password().reveal()).isEqualTo("pg-secret-1-0123456");
        FleetConfig f = c.fleets().get(0);
        assertThat(f.golden()).isEqualTo(new GoldenConfig.Member("template"));
        assertThat(f.concurrency()).isEqualTo(8);
        assertThat(f.perServerConcurrency()).isEqualTo(2);
        assertThat(f.shards()).isEqualTo(4);
        assertThat(f.applyEnabled()).isTrue();
        assertThat(f.approvals()).isEqualTo(2);
        assertThat(f.rollout()).isEqualTo(new RolloutConfig(1, 10, Duration.ofSeconds(60)));
        assertThat(f.members().get(0).target().password()).isEqualTo("pg-secret-1-0123456");
        assertThat(f.discover().get(0).bySchema()).isTrue();
        assertThat(f.discover().get(0).pattern().matcher("tenant_42").matches()).isTrue();
        assertThat(f.discover().get(1).bySchema()).isFalse();
        FleetConfig r = c.fleets().get(1);
        assertThat(r.schedule()).isEqualTo(FleetConfig.DEFAULT_SCHEDULE);
        assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.golden()).isInstanceOfSatisfying(GoldenConfig.Sql.class, s -> {
            assertThat(s.file()).isEqualTo(dir.resolve("schema.sql"));
            assertThat(s.inSchema()).isFalse();
        });
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void theConsoleIsOnUnlessSaidOff() throws IOException {
        assertThat(load(FLEET).server().ui()).isTrue();
        assertThat(load("server:\n  ui: false\n" + FLEET).server().ui()).isFalse();
        assertThat(load("server:\n  ui: true\n" + FLEET).server().ui()).isTrue();
        fails("server:\n  bind: 127.0.0.1:9741\n  ui: sometimes\n" + FLEET, 3, "server.ui", "'sometimes'");
    }

    @Test
    void defaultsWhenSectionsAreLeftOut() throws IOException {
        Config c = load(FLEET);
        assertThat(c.server().bind()).isEqualTo("127.0.0.1:9741");
        assertThat(c.server().tokens()).isEmpty();
        assertThat(c.server().metricsToken()).isNull();
        assertThat(c.store().url()).isEqualTo("jdbc:h2:file:./data/driftd");
        assertThat(c.store().retention()).isEqualTo(Duration.ofDays(90));
        FleetConfig f = c.fleets().get(0);
        assertThat(f.concurrency()).isEqualTo(8);
        assertThat(f.perServerConcurrency()).isEqualTo(4);
        assertThat(f.shards()).isEqualTo(1);
        assertThat(f.applyEnabled()).isFalse();
        assertThat(f.approvals()).isEqualTo(1);
    }

    @Test
    void toStringNeverShowsASecret() throws IOException {
        Config c = load("""
                server:
                  tokens: [{name: ops, role: admin, secret: "${env:READ_TOKEN}"}]
                store: {url: "jdbc:postgresql://s/d?password=literal-pw-4", password: "${env:PG_PASSWORD}"}
                """ + FLEET);
        String shown = c.toString();
        assertThat(shown).doesNotContain("pg-secret-1-0123456", "read-secret-2-0123456", "literal-pw-4")
                .contains("***(env PG_PASSWORD)", "tenants", "template");
    }

    @Test
    void literalSecretIsAcceptedWithAWarningThatHidesIt() throws IOException {
        Config c = load("""
                server:
                  tokens:
                    - {name: ops, role: admin, secret: "hunter22-literal-token"}
                """ + FLEET);
        assertThat(c.server().tokens().get(0).secret().reveal()).isEqualTo("hunter22-literal-token");
        assertThat(c.server().tokens().get(0).secret().origin()).isEqualTo("literal");
        assertThat(c.warnings()).hasSize(1);
        assertThat(c.warnings().get(0)).contains(":3: server.tokens[0].secret is a literal secret")
                .doesNotContain("hunter22-literal-token");
    }

    @Test
    void unknownKeyNamesItsLine() throws IOException {
        fails(FLEET + "    colour: blue\n", 7, "unknown key 'colour'", "fleets[0]");
        fails("servr: {}\n" + FLEET, 1, "unknown key 'servr'");
        fails("""
                fleets:
                  - name: a
                    golden: {majority: true}
                    members:
                      - {name: x, url: "jdbc:postgresql://h/d", passwd: y}
                """, 5, "unknown key 'passwd'", "fleets[0] (a).members[0]");
    }

    @Test
    void badSchedulesNameTheirLine() throws IOException {
        fails(FLEET.replace("\"0 */5 * * * ?\"", "\"0 61 * * * ?\""), 3, "schedule", "not a Quartz cron");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "\"*/5 * * * * * * *\""), 3, "schedule", "has 8 fields");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "\"*/5 25 * * *\""), 3, "schedule", "not a Unix cron");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "\"0 0 1 * MON\""), 3, "both day-of-month and day-of-week");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "\"every five minutes\""), 3, "schedule", "not a duration");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "{every: soon}"), 3, "schedule.every", "'soon' is not a duration");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "{every: 0s}"), 3, "schedule.every", "at least 1s");
        fails(FLEET.replace("\"0 */5 * * * ?\"", "{each: 5m}"), 3, "unknown key 'each'");
    }

    @Test
    void schedulesAsPeriodUnixCronOrQuartzCron() throws IOException {
        assertThat(load(FLEET.replace("\"0 */5 * * * ?\"", "{every: 90m}")).fleets().get(0).schedule())
                .isEqualTo("every 1h30m");
        assertThat(load(FLEET.replace("\"0 */5 * * * ?\"", "\"every 2d\"")).fleets().get(0).schedule())
                .isEqualTo("every 2d");
        assertThat(load(FLEET.replace("\"0 */5 * * * ?\"", "\"*/10 * * * *\"")).fleets().get(0).schedule())
                .isEqualTo("*/10 * * * *");
        assertThat(load(FLEET).fleets().get(0).schedule()).isEqualTo("0 */5 * * * ?");
    }

    @Test
    void daysAndCompoundDurationsEverywhere() throws IOException {
        Config c = load("store: {retention: 1d12h}\n" + FLEET + "    timeout: 1m30s\n    full_snapshot_every: 1d\n"
                + "    rollout: {pause: 1h30m}\n");
        assertThat(c.store().retention()).isEqualTo(Duration.ofHours(36));
        FleetConfig f = c.fleets().get(0);
        assertThat(f.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(f.fullSnapshotEvery()).isEqualTo(Duration.ofDays(1));
        assertThat(f.rollout().pause()).isEqualTo(Duration.ofMinutes(90));
        fails("store: {retention: 59m}\n" + FLEET, 1, "store.retention", "keep at least 1h");
        fails(FLEET + "    timeout: 30m1h\n", 7, "timeout", "out of order");
    }

    @Test
    void credentialsComeFromTheCredentialsDirectory() throws IOException {
        Path creds = Files.createDirectories(dir.resolve("creds"));
        Files.writeString(creds.resolve("pg.password"), "pg-from-credential\n");
        Files.writeString(creds.resolve("empty"), "");
        Map<String, String> env = Map.of("CREDENTIALS_DIRECTORY", creds.toString());
        String yaml = FLEET.replace("${env:PG_PASSWORD}", "${credential:pg.password}");
        Config c = ConfigLoader.load(write("driftd.yaml", yaml), env::get);
        MemberConfig m = c.fleets().get(0).members().get(0);
        assertThat(m.password().reveal()).isEqualTo("pg-from-credential");
        assertThat(m.password().origin()).isEqualTo("credential pg.password");
        assertThat(m.password().toString()).doesNotContain("pg-from-credential");

        Path file = write("driftd.yaml", FLEET.replace("${env:PG_PASSWORD}", "${credential:admin.token}"));
        assertThatThrownBy(() -> ConfigLoader.load(file, env::get)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":6: ")
                .hasMessageContaining("'admin.token': no such systemd credential, cannot read " + creds.resolve("admin.token"))
                .hasMessageContaining("LoadCredential=");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.<String, String>of()::get))
                .hasMessageStartingWith(file + ":6: ").hasMessageContaining("$CREDENTIALS_DIRECTORY is not set");
        Path empty = write("driftd.yaml", FLEET.replace("${env:PG_PASSWORD}", "${credential:empty}"));
        assertThatThrownBy(() -> ConfigLoader.load(empty, env::get)).hasMessageStartingWith(empty + ":6: ")
                .hasMessageContaining("'empty': the systemd credential is empty");
        Path escape = write("driftd.yaml", FLEET.replace("${env:PG_PASSWORD}", "${credential:../driftd.yaml}"));
        assertThatThrownBy(() -> ConfigLoader.load(escape, env::get)).hasMessageContaining("is not a credential name");
        Path dots = write("driftd.yaml", FLEET.replace("${env:PG_PASSWORD}", "${credential:..}"));
        assertThatThrownBy(() -> ConfigLoader.load(dots, env::get)).hasMessageContaining("is not a credential name");
    }

    @Test
    void badUrlNamesItsLine() throws IOException {
        fails(FLEET.replace("jdbc:postgresql://db1:5432/app?user=driftd", "postgres://db1/app"), 6,
                "members[0].url", "jdbc:postgresql://");
        fails("store: {url: \"jdbc:sqlite:x.db\"}\n" + FLEET, 1, "store.url", "not a store URL");
        // what a connection could not read exactly is refused at load, naming the line
        fails(FLEET.replace("jdbc:postgresql://db1:5432/app?user=driftd", "jdbc:postgresql://db1:5432/app%zz?user=driftd"),
                6, "members[0].url", "bad percent escape");
        fails(FLEET.replace("jdbc:postgresql://db1:5432/app?user=driftd", "jdbc:postgresql://db1:99999/app?user=driftd"),
                6, "members[0].url", "bad port '99999'");
    }

    @Test
    void duplicateNamesAreRejected() throws IOException {
        fails(FLEET + """
                  - name: tenants
                    golden: {majority: true}
                """, 7, "duplicate fleet name 'tenants'", "line 2");
        fails(FLEET + "      - {name: template, url: \"jdbc:postgresql://db9/app\"}\n", 7,
                "duplicate member name 'template'");
        fails("""
                server:
                  tokens:
                    - {name: a, role: read, secret: "${env:PG_PASSWORD}"}
                    - {name: a, role: admin, secret: "${env:READ_TOKEN}"}
                """ + FLEET, 4, "duplicate token name 'a'");
        fails("""
                server:
                  tokens:
                    - {name: a, role: read, secret: "${env:PG_PASSWORD}"}
                    - {name: b, role: admin, secret: "${env:PG_PASSWORD}"}
                """ + FLEET, 4, "token 'b' has the same secret as token 'a'");
        fails("""
                fleets:
                  - name: a
                    golden: {majority: true}
                    golden: {majority: true}
                """, 4, "duplicate key 'golden'");
    }

    @Test
    void rolloutWithoutCanaryOrPause() throws IOException {
        Config c = load(FLEET + "    rollout: {canary: 0, wave: 3, pause: 0s}\n");
        assertThat(c.fleets().get(0).rollout()).isEqualTo(new RolloutConfig(0, 3, Duration.ZERO));
        fails(FLEET + "    rollout: {wave: 0}\n", 7, "rollout.wave", "less than 1");
    }

    @Test
    void badDurationsAndNumbers() throws IOException {
        fails(FLEET + "    timeout: 30 seconds\n", 7, "timeout", "not a duration");
        fails(FLEET + "    rollout: {pause: soon}\n", 7, "rollout.pause", "not a duration");
        fails("store: {retention: forever}\n" + FLEET, 1, "store.retention", "not a duration");
        fails(FLEET + "    concurrency: 0\n", 7, "concurrency", "less than 1");
        fails(FLEET + "    approvals: two\n", 7, "approvals", "not a whole number");
    }

    @Test
    void shardsMustBeAWholeNumberFromOneToTheLimit() throws IOException {
        fails(FLEET + "    shards: 0\n", 7, "fleets[0] (tenants).shards", "0 is less than 1");
        fails(FLEET + "    shards: -2\n", 7, "shards", "less than 1");
        fails(FLEET + "    shards: three\n", 7, "shards", "'three' is not a whole number");
        fails(FLEET + "    shards: 2.5\n", 7, "shards", "not a whole number");
        fails(FLEET + "    shards: " + (FleetConfig.MAX_SHARDS + 1) + "\n", 7, "shards",
                "is more than " + FleetConfig.MAX_SHARDS);
        assertThat(load(FLEET + "    shards: " + FleetConfig.MAX_SHARDS + "\n").fleets().get(0).shards())
                .isEqualTo(FleetConfig.MAX_SHARDS);
    }

    @Test
    void missingSecretsStopTheLoad() throws IOException {
        fails(FLEET.replace("${env:PG_PASSWORD}", "${env:NOPE_NOT_SET}"), 6,
                "environment variable NOPE_NOT_SET is not set");
        fails(FLEET.replace("${env:PG_PASSWORD}", "${file:missing.token}"), 6,
                "cannot read secret file", "missing.token");
        fails(FLEET.replace("${env:PG_PASSWORD}", "${vault:x}"), 6, "unknown secret reference");
    }

    @Test
    void goldenMistakes() throws IOException {
        fails(FLEET.replace("{member: template}", "{member: nobody}"), 4, "'nobody' is not a member");
        fails(FLEET.replace("{member: template}", "{member: template, majority: true}"), 4, "exactly one of");
        fails(FLEET.replace("{member: template}", "{sql: nothere.sql, scratch: \"jdbc:postgresql://s/p\"}"), 4,
                "cannot read", "nothere.sql");
        fails(FLEET.replace("{member: template}", "{snapshot: xyz}"), 4, "not a fingerprint");
        fails("""
                fleets:
                  - name: a
                    members: []
                """, 2, "no golden");
    }

    @Test
    void discoveryMistakes() throws IOException {
        fails(FLEET + "    discover:\n      - {url: \"jdbc:mysql://h:3306/\", schemas: \"t_.*\"}\n", 8,
                "schema discovery is for PostgreSQL");
        fails(FLEET + "    discover:\n      - {url: \"jdbc:postgresql://h/p\", databases: \"t_(.*\"}\n", 8,
                "not a regular expression");
        fails(FLEET + "    discover:\n      - {url: \"jdbc:postgresql://h/p\"}\n", 8, "exactly one of databases");
    }

    @Test
    void wrongShapesAndSyntax() throws IOException {
        fails("fleets: {name: a}\n", 1, "expected a list");
        fails("fleets:\n  - name: [a, b]\n", 2, "expected a single value");
        fails("fleets:\n  - name: a\n    golden: {member: x\n", 4, "YAML syntax");
        fails(FLEET.replace("role", "role").replace("name: tenants", "name: \"ten ants\""), 2, "is not a name");
    }

    @Test
    void anEmptyOrCommentOnlyFileIsRejected() throws IOException {
        // applied, it would drop every token and retire every fleet (issue 14 item 7)
        fails("", 1, "the file is empty");
        fails("\n   \n", 1, "the file is empty");
        fails("# driftd.yaml\n# everything commented out\n#fleets:\n", 1, "the file is empty");
    }

    @Test
    void tokenSecretsShorterThanSixteenCharactersAreRefused() throws IOException {
        fails("""
                server:
                  tokens:
                    - {name: ops, role: admin, secret: "${env:READ_TOKEN}"}
                    - {name: bot, role: report, secret: "short-15-chars!"}
                """ + FLEET, 4, "server.tokens[1].secret", "15 characters", "at least 16");
        fails("""
                server:
                  metrics_token: "${env:SHORT}"
                """ + FLEET, 2, "server.metrics_token", "env SHORT", "at least 16");
        // the value itself is never part of the message
        Path file = write("driftd.yaml", "server:\n  tokens: [{name: a, role: read, secret: \"abcdefgh12345\"}]\n" + FLEET);
        assertThatThrownBy(() -> ConfigLoader.load(file, ENV::get)).hasMessageNotContaining("abcdefgh12345");
        // sixteen is enough
        Config c = load("server:\n  tokens: [{name: a, role: read, secret: \"0123456789abcdef\"}]\n" + FLEET);
        assertThat(c.server().tokens()).hasSize(1);
    }

    @Test
    void locateSaysWhereItLooked() throws IOException {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        assertThatThrownBy(() -> ConfigLoader.locate(null, List.of(a, b)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no --config given and neither " + a + " nor " + b + " exists");
        Files.writeString(b, FLEET);
        assertThat(ConfigLoader.locate(null, List.of(a, b))).isEqualTo(b);
        Files.writeString(a, FLEET);
        assertThat(ConfigLoader.locate(null, List.of(a, b))).isEqualTo(a);
        assertThatThrownBy(() -> ConfigLoader.locate(dir.resolve("nope.yaml")))
                .hasMessageContaining("nope.yaml: no such configuration file");
        assertThat(ConfigLoader.DEFAULT_LOCATIONS).containsExactly(Path.of("driftd.yaml"),
                Path.of("/etc/driftd/driftd.yaml"));
    }

    @Test
    void schemaFleetDefaultsSqlGoldenToAScratchSchema() throws IOException {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);");
        Config c = load("""
                fleets:
                  - name: t
                    golden: {sql: schema.sql, scratch: "jdbc:postgresql://s/p"}
                    discover:
                      - {url: "jdbc:postgresql://h/app", schemas: "tenant_.*"}
                """);
        assertThat(((GoldenConfig.Sql) c.fleets().get(0).golden()).inSchema()).isTrue();
    }

    @Test
    void overlaysLoadWithTheirLinesAndNeedASqlGolden() throws IOException {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);");
        Files.writeString(dir.resolve("gdpr.sql"), "CREATE TABLE gdpr_requests (id int);");
        String sqlFleet = """
                fleets:
                  - name: t
                    golden: {sql: schema.sql, scratch: "jdbc:postgresql://s/p"}
                    members:
                      - {name: tenant_acme, url: "jdbc:postgresql://h/acme"}
                      - {name: eu-1, url: "jdbc:postgresql://h/eu1"}
                """;
        Config c = load(sqlFleet + """
                    overlays:
                      - members: tenant_acme
                        sql: |
                          CREATE INDEX big ON t (id);
                      - members: ["eu-*", "x?"]
                        sql_file: gdpr.sql
                """);
        List<OverlayConfig> overlays = c.fleets().get(0).overlays();
        assertThat(overlays).hasSize(2);
        assertThat(overlays.get(0).origin()).isEqualTo(dir.resolve("driftd.yaml") + ":8");
        assertThat(overlays.get(0).firstLine()).isEqualTo(10); // the block's first line
        assertThat(overlays.get(0).lineOffset()).isEqualTo(9);
        assertThat(overlays.get(1).file()).isEqualTo(dir.resolve("gdpr.sql"));
        assertThat(c.fleets().get(0).overlaysOf("tenant_acme")).containsExactly(overlays.get(0));
        assertThat(c.fleets().get(0).overlaysOf("eu-1")).containsExactly(overlays.get(1));
        assertThat(c.fleets().get(0).overlaysOf("xy")).containsExactly(overlays.get(1));
        assertThat(c.fleets().get(0).overlaysOf("eu")).isEmpty();

        fails(sqlFleet + "    overlays:\n      - {members: a, sql: x, sql_file: gdpr.sql}\n", 8,
                "overlays[0]", "exactly one of sql");
        fails(sqlFleet + "    overlays:\n      - {sql: x}\n", 8, "overlays[0]", "members is required");
        fails(sqlFleet + "    overlays:\n      - {members: a, sql_file: nothere.sql}\n", 8, "sql_file", "cannot read");
        fails(sqlFleet + "    overlays:\n      - {members: a, sql: x, colour: blue}\n", 8, "unknown key 'colour'");
        fails(FLEET + "    overlays:\n      - {members: a, sql: x}\n", 7, "overlays", "need golden: {sql",
                "member template");
    }
}
