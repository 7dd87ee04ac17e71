package dev.driftd.cli;

import dev.driftd.logging.Redactor;
import picocli.CommandLine;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;

/**
 * Any failure becomes exit 2 and one line on standard error; the stack trace only with --verbose.
 * Public for the demo's own jar (driftd-demo.jar), whose failures read the same.
 */
public final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (ex instanceof FileSystemException f) {
            // the JDK's message is the bare path: say what could not be done to it
            message = "cannot open " + f.getFile() + ": " + (ex instanceof NoSuchFileException ? "no such file or directory"
                    : ex instanceof AccessDeniedException ? "permission denied"
                    : f.getReason() == null ? ex.getClass().getSimpleName() : f.getReason());
        }
        cli.getErr().println("driftd: " + Redactor.redact(message.strip().lines().findFirst().orElse(message)));
        if (Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--verbose")) {
            // the trace's messages may quote the URL a driver could not parse: masked as well
            java.io.StringWriter trace = new java.io.StringWriter();
            ex.printStackTrace(new java.io.PrintWriter(trace));
            cli.getErr().print(Redactor.redact(trace.toString()));
        }
        cli.getErr().flush();
        return Main.ERROR;
    }
}
