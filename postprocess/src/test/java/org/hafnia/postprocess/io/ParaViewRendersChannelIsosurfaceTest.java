package org.hafnia.postprocess.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.testing.RealClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ParaView ({@code xvfb-run -a pvbatch}, Debian's {@code paraview} and {@code xvfb}; plain
 * pvbatch aborts without a display) opens a 3D series of a complete channel, a cylinder of
 * φ = 1 through the film, and its φ = ½ isosurface reaches both electrodes, z = 0 and z = L, and
 * renders as a picture with the surface in it.
 */
class ParaViewRendersChannelIsosurfaceTest {

    @TempDir
    Path dir;

    @Test
    void isosurfaceOfACompleteChannelReachesBothElectrodesAndRenders() throws Exception {
        RealClient.requireExecutable("pvbatch", "apt-get install paraview");
        RealClient.requireExecutable("xvfb-run", "apt-get install xvfb");
        int n = 12;
        int nz = 6;
        double h = 0.5;
        Grid3D grid = new Grid3D(n, n, nz, h, h, h, LengthUnit.NANOMETRE);
        double[] phi = new double[grid.size()];
        double c = n * h / 2;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = (i + 0.5) * h - c;
                    double y = (j + 0.5) * h - c;
                    phi[grid.index(i, j, k)] = Math.hypot(x, y) < 1.5 ? 1 : 0;
                }
            }
        }
        new Hdf5Writer().field("/phi", new ScalarField3D(grid, phi), Map.of("unit", "1")).write(dir.resolve("s.h5"));
        Path xmf = dir.resolve("phi.xmf");
        java.nio.file.Files.writeString(xmf, XdmfIndex.temporal(grid, "phi",
                List.of(new XdmfIndex.Entry(0, "a", "s.h5", "/phi"), new XdmfIndex.Entry(1e-9, "b", "s.h5", "/phi"))));
        Path png = dir.resolve("iso.png");
        Path script = Path.of(getClass().getResource("paraview_isosurface.py").toURI());
        RealClient.Run run = RealClient.runUnderXvfb(List.of("pvbatch", script.toString(),
                xmf.toString(), png.toString()), Map.of(), dir, 180);
        assertThat(run.exitCode()).as(run.output()).isZero();
        String line = run.output().lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("pvbatch printed no result:\n" + run.output()));
        JsonNode r = Json.mapper().readTree(line.substring(7));
        assertThat(r.get("times").asInt()).isEqualTo(2);
        assertThat(r.get("cell_data").asBoolean()).isTrue();
        assertThat(r.get("points").asInt()).isPositive();
        // The surface spans the film from electrode to electrode (to float rounding of the mesh).
        JsonNode b = r.get("bounds");
        assertThat(b.get(4).asDouble()).isCloseTo(0, within(1e-6));
        assertThat(b.get(5).asDouble()).isCloseTo(nz * h, within(1e-6));

        // The picture: white background with the blue surface (R < G < B) covering a visible area.
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(320);
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int red = rgb >> 16 & 255;
                int green = rgb >> 8 & 255;
                int bl = rgb & 255;
                blue += bl > red + 40 && bl > green ? 1 : 0;
            }
        }
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(blue).as("surface pixels of %d", img.getWidth() * img.getHeight()).isGreaterThan(2000);
    }
}
