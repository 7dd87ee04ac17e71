package dev.driftd.demo;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo jar's command line before anything starts: help, version, and one-line errors with exit 2. */
class DemoCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DemoCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpDescribesTheDemoAndItsOptions() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: driftd-demo").contains("--bind=HOST:PORT").contains("127.0.0.1:9741")
                .contains("--verbose").contains("embedded PostgreSQL");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionNamesTheDemoAndTheBuild() {
        Result r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3).first().asString().startsWith("driftd-demo ")
                .doesNotEndWith("${project.version}");
        assertThat(r.out()).contains("revision: ").contains("java: ");
    }

    @Test
    void aBadBindIsOneLineAndExitTwoBeforeAnythingStarts() {
        Result r = run("--bind", "nonsense");
        assertThat(r.code()).isEqualTo(DemoCommand.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("driftd: --bind 'nonsense' is not host:port");

        Result port = run("--bind", "127.0.0.1:70000");
        assertThat(port.code()).isEqualTo(DemoCommand.ERROR);
        assertThat(port.err().lines().toList()).containsExactly("driftd: --bind '127.0.0.1:70000' has a port out of range");
    }

    @Test
    void anUnknownOptionPointsAtTheHelp() {
        Result r = run("--config", "x.yaml");
        assertThat(r.code()).isEqualTo(DemoCommand.ERROR);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("driftd-demo: Unknown options: '--config', 'x.yaml'")
                .endsWith("(try 'java -jar driftd-demo.jar --help')");
    }
}
