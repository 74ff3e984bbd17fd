package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run's local scratch folder is removed by the next run: those of ended processes of this
 * host go, those of live processes, of other hosts and of other programs stay.
 */
class ScratchFolderTest {

    @TempDir
    Path tmp;

    @Test
    void theFoldersOfEndedProcessesOfThisHostAreRemovedAndNoOthers() throws Exception {
        Path mine = ScratchFolder.create("array");
        try {
            String name = mine.getFileName().toString();
            assertThat(name).startsWith("hafnia-array-" + ProcessHandle.current().pid() + "-");
            String host = name.split("-")[4];
            long ended = RunLeaseTest.endedPid();
            Path killed = Files.createDirectories(tmp.resolve("hafnia-array-" + ended + "-1764000000000-" + host + "-123"));
            Files.writeString(killed.resolve("array.json"), "{}");
            Path live = Files.createDirectories(tmp.resolve(name));
            Path otherHost = Files.createDirectories(tmp.resolve("hafnia-sweep-" + ended + "-1764000000000-0badc0de-7"));
            Path notOurs = Files.createDirectories(tmp.resolve("hafnia-notes"));

            ScratchFolder.removeStale(tmp);

            assertThat(killed).doesNotExist();
            assertThat(live).isDirectory();
            assertThat(otherHost).isDirectory();
            assertThat(notOurs).isDirectory();
        } finally {
            OutputFolder.deleteTree(mine);
        }
    }
}
