package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.reference.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code film-3d} case is a 3D phase-field run: φ(x, y, z) varies through the film,
 * G is read from the 3D field, and the subthreshold pulses remove the channels that do not
 * bridge the electrodes while the one that does survives.
 */
class Film3DCaseTest {

    private static final Path CASE = Path.of("cases", "film-3d.json");
    /** φ above this is the conducting phase (the double well's barrier top is at φ* ≈ 0.35). */
    private static final double CONDUCTING = 0.5;

    @TempDir
    static Path dir;
    static RunCase c;
    static Path out;

    @BeforeAll
    static void runTheCase() {
        c = (RunCase) new CaseReader(() -> ReferenceData.locate(null)).read(CASE);
        out = dir.resolve("full");
        assertThat(run(CASE.toString(), "--out", out.toString(), "--threads", "2")).isZero();
    }

    @Test
    void theCaseStepsA3DFieldThatVariesThroughTheFilm() throws IOException {
        Grid3D g = c.initial().grid();
        assertThat(g.nz()).isGreaterThan(1);
        assertThat(c.physics().conductance().thickness()).isEqualTo(g.nz() * g.dz());
        double[] before = snapshot("before-pulses");
        double[] last = snapshot("final");
        assertThat(last).isNotEqualTo(before);
        List<Component> start = components(g, before);
        List<Component> end = components(g, last);
        // Before the pulses: one channel bridging the electrodes and incomplete ones that stop short.
        assertThat(start.stream().filter(Component::bridges).count()).isEqualTo(1);
        assertThat(start.stream().filter(k -> !k.bridges() && k.cells() >= MIN_CHANNEL_CELLS).count()).isGreaterThanOrEqualTo(2);
        // After them: the bridging channel survives (at least half its cells), the others are gone.
        Component channel = start.stream().filter(Component::bridges).findFirst().orElseThrow();
        assertThat(end.stream().filter(Component::bridges).toList()).singleElement()
                .satisfies(k -> assertThat(k.cells()).isGreaterThan(channel.cells() / 2));
        assertThat(end.stream().filter(k -> !k.bridges() && k.cells() >= MIN_CHANNEL_CELLS)).isEmpty();
        String energy = Files.readAllLines(out.resolve("energy.tsv")).get(0);
        assertThat(energy).contains("free_energy_eV_nm3");
    }

    @Test
    void theFirstReadLiesBetweenTheRayleighBoundsOfThe3DField() throws IOException {
        ConductingFilm film = ConductingFilm.of(new ScalarField3D(c.initial().grid(), snapshot("before-pulses")),
                c.physics().conductance().sigma());
        List<String> rows = Files.readAllLines(out.resolve("conductance.tsv"));
        List<String> header = List.of(rows.get(0).split("\t"));
        String[] first = rows.get(1).split("\t");
        assertThat(first[header.indexOf("label")]).isEqualTo("before pulses");
        double g = Double.parseDouble(first[header.indexOf("conductance_S")]);
        // Relative 1e-9: the CG solve's relative residual (1e-10) bounds the error of I.
        assertThat(g).isBetween(film.columnsInParallel() * (1 - 1e-9), film.layersInSeries() * (1 + 1e-9));
        // An extruded (plan-view) film has G = columnsInParallel exactly; here σ varies with z, and
        // current crossing between columns (into the incomplete channels) raises G well above the
        // lower bound: far more than the 1e-9 solver error.
        assertThat(g).isGreaterThan(film.columnsInParallel() * (1 + 1e-3));
    }

    @Test
    void stoppingA3DRunAndResumingGivesTheUninterruptedFiles() throws IOException {
        Path split = dir.resolve("split");
        // 333: not a multiple of the bias-profile interval (10), so the saved profile matters.
        assertThat(run(CASE.toString(), "--out", split.toString(), "--max-steps", "333", "--threads", "1")).isZero();
        assertThat(split.resolve(CaseRun.CHECKPOINT)).exists();
        assertThat(run(CASE.toString(), "--out", split.toString(), "--resume", "--threads", "2")).isZero();
        for (String f : List.of("run.json", "conductance.tsv", "energy.tsv", "phi.xmf", "snapshots/before-pulses.h5",
                "snapshots/step-000000440.h5", "snapshots/final.h5")) {
            assertThat(Files.readAllBytes(split.resolve(f))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
    }

    /** A component smaller than this (1 nm³ at 0.5 nm cells) is a thermal fluctuation, not a channel. */
    private static final int MIN_CHANNEL_CELLS = 8;

    private record Component(int cells, boolean bridges) {
    }

    /** Face-connected components of φ > 0.5; a component bridges when it touches both electrodes. */
    private static List<Component> components(Grid3D g, double[] phi) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        boolean[] seen = new boolean[phi.length];
        List<Component> out = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < phi.length; s++) {
            if (seen[s] || phi[s] <= CONDUCTING) {
                continue;
            }
            seen[s] = true;
            queue.add(s);
            int cells = 0;
            boolean bottom = false;
            boolean top = false;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                cells++;
                int i = p % nx;
                int j = (p / nx) % ny;
                int k = p / (nx * ny);
                bottom |= k == 0;
                top |= k == nz - 1;
                int[][] nb = {{i - 1, j, k}, {i + 1, j, k}, {i, j - 1, k}, {i, j + 1, k}, {i, j, k - 1}, {i, j, k + 1}};
                for (int[] n : nb) {
                    if (n[0] < 0 || n[0] >= nx || n[1] < 0 || n[1] >= ny || n[2] < 0 || n[2] >= nz) {
                        continue;
                    }
                    int q = g.index(n[0], n[1], n[2]);
                    if (!seen[q] && phi[q] > CONDUCTING) {
                        seen[q] = true;
                        queue.add(q);
                    }
                }
            }
            out.add(new Component(cells, bottom && top));
        }
        return out;
    }

    /** The snapshot's /phi (nz × ny × nx) as the flat x-fastest array of the grid. */
    private static double[] snapshot(String name) {
        Grid3D g = c.initial().grid();
        try (HdfFile f = new HdfFile(out.resolve(CaseRun.SNAPSHOTS).resolve(name + ".h5"))) {
            double[][][] v = (double[][][]) f.getDatasetByPath("/phi").getData();
            assertThat(v.length).isEqualTo(g.nz());
            double[] flat = new double[g.size()];
            for (int k = 0; k < g.nz(); k++) {
                for (int j = 0; j < g.ny(); j++) {
                    System.arraycopy(v[k][j], 0, flat, g.index(0, j, k), g.nx());
                }
            }
            return flat;
        }
    }

    private static int run(String... args) {
        return ExampleCasesTest.run(args);
    }
}
