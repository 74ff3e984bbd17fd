package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.hafnia.meshes.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code hafnia} command line. Bad input ({@link InvalidInputException})
 * is reported as one line on standard error with exit status 2, a file-system failure as one
 * line with status 1; any other failure prints its stack trace and exits with status 1.
 */
@Command(name = "hafnia",
        mixinStandardHelpOptions = true,
        versionProvider = Hafnia.Version.class,
        description = "Phase-field simulator of conduction channels in HfO2 memristors.",
        subcommands = {
            Fig3Command.class,
            Fig4Command.class,
            RtnCommand.class,
            BenchCommand.class,
            RunCommand.class,
            PfhubCommand.class,
            ConvertCommand.class,
            CompareCommand.class,
            FitCommand.class,
            ExtractCommand.class,
            ProgramCommand.class,
            ArrayCommand.class,
            SweepCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Hafnia implements Runnable {

    /** Exit status for bad input (a file, a key or a parameter the user supplied). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Hafnia());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String name = commandLine.getCommandSpec().qualifiedName();
            InvalidInputException bad = cause(ex, InvalidInputException.class);
            if (bad != null) {
                err.println(name + ": error: " + bad.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            UncheckedIOException io = cause(ex, UncheckedIOException.class);
            if (io != null) {
                // A file system failure (unwritable folder, full disk): the message names the path.
                err.println(name + ": error: " + io.getMessage());
                err.flush();
                return 1;
            }
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl;
    }

    /** The first throwable of type {@code type} in the cause chain of {@code ex}, or null. */
    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Reports the version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Hafnia.class.getPackage().getImplementationVersion();
            return new String[] {"hafnia " + (v == null ? "development" : v)};
        }
    }
}
