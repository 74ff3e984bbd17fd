package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import io.jhdf.HdfFile;

import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.meshes.Grid2D;
import org.hafnia.postprocess.compare.ConnectedComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The shipped {@code denoise-2d} case shows the denoising mechanism of Rao et al. 2023:
 * subthreshold pulses dissolve the islands (incomplete channels) and keep the complete one.
 */
class DenoiseCaseTest {

    @TempDir
    Path dir;

    private static List<ConnectedComponents.Component> channels(Path snapshot) {
        try (HdfFile h5 = new HdfFile(snapshot)) {
            double[][] phi = (double[][]) h5.getDatasetByPath("/phi").getData();
            int ny = phi.length;
            int nx = phi[0].length;
            boolean[] mask = new boolean[nx * ny];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    mask[j * nx + i] = phi[j][i] > 0.5;
                }
            }
            return ConnectedComponents.of(mask, Grid2D.unitSpacing(nx, ny), ConnectedComponents.Connectivity.FOUR)
                    .stream().sorted(Comparator.comparingInt(ConnectedComponents.Component::nodes).reversed()).toList();
        }
    }

    @Test
    void pulsesDissolveTheIslandsAndKeepTheCompleteChannel() throws IOException {
        Path out = dir.resolve("denoise");
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("run", "cases/denoise-2d.json", "--out", out.toString(), "--threads", "1")).isZero();

        List<ConnectedComponents.Component> before = channels(out.resolve("snapshots/relaxed.h5"));
        List<ConnectedComponents.Component> after = channels(out.resolve("snapshots/denoised.h5"));
        assertThat(before.size()).isGreaterThan(2);
        assertThat(after.size()).isLessThan(before.size());
        // The complete channel survives with most of its area.
        assertThat(after.get(0).nodes()).isGreaterThan(before.get(0).nodes() / 2);

        List<String> reads = Files.readAllLines(out.resolve("conductance.tsv"));
        int column = List.of(reads.get(0).split("\t")).indexOf("conductance_S");
        double first = Double.parseDouble(reads.get(1).split("\t")[column]);
        double last = Double.parseDouble(reads.get(reads.size() - 1).split("\t")[column]);
        assertThat(last).isLessThan(first).isGreaterThan(first / 2);
    }
}
