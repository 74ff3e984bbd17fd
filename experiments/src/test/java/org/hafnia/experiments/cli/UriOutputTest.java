package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.postprocess.io.LocalRunStorage;
import org.hafnia.postprocess.io.RunLease;
import org.hafnia.postprocess.io.RunStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The discipline of a run into a URI folder (here a folder of this machine through
 * {@link LocalRunStorage}, as a {@code file:} URI is): the command writes through its lease; once
 * the lease has been taken over it writes nothing more there, and the folder it created, now the
 * other run's, is not removed when it fails; without a takeover a failed run removes what it created.
 */
class UriOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aRunWhoseLeaseIsTakenOverStopsWritingAndLeavesTheFolderToTheOtherRun() {
        Path dir = tmp.resolve("out");
        RunStorage folder = new LocalRunStorage(dir);
        assertThatThrownBy(() -> UriOutput.run(CommandSpec.create(), folder, "test", (scratch, held) -> {
            held.write("a", o -> o.write(1));
            try {
                Files.writeString(dir.resolve(RunLease.FILE), "run=winner\nhost=another-host.example\npid=2\nstarted=\n");
                // The next beat (RunLease.BEAT, 5 s) sees it; a minute for a loaded machine.
                long end = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < end) {
                    held.write("b", o -> o.write(2)); // refused once the beat has seen the takeover
                    Thread.sleep(50);
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
            return 0;
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("taken over by another hafnia run (host another-host.example, pid 2)");
        assertThat(dir.resolve("a")).exists();
        assertThat(dir.resolve(RunLease.FILE)).content().contains("run=winner");
    }

    @Test
    void aFailedRunRemovesTheFolderItCreated() {
        Path dir = tmp.resolve("out");
        assertThatThrownBy(() -> UriOutput.run(CommandSpec.create(), new LocalRunStorage(dir), "test", (scratch, held) -> {
            held.write("a", o -> o.write(1));
            throw new IllegalStateException("failed");
        })).hasMessage("failed");
        assertThat(dir).doesNotExist();
    }
}
