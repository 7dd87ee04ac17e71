package dev.driftd.cli;

import dev.driftd.logging.JulBridge;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code driftd}: exit 0 in sync (or done), 1 drift found, 2 error with one line on standard error.
 * Standard output carries only the requested result; logs go to standard error.
 */
// scope INHERIT: every subcommand gets --help (and --version), which picocli answers before it
// checks required options, so `driftd diff --help` prints usage instead of "Missing required options"
@Command(name = "driftd", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        description = "Schema drift monitor for fleets of PostgreSQL, MySQL and MariaDB databases.")
public final class Main {
    public static final int IN_SYNC = 0;
    public static final int DRIFT = 1;
    public static final int ERROR = 2;

    /**
     * The subcommands, in help order. Only the one being run is built: picocli reads every
     * command's annotations by reflection, a cost a one-shot {@code snapshot} should not pay six times.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("diff", DiffCommand::new);
        COMMANDS.put("snapshot", SnapshotCommand::new);
        COMMANDS.put("apply", ApplyCommand::new);
        COMMANDS.put("selfcheck", SelfcheckCommand::new);
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("version", VersionCommand::new);
    }

    /**
     * Commands that left this jar, each with the one line that says where it went: without it a user
     * following an older README would read picocli's "Unmatched argument".
     */
    private static final Map<String, String> MOVED = Map.of(
            "demo", "the demo is not in the production jar: from a source checkout run "
                    + "'mvn -q package -DskipTests && java -jar demo/target/driftd-demo.jar'");

    public static void main(String[] args) {
        System.exit(run(args, new ByteSink(System.out), new PrintWriter(System.err, true)));
    }

    /** The names of the subcommands, in help order. */
    static java.util.Set<String> commandNames() {
        return java.util.Collections.unmodifiableSet(COMMANDS.keySet());
    }

    /** The whole command tree, every subcommand built: what shell completion is generated from. */
    static CommandLine fullCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        COMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
        return cli;
    }

    /** Runs a command line with the given streams; what tests call. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // every command: drivers' java.util.logging output must go through the masking log pipeline
        JulBridge.install();
        if (args.length > 0 && MOVED.containsKey(args[0])) {
            err.println("driftd: " + MOVED.get(args[0]));
            err.flush();
            return ERROR;
        }
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cli.addSubcommand(named.get());
        } else {
            COMMANDS.values().forEach(command -> cli.addSubcommand(command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        // one line, like every other error: the problem and where to read more
        cli.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandName().equals("driftd") ? ""
                    : ex.getCommandLine().getCommandName() + " ";
            String message = ex.getMessage() == null ? "bad command line" : ex.getMessage().strip();
            err.println("driftd: " + dev.driftd.logging.Redactor.redact(message.lines().findFirst().orElse(message))
                    + " (try 'driftd " + command + "--help')");
            err.flush();
            return ERROR;
        });
        if (args.length == 0) {
            cli.usage(err);
            return ERROR;
        }
        return cli.execute(args);
    }
}
