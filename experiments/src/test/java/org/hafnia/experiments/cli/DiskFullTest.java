package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hafnia.postprocess.io.OutputFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (a 1 MiB tmpfs, filled up) while writing HDF5, PNG and text outputs: one
 * {@code hafnia CMD: error:} line naming the file, exit status 2, nothing partial. Needs root to
 * mount the tmpfs (CI runs as root); skipped with a message otherwise.
 */
class DiskFullTest {

    @TempDir
    static Path tmp;

    private static Path disk;
    private static Path map;

    @BeforeAll
    static void mount() throws Exception {
        disk = Files.createDirectories(tmp.resolve("disk"));
        int status;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            status = p.waitFor();
        } catch (IOException e) {
            status = -1;
        }
        Assumptions.assumeTrue(status == 0, "cannot mount a 1 MiB tmpfs (needs root): disk-full tests skipped");
        map = tmp.resolve("map.csv");
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < 58; j++) {
            for (int i = 0; i < 51; i++) {
                b.append(i > 0 ? "," : "").append(0.5 + 0.4 * Math.sin(0.3 * i + 0.2 * j));
            }
            b.append('\n');
        }
        Files.writeString(map, b);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (disk != null && map != null) {
            // Lazy: a library that failed mid-write (jhdf) may still hold a file open on it.
            new ProcessBuilder("umount", "-l", disk.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    /** Fills the disk, then frees {@code free} bytes (tmpfs counts whole 4 KiB pages). */
    private static Path fill(long free) throws IOException {
        Path filler = disk.resolve("filler");
        Files.deleteIfExists(filler);
        byte[] page = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(page);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (var ch = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, ch.size() - free));
        }
        return filler;
    }

    private static void assertFailedCleanly(CommandRun r, String command, String file) throws IOException {
        assertThat(r.status()).as(r.err()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("hafnia " + command + ": error: cannot ").contains(file)
                .contains("No space left on device");
        try (Stream<Path> s = Files.list(disk)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("nothing partial").containsExactly("filler");
        }
    }

    @Test
    void convertToHdf5OnAFullDiskIsOneLine() throws IOException {
        fill(0);
        assertFailedCleanly(CommandRun.of("convert", map.toString(), disk.resolve("m.h5").toString()), "convert", "m.h5");
    }

    @Test
    void aPngOnAFullDiskIsOneLineAndTheStagedSetIsRemoved() throws IOException {
        // Room for compare.json (a few KiB), not for compare.png.
        fill(8192);
        CommandRun r = CommandRun.of("compare", map.toString(), map.toString(), "--out", disk.resolve("c").toString());
        assertFailedCleanly(r, "compare", disk.resolve("c").resolve("compare.png") + ": ");
    }

    @Test
    void fig4OnAFullDiskLeavesNoFolder() throws IOException {
        fill(16384);
        CommandRun r = CommandRun.of("fig4", "--out", disk.resolve("f").toString(), "--threads", "1");
        assertFailedCleanly(r, "fig4", disk.resolve("f").toString());
        assertThat(disk.resolve("f").resolve(OutputFolder.LOCK)).doesNotExist();
    }
}
