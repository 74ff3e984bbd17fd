package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window figure is a readable 2 × 2 panel PNG with the window shaded. */
class DenoiseWindowFigureTest {

    @TempDir
    Path tmp;

    @Test
    void theFigureIsTwoByTwoPanelsWithTheWindowShaded() throws IOException {
        DenoiseStudy.Sweep s = new DenoiseStudy.Sweep(new double[] {-1.0, -0.6, -0.3, -0.1, -0.02, 0.02, 0.1, 0.3, 0.6, 1.0},
                new double[] {1e-6}, new int[] {10}, 1e-6, -0.15, 1e-6, 1e-5, 100, 2, 11, 0.5, 0.9, 0.9);
        DenoiseStudy.Result r = DenoiseStudy.run(FixtureDevice::new, FixtureDevice.SIGMA, s, 1, () -> { });
        Path png = tmp.resolve("denoise-window.png");
        DenoiseWindowFigure.write(png, r, "fixture");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(2 * 760);
        assertThat(img.getHeight()).isEqualTo(2 * 520 + 30);
    }

    @Test
    void aDeviceWithTemperaturesAddsTheirRowOfPanels() throws IOException {
        DenoiseStudy.Train train = new DenoiseStudy.Train(-0.3, 1e-8, 20, true);
        DenoiseStudy.Entry hot = new DenoiseStudy.Entry(train, 1e-6, 1e-6, 1e-7, 1e-7, 1e-4, 1e-4, 1, 1, 618, 387);
        DenoiseStudy.Entry control = new DenoiseStudy.Entry(new DenoiseStudy.Train(0, 1e-8, 20, true), 1e-6, 1e-6, 1e-7,
                1e-7, 1e-4, 1e-4, 1, 1, 300, 300);
        DenoiseStudy.Result r = new DenoiseStudy.Result(java.util.List.of(control, hot),
                java.util.List.of(new DenoiseStudy.Window(1e-8, 20, Double.NaN, Double.NaN)),
                new DenoiseStudy.Calibration(1e-4, new double[3]), 1.2);
        Path png = tmp.resolve("hot.png");
        DenoiseWindowFigure.write(png, r, "hot");
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(3 * 520 + 30);
    }
}
