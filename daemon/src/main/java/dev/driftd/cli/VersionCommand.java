package dev.driftd.cli;

import dev.driftd.metrics.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code driftd version} (and {@code driftd --version}): the build as {@code driftd_build_info}
 * exports it, from the same {@link BuildInfo}, so what an operator reads here is what the metric says.
 */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the driftd version, git revision and Java runtime.")
final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static String[] lines() {
        BuildInfo b = BuildInfo.current();
        return new String[]{"driftd " + b.version(), "revision: " + b.revision(), "java: " + b.java()};
    }

    @Override
    public Integer call() {
        for (String line : lines()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return Main.IN_SYNC;
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return lines();
        }
    }
}
