package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time in a run folder without file locks (here this machine's file system through
 * {@link LocalRunStorage}): a held folder refuses a second run naming its holder; a lease of a
 * process of this host that has ended, or of a later process with the same id, is taken over; one of
 * another host never is; closing removes only the run's own lease.
 */
class RunLeaseTest {

    @TempDir
    Path tmp;

    /** The id of a process that has ended (started, waited for and reaped here). */
    static long endedPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    static void lease(Path dir, String host, long pid, Instant started) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunLease.FILE), "run=other\nhost=" + host + "\npid=" + pid + "\nstarted="
                + (started == null ? "" : started) + "\n");
    }

    @Test
    void aHeldFolderRefusesASecondRunNamingItsHolderAndIsFreeAgainOnClose() {
        LocalRunStorage dir = new LocalRunStorage(tmp.resolve("run"));
        try (RunLease first = RunLease.take(dir)) {
            assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("pid=" + ProcessHandle.current().pid());
            assertThatThrownBy(() -> RunLease.take(dir)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("is held by another hafnia run (host " + RunProcess.current().host() + ", pid "
                            + ProcessHandle.current().pid())
                    .hasMessageContaining("remove " + tmp.resolve("run/" + RunLease.FILE) + " if no run is writing there");
        }
        assertThat(tmp.resolve("run/" + RunLease.FILE)).doesNotExist();
        RunLease.take(dir).close();
    }

    @Test
    void theLeaseOfAnEndedProcessOfThisHostIsTakenOver() throws Exception {
        lease(tmp.resolve("run"), RunProcess.current().host(), endedPid(), Instant.now());
        try (RunLease l = RunLease.take(new LocalRunStorage(tmp.resolve("run")))) {
            assertThat(tmp.resolve("run/" + RunLease.FILE)).content().doesNotContain("run=other");
        }
        try (var names = Files.list(tmp.resolve("run"))) {
            assertThat(names).as("no stale copy left").isEmpty();
        }
    }

    @Test
    void theLeaseOfALaterProcessWithTheSameIdIsTakenOver() throws Exception {
        // This process's id, but a start an hour before this process began: the holder was another process.
        Instant earlier = RunProcess.current().started().minusSeconds(3600);
        lease(tmp.resolve("run"), RunProcess.current().host(), ProcessHandle.current().pid(), earlier);
        RunLease.take(new LocalRunStorage(tmp.resolve("run"))).close();
        assertThat(tmp.resolve("run/" + RunLease.FILE)).doesNotExist();
    }

    @Test
    void theLeaseOfAnotherHostIsNeverTakenOver() throws Exception {
        lease(tmp.resolve("run"), "another-host.example", endedPid(), Instant.now());
        assertThatThrownBy(() -> RunLease.take(new LocalRunStorage(tmp.resolve("run")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("host another-host.example");
        assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("run=other");
    }

    @Test
    void anUnreadableLeaseIsRefusedAndKept() throws Exception {
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run/" + RunLease.FILE), "half a lea");
        assertThatThrownBy(() -> RunLease.take(new LocalRunStorage(tmp.resolve("run")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("its lease cannot be read");
        assertThat(tmp.resolve("run/" + RunLease.FILE)).hasContent("half a lea");
    }

    @Test
    void closingKeepsALeaseThatIsNoLongerThisRuns() throws Exception {
        RunLease mine = RunLease.take(new LocalRunStorage(tmp.resolve("run")));
        // Removed by hand and taken by another run meanwhile: that run's lease stays.
        Files.delete(tmp.resolve("run/" + RunLease.FILE));
        lease(tmp.resolve("run"), "another-host.example", 1, null);
        mine.close();
        assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("run=other");
    }
}
