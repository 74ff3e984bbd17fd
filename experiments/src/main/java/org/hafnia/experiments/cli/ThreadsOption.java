package org.hafnia.experiments.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --threads} option of the commands that run simulations (a picocli mixin). */
public final class ThreadsOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: available processors; more than 4 per processor are capped); results do not depend on it.")
    @Range(min = 1)
    Integer threads;

    /** The requested thread count (capped, see {@link #capped}), or the available processors. */
    public int resolve() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        return capped(threads, command == null ? null : command.commandLine().getErr());
    }

    /**
     * The largest useful thread count: the work is split in rows, so more threads than a few per
     * processor only cost native threads (100000 exhaust them), never change a result.
     */
    static int limit() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** {@code requested} capped at {@link #limit()}, with a note on {@code err} when capped. */
    static int capped(int requested, PrintWriter err) {
        int max = limit();
        if (requested <= max) {
            return requested;
        }
        if (err != null) {
            err.println("note: --threads " + requested + " capped at " + max + " (4 per available processor, at least 8);"
                    + " results do not depend on the thread count");
            err.flush();
        }
        return max;
    }
}
