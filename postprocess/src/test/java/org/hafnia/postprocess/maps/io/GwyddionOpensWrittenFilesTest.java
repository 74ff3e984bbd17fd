package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Gwyddion (Debian's {@code gwyddion} package) opens the {@code .gsf} and {@code .gwy}
 * files we write: {@code gwyddion-thumbnailer gnome2 256 IN OUT.png} exits 0 and renders an
 * image, and exits 1 ("No module can load this file type") on a file it cannot parse. Skipped
 * where the thumbnailer is not installed.
 */
class GwyddionOpensWrittenFilesTest {

    private static final String THUMBNAILER = "gwyddion-thumbnailer";

    @TempDir
    Path dir;

    private static boolean installed() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, THUMBNAILER))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsf", "gwy"})
    void gwyddionRendersTheWrittenFile(String extension) throws Exception {
        assumeTrue(installed(), THUMBNAILER + " is not installed (apt-get install gwyddion)");
        MapFormat format = extension.equals("gsf") ? GsfFormat.INSTANCE : GwyFormat.INSTANCE;
        Path in = dir.resolve("map." + extension);
        Path png = dir.resolve("map.png");
        format.write(MapFormatContract.sample(LengthUnit.NANOMETRE, 500, 350), in);
        Process p = new ProcessBuilder(THUMBNAILER, "gnome2", "256", in.toString(), png.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("thumbnailer finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as("exit status; output: %s", output).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        assertThat(Math.max(img.getWidth(), img.getHeight())).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsf", "gwy"})
    void gwyddionRejectsAFileWithoutTheMagic(String extension) throws Exception {
        assumeTrue(installed(), THUMBNAILER + " is not installed (apt-get install gwyddion)");
        Path in = dir.resolve("junk." + extension);
        Files.writeString(in, "not a Gwyddion file\n");
        Process p = new ProcessBuilder(THUMBNAILER, "gnome2", "256", in.toString(), dir.resolve("j.png").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // Proves the check above can fail: Gwyddion refuses what it cannot parse.
        assertThat(p.exitValue()).isNotZero();
    }
}
