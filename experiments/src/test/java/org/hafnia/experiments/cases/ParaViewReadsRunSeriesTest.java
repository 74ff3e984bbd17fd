package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.testing.RealClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * ParaView itself opens the XDMF time series of a run ({@code pvbatch} from Debian's
 * {@code paraview}; skipped where it is not installed, failed in CI): every snapshot time is a time
 * step and φ is read; 2D: the points are the cell centres of the grid; 3D: φ is cell data on a
 * mesh that spans the film, electrode faces included.
 */
class ParaViewReadsRunSeriesTest {

    private static final String SCRIPT = String.join("\n",
            "import sys, json",
            "from paraview.simple import XDMFReader",
            "r = XDMFReader(FileNames=[sys.argv[1]])",
            "r.UpdatePipelineInformation()",
            "t = list(r.TimestepValues)",
            "r.UpdatePipeline(t[-1])",
            "i = r.GetDataInformation()",
            "a = r.PointData['phi'] or r.CellData['phi']",
            "print('RESULT ' + json.dumps({'times': len(t), 'points': i.GetNumberOfPoints(), 'cells': i.GetNumberOfCells(),",
            "      'cell_data': r.CellData['phi'] is not None,",
            "      'bounds': list(i.GetBounds()), 'range': list(a.GetRange()) if a else None}))",
            "");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"denoise-2d, 51, 58, 1, 0.5", "film-3d, 40, 40, 10, 0.5"})
    void paraViewOpensTheSeries(String name, int nx, int ny, int nz, double spacing) throws Exception {
        RealClient.requireExecutable("pvbatch", "apt-get install paraview");
        Path out = dir.resolve(name);
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("run", "cases/" + name + ".json", "--out", out.toString(), "--threads", "2")).isZero();
        Path script = dir.resolve("read.py");
        Files.writeString(script, SCRIPT);
        Process p = new ProcessBuilder("pvbatch", script.toString(), out.resolve("phi.xmf").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String line = log.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow(
                () -> new AssertionError("pvbatch printed no result:\n" + log));
        JsonNode r = new ObjectMapper().readTree(line.substring(7));

        int grids = (int) Files.readString(out.resolve("phi.xmf")).lines().filter(l -> l.contains("GridType=\"Uniform\"")).count();
        assertThat(r.get("times").asInt()).isEqualTo(grids).isGreaterThan(1);
        JsonNode b = r.get("bounds");
        if (nz == 1) {
            // 2D: points are the cell centres, x from h/2 to (nx − ½) h, in the plane z = 0.
            assertThat(r.get("points").asInt()).isEqualTo(nx * ny);
            assertThat(b.get(0).asDouble()).isCloseTo(spacing / 2, within(1e-9));
            assertThat(b.get(1).asDouble()).isCloseTo((nx - 0.5) * spacing, within(1e-9));
            assertThat(b.get(3).asDouble()).isCloseTo((ny - 0.5) * spacing, within(1e-9));
            assertThat(b.get(5).asDouble()).isZero();
        } else {
            // 3D: one value per cell; the mesh runs from 0 to n·h on every axis, electrodes included.
            assertThat(r.get("cell_data").asBoolean()).isTrue();
            assertThat(r.get("cells").asInt()).isEqualTo(nx * ny * nz);
            assertThat(b.get(0).asDouble()).isZero();
            assertThat(b.get(1).asDouble()).isCloseTo(nx * spacing, within(1e-9));
            assertThat(b.get(3).asDouble()).isCloseTo(ny * spacing, within(1e-9));
            assertThat(b.get(4).asDouble()).isZero();
            assertThat(b.get(5).asDouble()).isCloseTo(nz * spacing, within(1e-9));
        }
        assertThat(r.get("range")).as(log).isNotNull();
        assertThat(r.get("range").get(0).asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(r.get("range").get(1).asDouble()).isBetween(0.5, 1.0);
    }
}
