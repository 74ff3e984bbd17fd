package org.hafnia.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataTest {

    @TempDir
    Path tmp;

    @Test
    void sharedReferenceFolderMatchesTheManifest() {
        ReferenceData data = ReferenceData.locate(null);
        assertThat(data.verifyAll()).hasSize(data.manifest().files().size());
        ScalarField2D phi0 = data.fig4InitialState();
        assertThat(phi0.grid().nx()).isEqualTo(51);
        assertThat(phi0.grid().ny()).isEqualTo(58);
        assertThat(data.fig4EnergyTable().rows()).isEqualTo(21);
        assertThat(data.rtnTraces()).hasSize(41);
    }

    @Test
    void locatorPrefersTheExplicitFolderThenTheEnvironmentThenTheProjectSibling() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Path sibling = Files.createDirectories(tmp.resolve("shared/reference"));
        Path env = Files.createDirectories(tmp.resolve("env"));
        Path explicit = Files.createDirectories(tmp.resolve("explicit"));
        ReferenceLocator withEnv = new ReferenceLocator(Map.of(ReferenceLocator.ENVIRONMENT, env.toString()), root.toString(), root);
        ReferenceLocator withoutEnv = new ReferenceLocator(Map.of(), root.toString(), root);
        assertThat(withEnv.locate(explicit)).isEqualTo(explicit);
        assertThat(withEnv.locate(null)).isEqualTo(env);
        assertThat(withoutEnv.locate(null)).isEqualTo(sibling.normalize());
    }

    @Test
    void missingFolderErrorSaysWhereItLooked() {
        Path root = tmp.resolve("nowhere/project");
        ReferenceLocator locator = new ReferenceLocator(Map.of(), root.toString(), root);
        assertThatThrownBy(() -> locator.locate(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reference data folder not found; looked in [" + tmp.resolve("nowhere/shared/reference"))
                .hasMessageContaining("--reference DIR");
        assertThatThrownBy(() -> locator.locate(tmp.resolve("absent")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("absent (from --reference) does not exist");
    }

    @Test
    void missingAndAlteredFilesAreNamed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ref/fig4"));
        ReferenceData data = new ReferenceData(tmp.resolve("ref"), ReferenceManifest.bundled());
        assertThatThrownBy(data::fig4InitialState)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("initial_state.csv").toString())
                .hasMessageContaining("is missing");
        Path original = ReferenceData.locate(null).file(ReferenceData.FIG4_ENERGY);
        byte[] bytes = Files.readAllBytes(original);
        bytes[bytes.length - 3] ^= 1;
        Files.write(dir.resolve("energy_profile.txt"), bytes);
        assertThatThrownBy(data::fig4EnergyTable)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("energy_profile.txt").toString())
                .hasMessageContaining("has been altered: SHA-256");
    }
}
