package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtnTraceReaderTest {

    @TempDir
    Path dir;

    private final RtnTraceReader reader = new RtnTraceReader(3);

    private Path file(String text) throws IOException {
        Path p = dir.resolve("trace_x.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsTimeVoltageAndCurrentColumnsWithTheSamplingInterval() throws IOException {
        RtnTrace t = reader.read(file(RtnTraceReader.HEADER + "\n0.0001,-0.15,1.0E-07\n0.0003,-0.15,2.0E-07\n0.0005,-0.2,3e-7\n"));
        assertThat(t.samples()).isEqualTo(3);
        assertThat(t.samplingInterval()).isCloseTo(2e-4, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(t.voltage()).containsExactly(-0.15, -0.15, -0.2);
        assertThat(t.current()).containsExactly(1e-7, 2e-7, 3e-7);
    }

    @Test
    void rejectsAnotherHeaderNamingFileAndLine() throws IOException {
        Path p = file("t,V,I\n0.0001,-0.15,1e-7\n0.0003,-0.15,1e-7\n0.0005,-0.15,1e-7\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessage(p + ": line 1: header 't,V,I', expected " + RtnTraceReader.HEADER);
    }

    @Test
    void rejectsTooFewSamples() throws IOException {
        Path p = file(RtnTraceReader.HEADER + "\n0.0001,-0.15,1e-7\n0.0003,-0.15,1e-7\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessage(p + ": too few samples: 2, expected at least 3");
    }

    @Test
    void rejectsAHeaderWithoutSamples() throws IOException {
        Path p = file(RtnTraceReader.HEADER + "\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(p + ": no numeric rows");
    }

    @Test
    void rejectsANonNumericValueNamingItsFileLine() throws IOException {
        Path p = file(RtnTraceReader.HEADER + "\n0.0001,-0.15,1e-7\n0.0003,-0.15,oops\n0.0005,-0.15,1e-7\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessage(p + ": line 3, column 3: 'oops' is not a number");
    }

    @Test
    void rejectsARowWithAMissingValue() throws IOException {
        Path p = file(RtnTraceReader.HEADER + "\n0.0001,-0.15,1e-7\n0.0003,-0.15\n0.0005,-0.15,1e-7\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(p + ": line 3: 2 values, expected 3");
    }

    @Test
    void rejectsANonUniformTimeStep() throws IOException {
        Path p = file(RtnTraceReader.HEADER + "\n0.0001,-0.15,1e-7\n0.0003,-0.15,1e-7\n0.0009,-0.15,1e-7\n0.0011,-0.15,1e-7\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(p + ": line 4: time step");
    }

    @Test
    void rejectsAMissingFile() {
        Path p = dir.resolve("absent.csv");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessage(p + ": file not found");
    }
}
