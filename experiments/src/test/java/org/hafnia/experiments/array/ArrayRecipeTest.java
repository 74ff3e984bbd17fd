package org.hafnia.experiments.array;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recipes are equal by their values, arrays element by element: what lets a worker reuse the study of a recipe it has built. */
class ArrayRecipeTest {

    private static ArrayRecipe recipe(double level1, String scheme) {
        return new ArrayRecipe("{\"name\": \"x\"}", "x.json", "x", scheme, new double[] {1, 2, 3}, 1e-6, 0.02, 10, 5, 1e-3,
                4, 8, new double[] {1e-5, level1}, 8, -1);
    }

    @Test
    void recipesOfEqualValuesAreEqualWhateverTheirArrays() {
        ArrayRecipe a = recipe(2e-5, "write-verify");
        ArrayRecipe b = recipe(2e-5, "write-verify");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(recipe(3e-5, "write-verify"));
        assertThat(a).isNotEqualTo(recipe(2e-5, "write-verify-denoise"));
        assertThat(a).isNotEqualTo(new ArrayRecipe("{\"name\": \"x\"}", "x.json", "x", "write-verify", new double[] {1, 2, 4}, 1e-6,
                0.02, 10, 5, 1e-3, 4, 8, new double[] {1e-5, 2e-5}, 8, -1));
        assertThat(a).isNotEqualTo(new ArrayRecipe("{\"name\": \"x\"}", "x.json", "x", "write-verify", new double[] {1, 2, 3}, 1e-6,
                0.02, 10, 5, 1e-3, 4, 8, new double[] {1e-5, 2e-5}, 16, -1));
        // Another length of the denoising train: another study.
        assertThat(a).isNotEqualTo(new ArrayRecipe("{\"name\": \"x\"}", "x.json", "x", "write-verify", new double[] {1, 2, 3}, 1e-6,
                0.02, 10, 5, 1e-3, 4, 8, new double[] {1e-5, 2e-5}, 8, 0));
    }
}
