package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol over a {@link RunStorage} (here this machine's file system): a set published
 * from a local folder replaces an earlier set, subfolder included, and leaves no staging state; a
 * commit folder that a killed publication left is rolled forward on settling, a staging folder and
 * a stray temporary file removed, other files kept.
 */
class StoredOutputTest {

    @TempDir
    Path tmp;

    @Test
    void aPublishedSetReplacesTheEarlierOneAndLeavesNoStagingState() throws Exception {
        Files.createDirectories(tmp.resolve("dir/sub"));
        Files.writeString(tmp.resolve("dir/sub/b.txt"), "old b");
        Files.writeString(tmp.resolve("dir/a.txt"), "old a");
        Files.writeString(tmp.resolve("dir/kept.txt"), "not in the set");
        Files.createDirectories(tmp.resolve("set/sub"));
        Files.writeString(tmp.resolve("set/sub/b.txt"), "new b");
        Files.writeString(tmp.resolve("set/a.txt"), "new a");
        Files.writeString(tmp.resolve("set/" + OutputFolder.LOCK), "");

        StoredOutput.publish(tmp.resolve("set"), new LocalRunStorage(tmp.resolve("dir")));

        assertThat(tmp.resolve("dir/a.txt")).hasContent("new a");
        assertThat(tmp.resolve("dir/sub/b.txt")).hasContent("new b");
        assertThat(tmp.resolve("dir/kept.txt")).hasContent("not in the set");
        try (Stream<Path> names = Files.list(tmp.resolve("dir"))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "kept.txt", "sub");
        }
    }

    @Test
    void settlingRollsACommittedSetForwardAndRemovesAnUncommittedOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Files.writeString(dir.resolve("a.txt"), "old a");
        Files.createDirectories(dir.resolve(OutputFolder.COMMIT_PREFIX + "1/sub"));
        Files.writeString(dir.resolve(OutputFolder.COMMIT_PREFIX + "1/sub/b.txt"), "new b");
        Files.writeString(dir.resolve(OutputFolder.COMMIT_PREFIX + "1/a.txt"), "new a");
        Files.writeString(Files.createDirectories(dir.resolve(OutputFolder.STAGING_PREFIX + "2")).resolve("c.txt"), "uncommitted");
        Files.writeString(dir.resolve(".a.txt.123.tmp"), "stray");

        StoredOutput.settle(new LocalRunStorage(dir));

        assertThat(dir.resolve("a.txt")).hasContent("new a");
        assertThat(dir.resolve("sub/b.txt")).hasContent("new b");
        try (Stream<Path> names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "sub");
        }
    }
}
