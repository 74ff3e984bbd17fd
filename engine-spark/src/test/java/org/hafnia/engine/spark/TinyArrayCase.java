package org.hafnia.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.experiments.cli.CommandRun;

/**
 * The tiny 8 × 8-node case of the array tests ({@code tiny-array.json}) copied into a test's folder,
 * and the compact model {@code hafnia extract} makes of it: what the engine tests program their arrays with.
 *
 * @param file    the case file
 * @param compact the extracted compact.json
 */
record TinyArrayCase(Path file, Path compact) {

    /** Copies the case into {@code dir} and extracts it there (2 threads). */
    static TinyArrayCase in(Path dir) throws Exception {
        Path file = dir.resolve("tiny-array.json");
        Files.copy(Path.of(System.getProperty("hafnia.root"), "experiments/src/test/resources/cases/tiny-array.json"), file);
        Path x = dir.resolve("extract");
        CommandRun r = CommandRun.of("extract", file.toString(), "--out", x.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        return new TinyArrayCase(file, x.resolve("compact.json"));
    }
}
