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
