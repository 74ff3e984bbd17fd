package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.MemoryBudget;
import org.hafnia.postprocess.io.OutputFolder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of the {@code hafnia} command line. Every failure ends in one line on standard
 * error, {@code hafnia CMD: error: …}, with no stack trace (unless {@code --debug}): bad input
 * ({@link InvalidInputException}), a usage error, a file-system failure (the message names the
 * path) and running out of memory exit with status 2; an internal error with status 1.
 *
 * <p>Before a command runs, its numeric options are validated ({@link OptionValidation}) and its
 * {@code --out} folder is opened under the {@link OutputFolder} discipline (inputs refused, lock,
 * what a killed run left settled, removed again when a run that created it fails), for every
 * command that has a {@code --out} option.
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
            DenoiseCommand.class,
            TrapsCommand.class,
            ArrayCommand.class,
            SweepCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Hafnia implements Runnable {

    /** Exit status for bad input (a file, a key or a parameter the user supplied) and failed I/O. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status for an internal error (a bug: please report it). */
    public static final int EXIT_INTERNAL = 1;
    /** Longest message printed, in characters (a binary file can make a parser's message huge). */
    private static final int MAX_MESSAGE = 400;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On failure, also print the stack trace (for bug reports).")
    boolean debug;

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
        // sweep --array-option=--rows=16: the value names an option the sweep has too (ArrayOptions).
        cl.getSubcommands().get("sweep").setAllowOptionsAsOptionParameters(true);
        cl.setExecutionStrategy(Hafnia::executeDisciplined);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            PrintWriter err = c.getErr();
            err.println(name + ": error: " + oneLine(ex.getMessage()) + " (try '" + name + " --help')");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String name = commandLine.getCommandSpec().qualifiedName();
            if (debug(parseResult)) {
                ex.printStackTrace(err);
            }
            int status = EXIT_BAD_INPUT;
            String message;
            InvalidInputException bad = cause(ex, InvalidInputException.class);
            UncheckedIOException io = cause(ex, UncheckedIOException.class);
            java.io.IOException checked = cause(ex, java.io.IOException.class);
            OutOfMemoryError oom = cause(ex, OutOfMemoryError.class);
            if (bad != null) {
                message = bad.getMessage();
            } else if (io != null) {
                // A file-system failure (unwritable folder, full disk): the message names the path.
                message = io.getMessage();
            } else if (checked != null) {
                message = "I/O error: " + checked.getMessage();
            } else if (oom != null) {
                message = "out of memory (" + oom.getMessage() + ") with a " + MemoryBudget.size(Runtime.getRuntime().maxMemory())
                        + " heap; use a smaller problem, or give Java more memory (HAFNIA_JAVA_OPTS=-Xmx…)";
            } else {
                Throwable root = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
                message = "internal error: " + root + (debug(parseResult) ? "" : " (rerun with --debug for the stack trace)");
                status = EXIT_INTERNAL;
            }
            err.println(name + ": error: " + oneLine(message));
            err.flush();
            return status;
        });
        return cl;
    }

    /**
     * Validates the options of the command to run, opens its output folder under the
     * {@link OutputFolder} discipline, and runs it. Help and version requests run as they are.
     */
    private static int executeDisciplined(ParseResult top) {
        ParseResult leaf = top;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine command = leaf.commandSpec().commandLine();
        if (CommandLine.printHelpIfRequested(top)) {
            return 0;
        }
        OutputFolder folder = null;
        boolean ok = false;
        try {
            OptionValidation.validate(leaf.commandSpec());
            List<Path> inputs = OptionValidation.inputs(leaf.commandSpec());
            Path outFile = OptionValidation.outputFile(leaf.commandSpec());
            if (outFile != null) {
                refuseOverwritingAnInput(outFile, inputs);
            }
            Path out = OptionValidation.outputFolder(leaf.commandSpec());
            // A URI --out (array and sweep under --engine spark) is the command's own: no local folder to hold.
            if (out != null && OptionValidation.outputUri(leaf.commandSpec()) == null) {
                OutputFolder.refuseInputs(out, OptionValidation.OUT_OPTION, inputs);
                folder = OutputFolder.lock(out);
            }
            int status = new CommandLine.RunLast().execute(top);
            ok = status == 0;
            return status;
        } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new CommandLine.ExecutionException(command, String.valueOf(e.getMessage()), e);
        } finally {
            if (folder != null) {
                folder.close(!ok);
            }
        }
    }

    /** hafnia convert IN OUT: OUT may not be one of the inputs (compared as files, so links count). */
    private static void refuseOverwritingAnInput(Path outFile, List<Path> inputs) {
        for (Path in : inputs) {
            try {
                if (Files.exists(outFile) && Files.exists(in) && Files.isSameFile(outFile, in)) {
                    throw new InvalidInputException(OptionValidation.OUT_LABEL + " " + outFile + " is the input " + in
                            + ": writing it would overwrite the input; choose another output file");
                }
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("cannot compare " + outFile + " with " + in + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean debug(ParseResult top) {
        for (ParseResult r = top; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A message as one printable line: line breaks become "; ", control characters and
     * undecodable bytes (U+FFFD) are shown as escapes, and a very long message is cut.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        StringBuilder b = new StringBuilder();
        String s = message.strip().replaceAll("\\s*\\R\\s*", "; ");
        for (int k = 0; k < s.length() && b.length() < MAX_MESSAGE; ) {
            int cp = s.codePointAt(k);
            k += Character.charCount(cp);
            if (cp == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(cp) || cp == 0xFFFD || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.PRIVATE_USE
                    || Character.getType(cp) == Character.SURROGATE) {
                b.append(cp <= 0xFF ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        if (b.length() >= MAX_MESSAGE) {
            b.setLength(MAX_MESSAGE);
            b.append(" …");
        }
        return b.toString();
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
