package dev.driftd.cli;

import dev.driftd.metrics.BuildInfo;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheBuildTheMetricExports() {
        BuildInfo build = BuildInfo.current();
        Run r = run("version");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "driftd " + build.version(), "revision: " + build.revision(), "java: " + build.java());
        // built by Maven in a git checkout: the revision is a commit, the version the project's
        assertThat(build.revision()).matches("[0-9a-f]{40}(-dirty)?");
        assertThat(build.version()).doesNotContain("${").isNotEqualTo("unknown");
    }

    @Test
    void versionOptionAndHelpAgree() {
        Run option = run("--version");
        assertThat(option.exit()).isZero();
        assertThat(option.out()).isEqualTo(run("version").out());
        Run help = run("version", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: driftd version").contains("git revision");
        assertThat(List.of(help.err(), option.err())).allMatch(String::isEmpty);
    }
}
