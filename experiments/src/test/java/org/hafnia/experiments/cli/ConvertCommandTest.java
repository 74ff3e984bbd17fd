package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path dir;

    private Path plainCsv() throws Exception {
        Path csv = dir.resolve("plain.csv");
        Files.writeString(csv, "1,2,3\n4,5,6\n");
        return csv;
    }

    @Test
    void suppliedSizeAndUnitsReachTheOutputThroughEveryFormat() throws Exception {
        Path previous = plainCsv();
        String[] chain = {"a.gwy", "b.txt", "c.json", "d.h5", "e.gsf", "f.tsv", "g.csv"};
        CommandRun first = CommandRun.of("convert", previous.toString(), dir.resolve(chain[0]).toString(),
                "--size", "300x200", "--unit", "nm", "--z-unit", "pA");
        assertThat(first.status()).as(first.err()).isZero();
        previous = dir.resolve(chain[0]);
        for (int k = 1; k < chain.length; k++) {
            Path next = dir.resolve(chain[k]);
            CommandRun r = CommandRun.of("convert", previous.toString(), next.toString());
            assertThat(r.status()).as(r.err()).isZero();
            previous = next;
        }
        ScanMap m = MapFormats.read(previous).convertedTo("pA");
        assertThat(m.grid().unit()).isEqualTo(LengthUnit.NANOMETRE);
        assertThat(m.grid().width()).isCloseTo(300, within(1e-9));
        assertThat(m.grid().height()).isCloseTo(200, within(1e-9));
        assertThat(m.field().get(2, 0)).isCloseTo(3, within(3 * 0x1p-24)); // float32 in the .gsf step
        assertThat(m.field().get(0, 1)).isCloseTo(4, within(4 * 0x1p-24));
    }

    @Test
    void originOffsetsReachTheOutputThroughEveryFormatThatHoldsThem() throws Exception {
        Path previous = dir.resolve("o.gwy");
        ScanMap map = new ScanMap(new org.hafnia.meshes.ScalarField2D(org.hafnia.meshes.Grid2D.ofExtent(3, 2, 300, 200,
                LengthUnit.NANOMETRE), new double[] {1, 2, 3, 4, 5, 6}), "A", "Current", java.util.Map.of(), true, 12.5, -40);
        org.hafnia.postprocess.maps.io.GwyFormat.INSTANCE.write(map, previous);
        for (String next : new String[] {"o.txt", "o.h5", "o.gsf", "o2.gwy"}) {
            CommandRun r = CommandRun.of("convert", previous.toString(), dir.resolve(next).toString());
            assertThat(r.status()).as(r.err()).isZero();
            previous = dir.resolve(next);
        }
        ScanMap m = MapFormats.read(previous);
        // .txt keeps 15 significant digits, .gsf 17: the offsets come back to 1e-12 nm.
        assertThat(m.xOffset()).isCloseTo(12.5, within(1e-12));
        assertThat(m.yOffset()).isCloseTo(-40, within(1e-12));
    }

    @Test
    void aMultiChannelGwyIsListedAndTheChosenChannelConvertedWithANoteOnTheOthers() throws Exception {
        Path in = dir.resolve("two.gwy");
        java.util.List<ScanMap> maps = new java.util.ArrayList<>();
        for (String title : new String[] {"Height", "Current"}) {
            double v = title.equals("Height") ? 1 : 2;
            maps.add(ScanMap.of(new org.hafnia.meshes.ScalarField2D(org.hafnia.meshes.Grid2D.ofExtent(2, 2, 10, 10,
                    LengthUnit.NANOMETRE), new double[] {v, v, v, v}), "A", title));
        }
        org.hafnia.postprocess.maps.io.GwyFormat.INSTANCE.writeChannels(maps, in);
        CommandRun list = CommandRun.of("convert", in.toString(), "--list-channels");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("0 'Height'").contains("1 'Current'");

        CommandRun first = CommandRun.of("convert", in.toString(), dir.resolve("h.csv").toString());
        assertThat(first.status()).isZero();
        assertThat(first.out()).contains("holds 2 channels").contains("converted only channel 'Height'")
                .contains("--channel");
        CommandRun second = CommandRun.of("convert", in.toString(), dir.resolve("c.h5").toString(), "--channel", "Current");
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(MapFormats.read(dir.resolve("c.h5")).values()[0]).isEqualTo(2);

        CommandRun bad = CommandRun.of("convert", in.toString(), dir.resolve("x.csv").toString(), "--channel", "7");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--channel '7'").contains("0 'Height', 1 'Current'");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }

    @Test
    void missingSizeIsReportedAsAnAssumption() throws Exception {
        CommandRun r = CommandRun.of("convert", plainCsv().toString(), dir.resolve("out.gsf").toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("assumed:").contains("no physical size").contains("no value unit")
                .contains("first row is y = 0");
    }

    @Test
    void flipReversesTheRowOrder() throws Exception {
        Path out = dir.resolve("flipped.csv");
        CommandRun r = CommandRun.of("convert", plainCsv().toString(), out.toString(), "--flip");
        assertThat(r.status()).as(r.err()).isZero();
        ScanMap m = MapFormats.read(out);
        assertThat(m.field().get(0, 0)).isEqualTo(4.0);
        assertThat(m.field().get(0, 1)).isEqualTo(1.0);
    }

    @Test
    void sizeWithoutUnitIsRefusedWithExitStatus2AndNoOutput() throws Exception {
        Path target = dir.resolve("out.gwy");
        CommandRun r = CommandRun.of("convert", plainCsv().toString(), target.toString(), "--size", "3x2");
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--size needs --unit");
        assertThat(target).doesNotExist();
    }

    @Test
    void truncatedInputIsRefusedWithOneClearLine() throws Exception {
        Path gsf = dir.resolve("t.gsf");
        CommandRun ok = CommandRun.of("convert", plainCsv().toString(), gsf.toString());
        assertThat(ok.status()).isZero();
        byte[] b = Files.readAllBytes(gsf);
        Files.write(gsf, java.util.Arrays.copyOf(b, b.length - 4));
        CommandRun r = CommandRun.of("convert", gsf.toString(), dir.resolve("t.csv").toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("truncated");
    }
}
