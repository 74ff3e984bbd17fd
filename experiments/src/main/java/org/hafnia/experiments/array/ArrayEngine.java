package org.hafnia.experiments.array;

import java.util.function.IntConsumer;

import org.hafnia.postprocess.io.RunStorage;

/**
 * Runs the device batches of an array study. An engine computes every batch of the recipe's
 * study that has no committed file in the run folder and commits each one ({@link ArrayStudy#commit})
 * as it finishes, so that a killed run resumes with the others; it never changes a device's
 * result (each depends on its own seed only). The local engine is embedded
 * ({@link ArrayEngines#LOCAL}); others live in their own modules, loaded only when named.
 */
public interface ArrayEngine {

    /**
     * How an engine runs.
     *
     * @param threads worker threads (local engine; the Spark engine's {@code local[threads]} when no master is given)
     * @param master  the Spark master URL, or null (Spark: the one spark-submit set, else {@code local[threads]})
     */
    record Settings(int threads, String master) {
    }

    /** The name that {@code --engine} selects. */
    String name();

    /**
     * Computes and commits every batch of {@code recipe}'s study without a committed file in
     * {@code store}; {@code deviceDone} is told of each device of a batch once it is computed.
     */
    void run(ArrayRecipe recipe, RunStorage store, Settings settings, IntConsumer deviceDone);

    /**
     * The run folder named by the URI {@code out} ({@code --out hdfs://…}, {@code s3a://…},
     * {@code file:///…}). Only an engine with a distributed file system has one (Spark: Hadoop's
     * {@code FileSystem}, docs/spark.md); the others refuse it, naming {@code --out}. Creates nothing.
     */
    default RunStorage storage(java.net.URI out, Settings settings) {
        throw new org.hafnia.meshes.InvalidInputException("--out " + out + ": a URI is a run folder of --engine spark only"
                + " (Hadoop's FileSystem, docs/spark.md); add --engine spark or give a local or mounted folder");
    }
}
