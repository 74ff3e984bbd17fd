package org.hafnia.engine.spark;

import java.io.Serializable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.SparkSession;
import org.hafnia.experiments.array.ArrayEngine;
import org.hafnia.experiments.array.ArrayRecipe;
import org.hafnia.experiments.array.ArrayStudy;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.RunStorage;

import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The device batches of an array study as Spark tasks. Every batch without a committed file is one
 * partition of an RDD of batch numbers (one batch per partition, so one task per batch); the task
 * rebuilds the study from the {@link ArrayRecipe} it was shipped with (plain values: case text,
 * scheme, the doubles of what the scheme knows, the options), runs the batch's devices and returns
 * the batch's committed bytes ({@link ArrayStudy#encode}); the driver commits them atomically to the
 * run folder as each task ends ({@code SparkContext.runJob} with a result handler). Every device
 * depends on its own seed only, so the result is the local engine's, bit for bit, whatever the
 * master, the number of executors or the batch size; a killed run resumes with the committed
 * batches exactly as under the local engine. The run folder is the driver's: executors write nothing;
 * under a URI {@code --out} it is a {@link HadoopRunStorage} on the session's Hadoop file systems.
 */
public final class SparkArrayEngine implements ArrayEngine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(ArrayRecipe recipe, RunStorage store, Settings settings, IntConsumer deviceDone) {
        ArrayStudy study = recipe.study();
        int[] todo = study.pending(store);
        if (todo.length == 0) {
            return;
        }
        SparkContext sc = session(settings).sparkContext();
        List<Integer> batches = new ArrayList<>(todo.length);
        List<Object> partitions = new ArrayList<>(todo.length);
        for (int k = 0; k < todo.length; k++) {
            batches.add(todo[k]);
            partitions.add(k);
        }
        // parallelize with as many slices as elements: slice k holds exactly element k.
        RDD<Integer> rdd = JavaSparkContext.fromSparkContext(sc).parallelize(batches, todo.length).rdd();
        String group = "hafnia-array-" + java.util.UUID.randomUUID();
        sc.setJobGroup(group, "hafnia array " + recipe.scheme() + ": " + todo.length + " batches of " + recipe.batch() + " devices",
                false);
        ClassTag<byte[]> bytes = ClassTag$.MODULE$.apply(byte[].class);
        CommitBatch commit = new CommitBatch(store, todo, study, deviceDone);
        boolean ok = false;
        try {
            sc.runJob(rdd, new RunBatch(recipe), CollectionConverters.asScala(partitions).toSeq(), commit, bytes);
            ok = true;
        } finally {
            // A failed job (a task, or a commit, failed) keeps handing the driver the results of tasks still running:
            // nothing is committed once run returns, and the tasks not yet started are cancelled.
            commit.close();
            if (!ok) {
                sc.cancelJobGroup(group);
            }
            sc.clearJobGroup();
        }
    }

    /**
     * The run folder {@code out} through Hadoop's {@link FileSystem}, as the session's Hadoop
     * configuration resolves it ({@code fs.SCHEME.impl}, {@code spark.hadoop.*}, the cluster's
     * {@code core-site.xml}); the session is the one the batches then run on. Creates nothing.
     *
     * @throws InvalidInputException naming {@code --out} and the scheme when no FileSystem serves it
     */
    @Override
    public RunStorage storage(URI out, Settings settings) {
        String scheme = out.getScheme();
        try {
            FileSystem fs = FileSystem.get(out, session(settings).sparkContext().hadoopConfiguration());
            HadoopRunStorage store = new HadoopRunStorage(fs, new org.apache.hadoop.fs.Path(out), out.toString());
            // Reached now, so that a store that cannot be reached is refused naming --out, before any work.
            store.exists();
            return store;
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidInputException("--out " + out + ": cannot reach it with Hadoop's FileSystem (scheme \"" + scheme + "\"): "
                    + String.valueOf(e.getCause().getMessage()).lines().findFirst().orElse(""));
        } catch (UnsupportedFileSystemException e) {
            throw new InvalidInputException("--out " + out + ": no Hadoop FileSystem for the scheme \"" + scheme + "\" in this Spark"
                    + " session (its connector on the class path, e.g. hadoop-aws for s3a, or fs." + scheme + ".impl; docs/spark.md)");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("--out " + out + ": cannot open it with Hadoop's FileSystem (scheme \"" + scheme + "\"): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * The session to run on: the active one (a test's, or a sweep's earlier job), else one for
     * {@code --master}, else for the master spark-submit set ({@code spark.master}), else
     * {@code local[threads]}. A local master runs without the web UI. The session lives until the
     * JVM ends (Spark's shutdown hook stops it), so the jobs of a sweep share it.
     */
    static SparkSession session(Settings settings) {
        SparkSession.Builder b = SparkSession.builder().appName("hafnia");
        String master = settings.master();
        if (master == null && !new SparkConf().contains("spark.master")) {
            master = "local[" + settings.threads() + "]";
        }
        if (master != null) {
            b.master(master);
            if (master.startsWith("local")) {
                b.config("spark.ui.enabled", "false");
            }
        }
        return b.getOrCreate();
    }

    /** The task: batch b of the recipe's study, as its committed bytes. */
    static final class RunBatch extends AbstractFunction2<TaskContext, Iterator<Integer>, byte[]> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ArrayRecipe recipe;

        RunBatch(ArrayRecipe recipe) {
            this.recipe = recipe;
        }

        @Override
        public byte[] apply(TaskContext context, Iterator<Integer> batch) {
            int b = batch.next();
            return ArrayStudy.encode(b, study(recipe).batch(b, i -> { }));
        }

        private static ArrayRecipe lastRecipe;
        private static ArrayStudy lastStudy;

        /**
         * The study of {@code r}, built once per executor JVM for the tasks of one job (the recipe
         * arrives as a new copy with every task): a study is a function of its recipe alone and is shared
         * by concurrent workers, as the local engine's workers share theirs.
         */
        private static synchronized ArrayStudy study(ArrayRecipe r) {
            if (!r.equals(lastRecipe)) {
                lastStudy = r.study();
                lastRecipe = r;
            }
            return lastStudy;
        }
    }

    /** On the driver, as each task ends: commits its batch and counts its devices done. */
    static final class CommitBatch extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final RunStorage store;
        private final int[] todo;
        private final ArrayStudy study;
        private final IntConsumer deviceDone;
        private boolean closed;

        CommitBatch(RunStorage store, int[] todo, ArrayStudy study, IntConsumer deviceDone) {
            this.store = store;
            this.todo = todo.clone();
            this.study = study;
            this.deviceDone = deviceDone;
        }

        /** Commits nothing more; waits for a commit under way. */
        synchronized void close() {
            closed = true;
        }

        @Override
        public synchronized BoxedUnit apply(Object partition, byte[] encoded) {
            if (closed) {
                return BoxedUnit.UNIT;
            }
            int b = todo[(Integer) partition];
            ArrayStudy.commit(store, b, encoded);
            for (int k = 0; k < study.batchSize(b); k++) {
                deviceDone.accept(b * study.batchSize(0) + k);
            }
            return BoxedUnit.UNIT;
        }
    }
}
