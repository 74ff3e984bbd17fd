package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.hafnia.testing.RealClient;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Gwyddion (Debian's {@code gwyddion} package) opens the {@code .gsf} and {@code .gwy}
 * files we write: {@code gwyddion-thumbnailer gnome2 256 IN OUT.png} exits 0 and renders an
 * image whose recorded pixel and physical size match the map, and exits 1 ("No module can load
 * this file type") on a file it cannot parse. Skipped
 * where the thumbnailer is not installed, failed in CI.
 */
class GwyddionOpensWrittenFilesTest {

    private static final String THUMBNAILER = "gwyddion-thumbnailer";
    private static final String GWYDDION = "gwyddion";

    @TempDir
    Path dir;

    private static void requireThumbnailer() {
        RealClient.requireExecutable(THUMBNAILER, "apt-get install gwyddion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsf", "gwy"})
    void gwyddionRendersTheWrittenFile(String extension) throws Exception {
        requireThumbnailer();
        MapFormat format = extension.equals("gsf") ? GsfFormat.INSTANCE : GwyFormat.INSTANCE;
        Path in = dir.resolve("map." + extension);
        Path png = dir.resolve("map.png");
        format.write(MapFormatContract.sample(LengthUnit.NANOMETRE, 500, 350), in);
        assertThat(thumbnail(in, png)).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        // The thumbnail records what Gwyddion read: the pixel size and the physical size with its
        // unit, e.g. "Thumb::X-Gwyddion::RealSize" = "0.50×0.35 µm".
        Map<String, String> text = pngText(png);
        assertThat(text).containsEntry("Thumb::Image::Width", "7").containsEntry("Thumb::Image::Height", "5");
        Matcher m = Pattern.compile("([0-9.]+)\u00D7([0-9.]+) (\\S+)").matcher(text.getOrDefault(
                "Thumb::X-Gwyddion::RealSize", ""));
        assertThat(m.matches()).as("real size %s", text).isTrue();
        double perUnit = SiUnits.metresPer(m.group(3));
        // Gwyddion prints two decimals: agreement to half a unit of the last digit.
        assertThat(Double.parseDouble(m.group(1)) * perUnit).isCloseTo(500e-9, within(0.005 * perUnit));
        assertThat(Double.parseDouble(m.group(2)) * perUnit).isCloseTo(350e-9, within(0.005 * perUnit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsf", "gwy"})
    void gwyddionShowsAMapOfUnknownSizeAsOneUnitPerPixel(String extension) throws Exception {
        requireThumbnailer();
        MapFormat format = extension.equals("gsf") ? GsfFormat.INSTANCE : GwyFormat.INSTANCE;
        Path in = dir.resolve("phi." + extension);
        Path png = dir.resolve("phi.png");
        double[] v = new double[12 * 8];
        for (int k = 0; k < v.length; k++) {
            v[k] = (k % 12) / 11.0;
        }
        format.write(ScanMap.withoutSize(12, 8, v, "", ""), in);
        assertThat(thumbnail(in, png)).isZero();
        // Gwyddion prints the unitless size with its own number of decimals, e.g. "12.0×8.0".
        Matcher m = Pattern.compile("([0-9.]+)\u00D7([0-9.]+)").matcher(pngText(png).get("Thumb::X-Gwyddion::RealSize"));
        assertThat(m.matches()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isEqualTo(12.0);
        assertThat(Double.parseDouble(m.group(2))).isEqualTo(8.0);
        assertThat(format.read(in).sizeKnown()).isFalse();
    }

    /**
     * Gwyddion itself ({@code gwyddion --convert-to-gwy=OUT.gwy IN.gwy}, its non-GUI loader and
     * writer) opens every channel of a two-channel file we write: the file it writes back holds
     * both channels with our titles, sizes, offsets, units and values. The thumbnailer above
     * renders only the first channel, so it cannot see a lost second one.
     */
    @org.junit.jupiter.api.Test
    void gwyddionLoadsEveryChannelOfAMultiChannelFile() throws Exception {
        RealClient.requireExecutable(GWYDDION, "apt-get install gwyddion");
        ScanMap height = MapFormatContract.sample(LengthUnit.NANOMETRE, 500, 350).withTitle("Height").withOffset(20, 30);
        double[] v = new double[4 * 6];
        for (int k = 0; k < v.length; k++) {
            v[k] = 1e-12 * (k * k - 7.25);
        }
        ScanMap current = new ScanMap(new org.hafnia.meshes.ScalarField2D(
                org.hafnia.meshes.Grid2D.ofExtent(4, 6, 2, 3, LengthUnit.MICROMETRE), v), "A", "Current", Map.of(), true)
                .withOffset(-1.5, 0.25);
        Path in = dir.resolve("two.gwy");
        Path out = dir.resolve("back.gwy");
        GwyFormat.INSTANCE.writeChannels(java.util.List.of(height, current), in);
        RealClient.Run run = RealClient.run(java.util.List.of(GWYDDION, "--no-splash", "--convert-to-gwy=" + out, in.toString()),
                Map.of(), dir, 120);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(GwyFormat.INSTANCE.channels(out)).extracting(GwyFormat.Channel::title).containsExactly("Height", "Current");
        ScanMap[] wrote = {height, current};
        for (int n = 0; n < wrote.length; n++) {
            ScanMap back = GwyFormat.INSTANCE.read(out, Integer.toString(n));
            ScanMap w = wrote[n];
            assertThat(back.grid().nx()).isEqualTo(w.grid().nx());
            assertThat(back.grid().ny()).isEqualTo(w.grid().ny());
            double toMetres = back.grid().unit().metres() / w.grid().unit().metres();
            // Gwyddion stores doubles as read: sizes, offsets and values come back to round-off
            // of the unit conversion (1e-12 relative).
            assertThat(back.grid().width() * toMetres).isCloseTo(w.grid().width(), within(1e-12 * w.grid().width()));
            assertThat(back.xOffset() * toMetres).isCloseTo(w.xOffset(), within(1e-12 * Math.abs(w.xOffset())));
            assertThat(back.yOffset() * toMetres).isCloseTo(w.yOffset(), within(1e-12 * Math.abs(w.yOffset())));
            assertThat(back.zUnit()).isEqualTo(w.zUnit());
            assertThat(back.values()).containsExactly(w.values(), within(1e-12 * 1e-9));
        }
        // Gwyddion's own check of the file we wrote reports no problem.
        RealClient.Run check = RealClient.run(java.util.List.of(GWYDDION, "--no-splash", "--check", in.toString()), Map.of(), dir, 120);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output().strip()).isEmpty();
    }

    /** Runs the thumbnailer on {@code in}, writing {@code png}; returns its exit status. */
    private static int thumbnail(Path in, Path png) throws Exception {
        // Output to a file, not a pipe, so that the time limit holds even if the thumbnailer hangs.
        Process p = new ProcessBuilder(THUMBNAILER, "gnome2", "256", in.toString(), png.toString())
                .redirectErrorStream(true).redirectOutput(png.resolveSibling(png.getFileName() + ".log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(THUMBNAILER + " did not finish within 60 s on " + in);
        }
        return p.exitValue();
    }

    /** The tEXt chunks of a PNG (Latin-1 key and value). */
    private static Map<String, String> pngText(Path png) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(png));
        Map<String, String> out = new LinkedHashMap<>();
        b.position(8);
        while (b.remaining() >= 12) {
            int n = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[n];
            b.get(data);
            b.getInt(); // CRC
            if (new String(type, StandardCharsets.ISO_8859_1).equals("tEXt")) {
                String t = new String(data, StandardCharsets.ISO_8859_1);
                int nul = t.indexOf('\0');
                out.put(t.substring(0, nul), t.substring(nul + 1));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gsf", "gwy"})
    void gwyddionRejectsAFileWithoutTheMagic(String extension) throws Exception {
        requireThumbnailer();
        Path in = dir.resolve("junk." + extension);
        Files.writeString(in, "not a Gwyddion file\n");
        // Proves the check above can fail: Gwyddion refuses what it cannot parse.
        assertThat(thumbnail(in, dir.resolve("j.png"))).isNotZero();
    }
}
