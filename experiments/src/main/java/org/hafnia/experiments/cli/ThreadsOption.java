package org.hafnia.experiments.cli;

import org.hafnia.meshes.InvalidInputException;

import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that run simulations (a picocli mixin). */
public final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: available processors); results do not depend on it.")
    Integer threads;

    /** The requested thread count, or the available processors; refuses fewer than one. */
    public int resolve() {
        if (threads == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
