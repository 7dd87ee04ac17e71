package dev.driftd.faults;

import dev.driftd.daemon.DaemonCore;
import dev.driftd.fleet.FleetStatus;
import dev.driftd.fleet.MemberState;
import dev.driftd.fleet.MemberStatus;
import dev.driftd.fleet.SweepResult;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members whose server accepts the TCP connection and then never says a word (a hung server, a
 * black-holing proxy): after the fleet's timeout they are unreachable with reason {@code timeout},
 * and the healthy members of the same sweep are compared as usual.
 */
class HangingMemberTest {
    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void silentServer() throws IOException {
        silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept()); // accept, then never read nor write
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void hangingMembersTimeOutAndTheOthersAreSwept(@TempDir Path dir) throws Exception {
        int port = silent.getLocalPort();
        try (TestDatabase golden = TestDatabases.postgres().createDatabase("drhang_g");
             TestDatabase ok = TestDatabases.postgres().createDatabase("drhang_ok");
             TestDatabase drifted = TestDatabases.postgres().createDatabase("drhang_dr")) {
            String schema = "CREATE TABLE t (id int PRIMARY KEY, v text)";
            golden.execute(schema);
            ok.execute(schema);
            drifted.execute(schema, "CREATE INDEX t_v ON t (v)");
            Path cfg = dir.resolve("driftd.yaml");
            Files.writeString(cfg, """
                    server:
                      bind: 127.0.0.1:1
                    store:
                      url: "jdbc:h2:file:%s"
                    fleets:
                      - name: f
                        schedule: "0 0 0 1 1 ? 2099"
                        golden: {url: "%s"}
                        timeout: 2s
                        members:
                          - {name: ok, url: "%s"}
                          - {name: drifted, url: "%s"}
                          - {name: hung-pg, url: "jdbc:postgresql://127.0.0.1:%d/app?user=driftd"}
                          - {name: hung-my, url: "jdbc:mysql://127.0.0.1:%d/app?user=driftd"}
                    """.formatted(dir.resolve("store").resolve("driftd"), golden.url(), ok.url(), drifted.url(),
                    port, port));
            try (DaemonCore core = new DaemonCore(cfg, null).start()) {
                // the first sweep also loads both drivers' classes (seconds on a busy CI machine)
                core.fleetService().sweepNow("f").get(90, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                SweepResult r = core.fleetService().sweepNow("f").get(60, TimeUnit.SECONDS);
                long took = (System.nanoTime() - t0) / 1_000_000;

                // the hung members cost about one timeout (plus the drivers' socket backstop of 2-5 s;
                // they are snapshotted in parallel), not a hang
                assertThat(took).as("sweep took %d ms", took).isLessThan(2_000 + 5_000 + 5_000);
                assertThat(r.unreachable()).isEqualTo(2);
                assertThat(r.inSync()).isEqualTo(1);
                assertThat(r.drifted()).isEqualTo(1);
                FleetStatus f = core.fleetService().fleet("f").orElseThrow();
                Map<String, MemberStatus> m = f.members().stream()
                        .collect(Collectors.toMap(MemberStatus::member, x -> x));
                for (String hung : List.of("hung-pg", "hung-my")) {
                    assertThat(m.get(hung).state()).isEqualTo(MemberState.UNREACHABLE);
                    assertThat(m.get(hung).errorReason()).as(hung + ": " + m.get(hung).error()).isEqualTo("timeout");
                }
                assertThat(m.get("ok").state()).isEqualTo(MemberState.IN_SYNC);
                assertThat(m.get("drifted").state()).isEqualTo(MemberState.DRIFTED);
                assertThat(accepted).as("both drivers reached the silent server").hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }
}
