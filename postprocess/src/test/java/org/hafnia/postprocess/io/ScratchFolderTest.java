package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run's local scratch folder is removed by the next run: those of ended processes of this
 * host go, those of live processes, of other hosts and of other programs stay. (pitest's survivor here,
 * start 0 read as the epoch rather than "unknown", is equivalent for a process that has ended.)
 */
class ScratchFolderTest {

    @TempDir
    Path tmp;

    @Test
    void theFoldersOfEndedProcessesOfThisHostAreRemovedAndNoOthers() throws Exception {
        String host = String.format("%08x", RunProcess.current().host().hashCode());
        long ended = RunLeaseTest.endedPid();
        Path killed = Files.createDirectories(tmp.resolve("hafnia-array-" + ended + "-1764000000000-" + host + "-123"));
        Files.writeString(killed.resolve("array.json"), "{}");
        Path alsoKilled = Files.createDirectories(tmp.resolve("hafnia-sweep-" + ended + "-0-" + host + "-5"));
        Path otherHost = Files.createDirectories(tmp.resolve("hafnia-sweep-" + ended + "-1764000000000-0badc0de-7"));
        Path aFile = Files.writeString(tmp.resolve("hafnia-array-" + ended + "-1764000000000-" + host + "-9"), "not a folder");
        Path notOurs = Files.createDirectories(tmp.resolve("hafnia-notes"));
        String previous = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        Path mine;
        try {
            mine = ScratchFolder.create("array");
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
        assertThat(mine.getParent()).isEqualTo(tmp);
        assertThat(mine.getFileName().toString()).startsWith("hafnia-array-" + ProcessHandle.current().pid() + "-"
                + RunProcess.current().started().toEpochMilli() + "-" + host + "-");
        assertThat(killed).doesNotExist();
        assertThat(alsoKilled).doesNotExist();
        assertThat(otherHost).isDirectory();
        assertThat(aFile).isRegularFile();
        assertThat(notOurs).isDirectory();

        ScratchFolder.removeStale(tmp);
        assertThat(mine).as("a live process's own").isDirectory();
    }
}
