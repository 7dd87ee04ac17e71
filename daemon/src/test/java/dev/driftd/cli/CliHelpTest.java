package dev.driftd.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * {@code --help} answers on every subcommand, even those with required options; completion covers them all;
 * {@code demo}, now its own jar, is answered with where that jar is.
 */
class CliHelpTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        assertThat(Main.commandNames()).contains("diff", "snapshot", "apply", "run").doesNotContain("demo");
        for (String command : Main.commandNames()) {
            for (String flag : new String[]{"--help", "-h"}) {
                Result r = run(command, flag);
                assertThat(r.code()).as("driftd %s %s: %s", command, flag, r.err()).isZero();
                assertThat(r.out()).as("driftd %s %s", command, flag).startsWith("Usage: driftd " + command)
                        .contains("-h, --help");
                assertThat(r.err()).as("driftd %s %s", command, flag).isEmpty();
            }
        }
        // diff still insists on its options when help is not asked for
        Result missing = run("diff");
        assertThat(missing.code()).isEqualTo(Main.ERROR);
        assertThat(missing.err()).contains("Missing required options").contains("try 'driftd diff --help'");
    }

    @Test
    void demoAnswersWithWhereTheDemoJarIs() {
        for (String[] args : new String[][]{{"demo"}, {"demo", "--bind", "127.0.0.1:0"}, {"demo", "--help"}}) {
            Result r = run(args);
            assertThat(r.code()).as("driftd %s", String.join(" ", args)).isEqualTo(Main.ERROR);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).as("driftd %s", String.join(" ", args)).singleElement(
                    STRING)
                    .startsWith("driftd: the demo is not in the production jar")
                    .contains("java -jar demo/target/driftd-demo.jar");
        }
        // the top-level help no longer offers it
        assertThat(run("--help").out()).doesNotContain("demo");
    }

    @Test
    void diffHelpStatesTheExitCodes() {
        assertThat(run("diff", "--help").out()).contains("Exit 0 in sync, 1 drift found, 2 error");
    }

    @Test
    void theBuiltCompletionScriptCoversEveryCommandAndOption() throws Exception {
        String script = CompletionScript.script();
        for (String command : Main.commandNames()) {
            assertThat(script).as("completion knows '%s'", command).contains(command);
        }
        assertThat(script).contains("--golden-password-file").contains("--target-schema").contains("--config")
                .doesNotContain("demo");
        // the build wrote the same script (exec-maven-plugin at process-classes); a stale copy would differ
        Path built = Path.of("target", "driftd_completion");
        assertThat(built).exists();
        assertThat(Files.readString(built, StandardCharsets.UTF_8)).isEqualTo(script);
    }
}
