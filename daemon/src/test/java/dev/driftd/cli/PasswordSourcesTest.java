package dev.driftd.cli;

import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords for the CLI from a file or the environment, not only from flags that {@code ps}
 * shows (issue 14 item 6). The local PostgreSQL trusts every local connection, so this runs
 * against MariaDB, which checks passwords: a user with a password is created for the test, and
 * right and wrong passwords from each source give success and "Access denied".
 */
class PasswordSourcesTest {
    private static final String PASSWORD = "Cli-Pw-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static TestDatabase db;
    private static String user;
    private static String url;

    @BeforeAll
    static void create() {
        TestServer server = TestDatabases.mysql();
        db = server.createDatabase("hsecretscli");
        db.execute("CREATE TABLE t (id int PRIMARY KEY, a varchar(20))");
        user = "h_secrets_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
        url = db.url().replace("user=" + server.user(), "user=" + user).replaceAll("&password=[^&]*", "");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            db.close();
        }
    }

    @Test
    void snapshotReadsThePasswordFromAFile(@TempDir Path dir) throws IOException {
        Path right = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "not-" + PASSWORD + "\n");
        assertThat(SnapshotCommandTest.run("snapshot", "--url", url, "--password-file", right.toString()).code())
                .isEqualTo(Main.IN_SYNC);
        SnapshotCommandTest.Result denied = SnapshotCommandTest.run("snapshot", "--url", url, "--password-file",
                wrong.toString());
        assertThat(denied.code()).isEqualTo(Main.ERROR);
        assertThat(denied.err()).contains("Access denied").doesNotContain(PASSWORD);
        // no password at all is refused too: the file really was what let the first one in
        assertThat(SnapshotCommandTest.run("snapshot", "--url", url).err()).contains("Access denied");
    }

    @Test
    void diffReadsBothPasswordsFromFiles(@TempDir Path dir) throws IOException {
        Path right = Files.writeString(dir.resolve("pw"), PASSWORD);
        SnapshotCommandTest.Result r = SnapshotCommandTest.run("diff", "--golden", url, "--target", url,
                "--golden-password-file", right.toString(), "--target-password-file", right.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.IN_SYNC);
        assertThat(r.out()).contains("in sync");
    }

    @Test
    void aFlagAndAFileTogetherOrAnEmptyFileAreErrors(@TempDir Path dir) throws IOException {
        Path right = Files.writeString(dir.resolve("pw"), PASSWORD);
        SnapshotCommandTest.Result both = SnapshotCommandTest.run("snapshot", "--url", url, "--password", PASSWORD,
                "--password-file", right.toString());
        assertThat(both.code()).isEqualTo(Main.ERROR);
        assertThat(both.err()).contains("--password and --password-file both given").doesNotContain(PASSWORD);
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        SnapshotCommandTest.Result e = SnapshotCommandTest.run("diff", "--golden", url, "--target", url,
                "--target-password-file", empty.toString());
        assertThat(e.err()).contains("--target-password-file", "is empty");
        SnapshotCommandTest.Result missing = SnapshotCommandTest.run("snapshot", "--url", url,
                "--password-file", dir.resolve("nope").toString());
        assertThat(missing.err()).contains("--password-file: cannot read", "nope");
    }

    @Test
    void passwordsFromTheEnvironment() throws Exception {
        // a real process: the variables are read from its environment, as PGPASSWORD is
        assertThat(cli(Map.of("DRIFTD_PASSWORD", PASSWORD), "snapshot", "--url", url).code).isEqualTo(Main.IN_SYNC);
        assertThat(cli(Map.of(), "snapshot", "--url", url).err).contains("Access denied");
        Proc diff = cli(Map.of("DRIFTD_GOLDEN_PASSWORD", PASSWORD, "DRIFTD_TARGET_PASSWORD", PASSWORD),
                "diff", "--golden", url, "--target", url);
        assertThat(diff.code).as(diff.err).isEqualTo(Main.IN_SYNC);
        Proc targetOnly = cli(Map.of("DRIFTD_GOLDEN_PASSWORD", PASSWORD), "diff", "--golden", url, "--target", url);
        assertThat(targetOnly.err).contains("Access denied").doesNotContain(PASSWORD);
        // a flag wins over the environment
        Proc flag = cli(Map.of("DRIFTD_PASSWORD", "wrong-" + PASSWORD), "snapshot", "--url", url,
                "--password", PASSWORD);
        assertThat(flag.code).as(flag.err).isEqualTo(Main.IN_SYNC);
    }

    private record Proc(int code, String err) {
    }

    private static Proc cli(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.driftd.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("DRIFTD_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Proc(p.exitValue(), err);
    }
}
