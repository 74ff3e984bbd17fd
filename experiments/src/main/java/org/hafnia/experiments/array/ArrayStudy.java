package org.hafnia.experiments.array;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.zip.CRC32;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.RunStorage;

/**
 * An R × C array of phase-field devices programmed to N levels (device i = row·C + col gets level
 * i mod N), run in batches of consecutive devices. Each finished batch is committed atomically to
 * its own CRC-checked file in the run folder, so a killed run resumes with the finished batches
 * and recomputes only the others; since every device depends on its own seed only, the result does
 * not depend on the batch size, the engine or the thread count. The local engine is a
 * work-stealing {@link ForkJoinPool} with one task per batch; other engines ({@link ArrayEngine}) run the
 * same batches elsewhere and commit them the same way.
 */
public final class ArrayStudy {

    /** The file of the store that names the run (options and a hash of the case and the scheme's knowledge). */
    private static final String RUN_KEY = "run.key";
    private static final int MAGIC = 0x48414642; // "HAFB"
    /** 2: with the telegraph amplitude before denoising. */
    private static final int VERSION = 2;

    private final ArrayDevice.Common common;
    private final int rows;
    private final int cols;
    private final double[] levels;
    private final long caseSeed;
    private final int batch;

    /**
     * @param common   what the devices share
     * @param rows     array rows
     * @param cols     array columns
     * @param levels   the N target levels (S)
     * @param caseSeed the case seed (device seeds derive from it, the row and the column)
     * @param batch    devices per batch
     */
    public ArrayStudy(ArrayDevice.Common common, int rows, int cols, double[] levels, long caseSeed, int batch) {
        this.common = common;
        this.rows = rows;
        this.cols = cols;
        this.levels = levels.clone();
        this.caseSeed = caseSeed;
        this.batch = batch;
    }

    /** What the devices share. */
    public ArrayDevice.Common common() {
        return common;
    }

    public int devices() {
        return rows * cols;
    }

    /** ⌈devices / batch⌉, in long arithmetic: a batch of up to 2³¹ − 1 devices must not overflow it. */
    public int batches() {
        return (int) ((devices() + (long) batch - 1) / batch);
    }

    /** One past the last device of batch b. */
    private int end(int b) {
        return (int) Math.min(devices(), (b + 1L) * batch);
    }

    /** Target of device i. */
    public double target(int i) {
        return levels[i % levels.length];
    }

    /** Runs device i. */
    public ArrayDevice.Result device(int i) {
        int r = i / cols;
        int c = i % cols;
        return ArrayDevice.run(common, r, c, ArrayDevice.seed(caseSeed, r, c), target(i));
    }

    /** Number of devices in batch b. */
    public int batchSize(int b) {
        return end(b) - b * batch;
    }

    /** Runs batch b (devices b·B … min(n, (b+1)·B) − 1). */
    public List<ArrayDevice.Result> batch(int b, IntConsumer deviceDone) {
        List<ArrayDevice.Result> out = new ArrayList<>();
        for (int i = b * batch; i < end(b); i++) {
            out.add(device(i));
            deviceDone.accept(i);
        }
        return out;
    }

    /** The batches without a committed file in {@code store}, in order. */
    public int[] pending(RunStorage store) {
        java.util.Set<String> there = new java.util.HashSet<>(store.list());
        return java.util.stream.IntStream.range(0, batches()).filter(b -> !(there.contains(batchFile(b)) && store.isFile(batchFile(b))))
                .toArray();
    }

    /**
     * Runs every batch that has no committed file in {@code store} on {@code threads} workers,
     * committing each as it finishes.
     */
    public void runLocal(RunStorage store, int threads, IntConsumer deviceDone) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        // After one batch fails no other starts or commits, and nothing is written once this method
        // has returned: invokeAll rethrows the first failure while the other workers go on.
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<RecursiveAction> tasks = new ArrayList<>();
            for (int b : pending(store)) {
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        if (failed.get()) {
                            return;
                        }
                        try {
                            List<ArrayDevice.Result> results = batch(b, deviceDone);
                            if (!failed.get()) {
                                commit(store, b, results);
                            }
                        } catch (RuntimeException | Error e) {
                            failed.set(true);
                            throw e;
                        }
                    }
                });
            }
            pool.submit(() -> RecursiveAction.invokeAll(tasks)).join();
        } finally {
            failed.set(true);
            pool.shutdown();
            pool.awaitQuiescence(Long.MAX_VALUE, TimeUnit.DAYS);
        }
    }

    /** All committed devices of {@code store}, in index order; every batch must be there. */
    public ArrayDevice.Result[] collect(RunStorage store) {
        ArrayDevice.Result[] all = new ArrayDevice.Result[devices()];
        for (int b = 0; b < batches(); b++) {
            List<ArrayDevice.Result> part = read(store, batchFile(b), b);
            for (int k = 0; k < part.size(); k++) {
                all[b * batch + k] = part.get(k);
            }
        }
        return all;
    }

    /** The name of batch b's committed file in the store. */
    static String batchFile(int b) {
        return String.format(java.util.Locale.ROOT, "batch-%06d.bin", b);
    }

    /** Commits one batch atomically (its {@link #encode encoding}). */
    public static void commit(RunStorage store, int b, List<ArrayDevice.Result> results) {
        commit(store, b, encode(b, results));
    }

    /** Commits the encoding of batch b atomically: temp file, then rename to its batch file. */
    public static void commit(RunStorage store, int b, byte[] encoded) {
        store.write(batchFile(b), o -> o.write(encoded));
    }

    /**
     * The committed form of batch b: magic, version, batch, count, the records, CRC-32 of all
     * before it. An engine's worker returns it, the engine commits it where the run folder is.
     */
    public static byte[] encode(int b, List<ArrayDevice.Result> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(b);
            out.writeInt(results.size());
            for (ArrayDevice.Result r : results) {
                out.writeInt(r.row());
                out.writeInt(r.col());
                out.writeLong(r.seed());
                out.writeDouble(r.target());
                out.writeDouble(r.finalG());
                out.writeDouble(r.readFirst());
                out.writeDouble(r.readMean());
                out.writeDouble(r.readSigma());
                out.writeDouble(r.telegraph());
                out.writeDouble(r.telegraphBefore());
                out.writeInt(r.pulses());
                out.writeDouble(r.time());
                out.writeDouble(r.energy());
                out.writeBoolean(r.converged());
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<ArrayDevice.Result> read(RunStorage store, String name, int b) {
        String file = store.location() + "/" + name;
        byte[] all;
        try {
            all = store.read(name);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(file + ": cannot read the committed batch: " + AtomicFiles.reason(e.getCause()));
        }
        if (all.length < 24) {
            throw new InvalidInputException(file + ": truncated batch file");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        if (crc.getValue() != ByteBuffer.wrap(all, all.length - 8, 8).getLong()) {
            throw new InvalidInputException(file + ": checksum mismatch (corrupt batch file)");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != b) {
                throw new InvalidInputException(file + ": not batch " + b + " of a hafnia array run");
            }
            int n = in.readInt();
            List<ArrayDevice.Result> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(new ArrayDevice.Result(in.readInt(), in.readInt(), in.readLong(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt(),
                        in.readDouble(), in.readDouble(), in.readBoolean()));
            }
            return out;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": truncated batch file");
        }
    }

    /**
     * Prepares the batch store {@code store} of a run folder. A store left there is an unfinished run:
     * without {@code resume} it is refused; with it, it must hold the same run key (case text and every
     * option). Without a store a run starts afresh (also under {@code resume}).
     */
    public static void prepare(RunStorage store, String key, boolean resume) {
        String where = store.location();
        if (store.isFile(RUN_KEY)) {
            if (!resume) {
                throw new InvalidInputException(where + ": the batch store of an unfinished array run; continue it with --resume"
                        + " or choose another --out");
            }
            String old;
            try {
                old = new String(store.read(RUN_KEY), StandardCharsets.UTF_8);
            } catch (UncheckedIOException e) {
                throw new InvalidInputException(where + "/" + RUN_KEY + ": " + AtomicFiles.reason(e.getCause()));
            }
            if (!old.equals(key)) {
                throw new InvalidInputException(where + ": --resume with other options or another case than "
                        + "the interrupted run (" + old.strip() + ")");
            }
            return;
        }
        store.create();
        store.write(RUN_KEY, o -> o.write(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Removes the store of a finished run (its results are in the output files). */
    public static void finish(RunStorage store) {
        store.deleteAll();
    }
}
