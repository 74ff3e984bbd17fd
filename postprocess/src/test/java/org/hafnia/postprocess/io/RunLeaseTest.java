package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time in a run folder without file locks (here this machine's file system through
 * {@link LocalRunStorage}): a held folder refuses a second run naming its holder; a lease of a
 * process of this host that has ended, or of a later process with the same id, is taken over; one of
 * another host is when its heartbeat has stopped, never while it beats or when it has none; a holder
 * beats while it holds and stops when it closes; a run whose lease was taken over or removed writes
 * nothing more; closing removes only the run's own lease; the two races of a takeover.
 * pitest (2026-12-02, with RunProcess and ScratchFolder): 56 / 61 killed; the survivors are equivalent
 * or unreachable here: {@code turn < 3} as {@code <=} (one more turn, the same refusal), {@code eq > 0}
 * as {@code >= 0} (a line "=x" adds an unused key), the start tolerance's {@code >} as {@code >=}
 * (differs at exactly 1 s), an unreadable stale copy (not coverable without a third run).
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
                            + ProcessHandle.current().pid() + ", started " + RunProcess.current().started() + ";")
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

    /** A short heartbeat for the tests: another host's holder is judged within 12 × 20 ms. */
    static final Duration BEAT = Duration.ofMillis(20);

    static void beatingLease(Path dir, String beat, Duration interval) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunLease.FILE), "run=other\nhost=another-host.example\npid=1\nstarted=\nheartbeat_ms="
                + interval.toMillis() + "\n");
        if (beat != null) {
            Files.writeString(dir.resolve(".hafnia.beat.other"), beat);
        }
    }

    /** Waits (at most a minute: a loaded machine) until {@code done}. */
    static void await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited a minute").isLessThan(end);
            Thread.sleep(5);
        }
    }

    @Test
    void aLiveHolderOfThisHostIsRefusedWithoutWatchingAHeartbeat() {
        LocalRunStorage dir = new LocalRunStorage(tmp.resolve("run"));
        List<String> notes = new CopyOnWriteArrayList<>();
        try (RunLease first = RunLease.take(dir, BEAT, notes::add)) {
            assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("heartbeat_ms=20");
            assertThatThrownBy(() -> RunLease.take(dir, BEAT, notes::add)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(notes).isEmpty();
    }

    @Test
    void anotherHostsHolderWhoseHeartbeatGoesOnIsRefused() throws Exception {
        // It announces 1 s (watched for 12 s) and beats every 20 ms: no pause of a loaded machine passes for its end.
        beatingLease(tmp.resolve("run"), "beat=0\n", Duration.ofSeconds(1));
        Thread beater = new Thread(() -> {
            try {
                for (int n = 1; !Thread.currentThread().isInterrupted(); n++) {
                    Files.writeString(tmp.resolve("run/.hafnia.beat.other"), "beat=" + n + "\n");
                    Thread.sleep(BEAT.toMillis());
                }
            } catch (Exception e) {
                // interrupted: the holder ends
            }
        });
        beater.start();
        List<String> notes = new CopyOnWriteArrayList<>();
        try {
            assertThatThrownBy(() -> RunLease.take(new LocalRunStorage(tmp.resolve("run")), BEAT, notes::add))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("host another-host.example, pid 1;");
        } finally {
            beater.interrupt();
            beater.join();
        }
        assertThat(notes).singleElement().asString().contains("watching its heartbeat for up to 12.0 s");
        assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("run=other");
    }

    @Test
    void anotherHostsHolderWhoseHeartbeatStoppedIsTakenOver() throws Exception {
        for (String beat : new String[] {"beat=41\n", null}) { // stopped, or died before its first beat
            beatingLease(tmp.resolve("run"), beat, BEAT);
            List<String> notes = new CopyOnWriteArrayList<>();
            try (RunLease l = RunLease.take(new LocalRunStorage(tmp.resolve("run")), BEAT, notes::add)) {
                assertThat(tmp.resolve("run/" + RunLease.FILE)).content().doesNotContain("run=other");
                assertThat(tmp.resolve("run/.hafnia.beat.other")).as("the stale holder's beat removed").doesNotExist();
            }
            assertThat(notes).hasSize(1);
            try (var names = Files.list(tmp.resolve("run"))) {
                assertThat(names).as("no lease, beat or stale copy left").isEmpty();
            }
        }
    }

    @Test
    void aHolderBeatsWhileItHoldsAndStopsWhenItCloses() throws Exception {
        Path run = tmp.resolve("run");
        RunLease l = RunLease.take(new LocalRunStorage(run), BEAT, s -> { });
        String id = Files.readString(run.resolve(RunLease.FILE)).lines().filter(x -> x.startsWith("run=")).findFirst()
                .orElseThrow().substring(4);
        Path beat = run.resolve(".hafnia.beat." + id);
        assertThat(beat).as("the first beat, on taking the lease").hasContent("beat=0");
        await(() -> read(beat).equals("beat=3\n"));
        l.close();
        assertThat(beat).doesNotExist();
        Thread.sleep(10 * BEAT.toMillis());
        try (var names = Files.list(run)) {
            assertThat(names).as("no beat after closing").isEmpty();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aRunWhoseLeaseWasTakenOverOrRemovedWritesNothingMoreThere() throws Exception {
        for (boolean removed : new boolean[] {false, true}) {
            Path run = tmp.resolve("run" + removed);
            RunLease l = RunLease.take(new LocalRunStorage(run), BEAT, s -> { });
            RunStorage held = l.guard(new LocalRunStorage(run));
            held.folder("sub").write("a", o -> o.write(1));
            if (removed) {
                Files.delete(run.resolve(RunLease.FILE));
            } else {
                Files.writeString(run.resolve(RunLease.FILE), "run=winner\nhost=another-host.example\npid=2\nstarted=\n");
            }
            await(l::isLost);
            assertThatThrownBy(() -> held.folder("sub").write("b", o -> o.write(1))).isInstanceOf(UncheckedIOException.class)
                    .hasMessage("cannot write " + run + ": this run's lease .hafnia.lease was "
                            + (removed ? "removed" : "taken over by another hafnia run (host another-host.example, pid 2)")
                            + " while it was writing there; it stops writing");
            for (Runnable write : List.<Runnable>of(() -> held.rename("sub", "moved"), () -> held.delete("sub"), held::deleteAll,
                    () -> held.createNew("c", new byte[1]), () -> held.folder("new").create())) {
                assertThatThrownBy(write::run).isInstanceOf(UncheckedIOException.class);
            }
            assertThat(held.read("sub/a")).containsExactly(1);
            assertThat(held.list()).doesNotContain("c", "new", "moved").contains("sub");
            assertThat(run.resolve("sub/b")).doesNotExist();
            l.close();
            assertThat(run.resolve(RunLease.FILE).toFile().exists()).isEqualTo(!removed);
        }
    }

    @Test
    void whileTheLeaseIsHeldTheGuardPassesEveryCallThrough() throws Exception {
        Path run = tmp.resolve("run");
        try (RunLease l = RunLease.take(new LocalRunStorage(run), BEAT, s -> { })) {
            RunStorage held = l.guard(new LocalRunStorage(run));
            assertThat(held.location()).isEqualTo(run.toString());
            assertThat(held.localFolder()).isEqualTo(run);
            assertThat(held.exists()).isTrue();
            assertThat(held.createNew("a", new byte[] {7})).isTrue();
            assertThat(held.createNew("a", new byte[] {8})).isFalse();
            assertThat(held.isFile("a")).isTrue();
            assertThat(held.isFolder("a")).isFalse();
            assertThat(held.folder("none").exists()).isFalse();
            held.rename("a", "sub/b");
            assertThat(held.isFolder("sub")).isTrue();
            assertThat(held.isFile("a")).isFalse();
            assertThat(held.read("sub/b")).containsExactly(7);
            held.folder("made").create();
            assertThat(run.resolve("made")).isDirectory();
            held.delete("sub/b");
            assertThat(run.resolve("sub/b")).doesNotExist();
            held.folder("made").deleteAll();
            assertThat(run.resolve("made")).doesNotExist();
        }
    }

    @Test
    void aLeaseAnnouncingNoPositiveOrAnHoursLongHeartbeatIsNeverJudged() throws Exception {
        // 0, and 600 001 ms: a watch of two hours that no run of ours announces (a damaged lease must not hang a run).
        for (String interval : new String[] {"0", "600001", "99999999999999"}) {
            Files.createDirectories(tmp.resolve("run"));
            Files.writeString(tmp.resolve("run/" + RunLease.FILE),
                    "run=other\nhost=another-host.example\npid=1\nstarted=\nheartbeat_ms=" + interval + "\n");
            List<String> notes = new CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> RunLease.take(new LocalRunStorage(tmp.resolve("run")), BEAT, notes::add))
                    .as(interval).isInstanceOf(InvalidInputException.class);
            assertThat(notes).as("refused at once, not watched").isEmpty();
            assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("run=other");
        }
    }

    @Test
    void theLeaseOfAnotherHostWithoutAHeartbeatIsNeverTakenOver() throws Exception {
        lease(tmp.resolve("run"), "another-host.example", endedPid(), Instant.now());
        assertThatThrownBy(() -> RunLease.take(new LocalRunStorage(tmp.resolve("run")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("host another-host.example");
        assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("run=other");
    }

    @Test
    void aProcessOfAHostWithoutANameIsNeverJudgedGone() throws Exception {
        long ended = endedPid();
        assertThat(new RunProcess(RunProcess.UNKNOWN_HOST, ended, null).isGone()).isFalse();
        assertThat(new RunProcess(RunProcess.current().host(), ended, null).isGone())
                .isEqualTo(!RunProcess.current().host().equals(RunProcess.UNKNOWN_HOST));
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
    void aLeaseReleasedBetweenTheCreateAndTheReadIsTaken() throws Exception {
        lease(tmp.resolve("run"), "another-host.example", 1, null);
        // The holder ends its run right after this run's create failed.
        RunStorage racing = new Racing(new LocalRunStorage(tmp.resolve("run"))) {
            @Override
            public boolean createNew(String name, byte[] content) {
                boolean made = super.createNew(name, content);
                if (!made && turns++ == 0) {
                    delete(RunLease.FILE);
                }
                return made;
            }
        };
        RunLease.take(racing).close();
        assertThat(tmp.resolve("run/" + RunLease.FILE)).doesNotExist();
    }

    @Test
    void aStaleLeaseReplacedByAnotherRunBeforeTheRenameIsPutBackAndRefused() throws Exception {
        lease(tmp.resolve("run"), RunProcess.current().host(), endedPid(), Instant.now());
        // Another run takes the stale lease over between this run's read and its rename.
        RunStorage racing = new Racing(new LocalRunStorage(tmp.resolve("run"))) {
            @Override
            public void rename(String from, String to) {
                if (turns++ == 0) {
                    try {
                        Files.writeString(tmp.resolve("run/" + RunLease.FILE), "run=winner\nhost=another-host.example\npid=2\nstarted=\n");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                super.rename(from, to);
            }
        };
        assertThatThrownBy(() -> RunLease.take(racing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("host another-host.example, pid 2;");
        assertThat(tmp.resolve("run/" + RunLease.FILE)).content().contains("run=winner");
        try (var names = Files.list(tmp.resolve("run"))) {
            assertThat(names).as("no stale copy left").hasSize(1);
        }
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

    /** A folder of this machine's file system whose calls a test can interleave with another run's. */
    private static class Racing implements RunStorage {
        final RunStorage d;
        int turns;

        Racing(RunStorage d) {
            this.d = d;
        }

        @Override public String location() { return d.location(); }
        @Override public RunStorage folder(String name) { return d.folder(name); }
        @Override public boolean exists() { return d.exists(); }
        @Override public boolean isFile(String name) { return d.isFile(name); }
        @Override public byte[] read(String name) { return d.read(name); }
        @Override public void write(String name, AtomicFiles.Content content) { d.write(name, content); }
        @Override public boolean createNew(String name, byte[] content) { return d.createNew(name, content); }
        @Override public java.util.List<String> list() { return d.list(); }
        @Override public boolean isFolder(String name) { return d.isFolder(name); }
        @Override public void rename(String from, String to) { d.rename(from, to); }
        @Override public void delete(String name) { d.delete(name); }
        @Override public void deleteAll() { d.deleteAll(); }
        @Override public void create() { d.create(); }
        @Override public Path localFolder() { return d.localFolder(); }
    }
}
