package org.hafnia.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.hafnia.experiments.array.ArrayEngine;
import org.hafnia.experiments.array.ArrayRecipe;
import org.hafnia.experiments.array.ArrayStudy;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.io.LocalRunStorage;
import org.hafnia.postprocess.io.RunStorage;

/** The resume check of the Spark engine on any store: what a killed run leaves, completed. */
final class PartialBatchStore {

    private PartialBatchStore() {
    }

    /**
     * A 4 × C array of the tiny case in 4 batches of C devices: the local engine's batches 0 and 2
     * are put in {@code store}, as a killed run leaves them; the Spark engine must compute exactly the
     * devices of batches 1 and 3, and the collected devices must equal the local engine's.
     */
    static void completesOnlyTheMissingBatches(Path tinyCase, Path compact, int cols, Path scratch, RunStorage store)
            throws Exception {
        CompactDeviceParameters p = CompactDeviceFile.readDevice(compact);
        double[] levels = CrossbarProgramming.levels(p, 8);
        ArrayRecipe recipe = new ArrayRecipe(Files.readString(tinyCase), tinyCase.toString(), "tiny-array", "write-verify-denoise",
                ArrayRecipe.components(p), levels[1] - levels[0], 0.02, 10, 5, 1e-3, 4, cols, levels, cols, -1);
        ArrayStudy study = recipe.study();
        RunStorage whole = new LocalRunStorage(scratch.resolve(".batches"));
        ArrayStudy.prepare(whole, "test\n", false);
        study.runLocal(whole, 2, i -> { });
        ArrayStudy.prepare(store, "test\n", false);
        for (String f : new String[] {"batch-000000.bin", "batch-000002.bin"}) {
            store.write(f, o -> o.write(whole.read(f)));
        }
        List<Integer> computed = new ArrayList<>();
        new SparkArrayEngine().run(recipe, store, new ArrayEngine.Settings(2, null), computed::add);
        assertThat(computed).containsExactlyInAnyOrderElementsOf(
                IntStream.concat(IntStream.range(cols, 2 * cols), IntStream.range(3 * cols, 4 * cols)).boxed().toList());
        assertThat(study.collect(store)).containsExactly(study.collect(whole));
    }
}
