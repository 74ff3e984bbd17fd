package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-folder discipline: inputs, lock, commit as a whole, settling what a killed run left. */
class OutputFolderTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderHoldingAnInputIsRefusedAlsoThroughALink() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("d"));
        Path input = Files.writeString(d.resolve("pulse2.csv"), "0,1\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), d);
        assertThatThrownBy(() -> OutputFolder.refuseInputs(link, "--out", List.of(input)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--out " + link + " holds the input " + input + ": outputs would overwrite it; choose another output folder");
        assertThatThrownBy(() -> OutputFolder.refuseInputs(d, "--out", List.of(d))).isInstanceOf(InvalidInputException.class);
        // A sibling folder whose name starts like the input's is not inside it.
        OutputFolder.refuseInputs(tmp.resolve("d2"), "--out", List.of(input));
    }

    @Test
    void aSecondHolderIsRefusedWhileTheFirstHoldsTheFolder() throws Exception {
        Path d = tmp.resolve("out");
        try (OutputFolder held = OutputFolder.lock(d)) {
            // Re-entrant in the holding thread (a command and its StagedOutput) ...
            try (StagedOutput s = StagedOutput.in(d)) {
                s.writeString("a.txt", "a");
                s.commit();
            }
            // ... refused from another (another run).
            Throwable t = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputFolder.lock(d).close();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }).get();
            assertThat(t).isInstanceOf(InvalidInputException.class).hasMessageContaining("is in use by another hafnia run");
        }
        OutputFolder.lock(d).close();
        assertThat(d.resolve("a.txt")).hasContent("a");
    }

    @Test
    void aSetCommittedWhenTheRunWasKilledIsRolledForwardAndUncommittedOnesRemoved() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(d.resolve("a.csv"), "old a");
        Files.writeString(d.resolve("b.csv"), "old b");
        // Killed between the renames of a commit: a.csv already moved, b.csv still in the commit folder.
        Files.writeString(d.resolve("a.csv"), "new a");
        Path commit = Files.createDirectories(d.resolve(OutputFolder.COMMIT_PREFIX + "123"));
        Files.writeString(commit.resolve("b.csv"), "new b");
        // Killed while staging, and a stray temporary file of an atomic write.
        Path staging = Files.createDirectories(d.resolve(OutputFolder.STAGING_PREFIX + "456"));
        Files.writeString(staging.resolve("a.csv"), "half");
        Files.writeString(d.resolve(".b.csv.789.tmp"), "half");

        OutputFolder.lock(d).close();

        assertThat(d.resolve("a.csv")).hasContent("new a");
        assertThat(d.resolve("b.csv")).hasContent("new b");
        try (var s = Files.list(d)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(OutputFolder.LOCK, "a.csv", "b.csv");
        }
    }

    @Test
    void aFolderCreatedByARunThatFailsIsRemovedAndAnOlderOneKept() throws Exception {
        Path fresh = tmp.resolve("fresh");
        OutputFolder f = OutputFolder.lock(fresh);
        Files.writeString(fresh.resolve("snapshot.h5"), "partial");
        f.close(true);
        assertThat(fresh).doesNotExist();

        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(old.resolve("result.json"), "kept");
        try (StagedOutput s = StagedOutput.in(old)) {
            s.writeString("result.json", "half-written, never committed");
        }
        assertThat(old.resolve("result.json")).hasContent("kept");
    }

    @Test
    void aSetWithASubfolderIsCommittedAsOneAndRolledForwardAsOne() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("two-sets"));
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("main.json"), "old main");
        Files.writeString(d.resolve("sub/sub.json"), "old sub");
        // Staged, not committed: both stay old, whatever the subfolder's files.
        try (StagedOutput s = StagedOutput.in(d)) {
            s.writeString("sub/sub.json", "new sub");
            s.writeString("main.json", "new main");
        }
        assertThat(d.resolve("sub/sub.json")).hasContent("old sub");
        assertThat(d.resolve("main.json")).hasContent("old main");
        try (StagedOutput s = StagedOutput.in(d)) {
            s.writeString("sub/sub.json", "new sub");
            s.writeString("sub/deeper/x.txt", "x");
            s.writeString("main.json", "new main");
            s.commit();
        }
        assertThat(d.resolve("sub/sub.json")).hasContent("new sub");
        assertThat(d.resolve("sub/deeper/x.txt")).hasContent("x");
        assertThat(d.resolve("main.json")).hasContent("new main");

        // Killed after the commit point, nothing moved yet: the next opening moves both sets.
        Path commit = Files.createDirectories(d.resolve(OutputFolder.COMMIT_PREFIX + "7/sub"));
        Files.writeString(commit.resolve("sub.json"), "newer sub");
        Files.writeString(commit.getParent().resolve("main.json"), "newer main");
        OutputFolder.lock(d).close();
        assertThat(d.resolve("sub/sub.json")).hasContent("newer sub");
        assertThat(d.resolve("main.json")).hasContent("newer main");
        assertThat(commit.getParent()).doesNotExist();

        try (StagedOutput s = StagedOutput.in(d)) {
            for (String bad : new String[] {"../escape.txt", "sub/../../escape.txt", "/abs.txt", "sub//x.txt", "a\\b"}) {
                assertThatThrownBy(() -> s.file(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
