package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.experiments.fig4.Fig4Parameters;
import org.hafnia.experiments.fit.Fig4Objective;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.compare.DisplayScale;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {

    @TempDir
    Path dir;

    /** A 14 × 12 map with one channel and one weak island, φ in [0, 1]. */
    private static ScalarField2D initial() {
        Grid2D g = Grid2D.unitSpacing(14, 12);
        double[] v = new double[g.size()];
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 14; i++) {
                v[j * 14 + i] = Math.min(1, 0.95 * Math.exp(-((i - 5) * (i - 5) + (j - 6) * (j - 6)) / 7.0)
                        + 0.5 * Math.exp(-((i - 11) * (i - 11) + (j - 3) * (j - 3)) / 3.0));
            }
        }
        return new ScalarField2D(g, v);
    }

    @Test
    void recoversThePulseBiasFromATargetInDisplayUnits() throws Exception {
        var profile = Fig4Experiment.profileOf(ReferenceData.locate(null).fig4EnergyTable());
        ScalarField2D phi0 = initial();
        double[] phi = new Fig4Objective(profile, Fig4Parameters.PUBLISHED.withPulseBias(25), phi0,
                new double[phi0.values().length], List.of(), 1, Fig4Objective.FINAL_SNAPSHOT)
                .simulate(new double[0]).values();
        Path map0 = dir.resolve("phi0.csv");
        Path map1 = dir.resolve("target.json");
        MapFormats.write(ScanMap.of(phi0, "", "phi0"), map0);
        MapFormats.write(ScanMap.of(new ScalarField2D(phi0.grid(), DisplayScale.FIG4.toDisplay(phi)), "", "display"), map1);
        Path out = dir.resolve("fit");
        CommandRun r = CommandRun.of("fit", "--initial", map0.toString(), "--target", map1.toString(),
                "--protocol", "fig4", "--free", "bias", "--display-scale", "0.0515,0.966", "--starts", "2",
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(out.resolve("fit.json").toFile());
        // Brent stops at 1e-8 relative / 1e-9 absolute of the scaled bias range (100); the display
        // round trip adds ~1e-16. Allow 1e-4.
        assertThat(j.at("/parameters/bias/value").asDouble()).isCloseTo(25, within(1e-4));
        assertThat(j.at("/parameters/bias").has("uncertainty")).isTrue();
        assertThat(j.get("objective").asDouble()).isLessThan(1e-6);
        assertThat(j.get("evaluations").asInt()).isPositive();
        assertThat(Files.size(out.resolve("fit.png"))).isPositive();
    }

    @Test
    void unknownProtocolIsBadInput() throws Exception {
        Path map0 = dir.resolve("phi0.csv");
        MapFormats.write(ScanMap.of(initial(), "", ""), map0);
        CommandRun r = CommandRun.of("fit", "--initial", map0.toString(), "--target", map0.toString(),
                "--protocol", "staircase", "--free", "bias", "--out", dir.resolve("o").toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("supported protocol is fig4");
    }

    @Test
    void initialMapOutsideUnitIntervalIsBadInput() throws Exception {
        Path map0 = dir.resolve("current.csv");
        Files.writeString(map0, "0,2\n1,0.5\n");
        CommandRun r = CommandRun.of("fit", "--initial", map0.toString(), "--target", map0.toString(),
                "--protocol", "fig4", "--free", "K", "--out", dir.resolve("o").toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("must be φ in [0, 1]");
    }
}
