package org.hafnia.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawCafmMapTest {

    @TempDir
    Path tmp;

    /** raw[r][c] = 1e-9 (r + 1000 c): every output value tells which input sample it came from. */
    private Path writeMap(int rows, int cols) throws IOException {
        StringBuilder s = new StringBuilder("[");
        for (int r = 0; r < rows; r++) {
            s.append(r == 0 ? "[" : ",\n[");
            for (int c = 0; c < cols; c++) {
                s.append(c == 0 ? "" : ",").append(1e-9 * (r + 1000 * c));
            }
            s.append("]");
        }
        Path p = tmp.resolve("initial_state.json");
        Files.writeString(p, s.append("]").toString());
        return p;
    }

    @Test
    void publishedPreparationGives58By51WithReversedRows() throws IOException {
        RawCafmMap m = RawCafmMap.prepare(writeMap(580, 510));
        assertThat(m.phi().grid().ny()).isEqualTo(58);
        assertThat(m.phi().grid().nx()).isEqualTo(51);
        double min = 0;
        double max = 1e-9 * (579 + 1000 * 509);
        assertThat(m.rawMin()).isEqualTo(min);
        assertThat(m.rawMax()).isCloseTo(max, within(1e-20));
        // out[0] = in[0]; out[i] = in[580 − 10 i]; columns 10 j. Values are normalised by max − min.
        for (int[] ij : new int[][] {{0, 0}, {0, 50}, {1, 3}, {57, 7}, {30, 25}}) {
            int rowIn = ij[0] == 0 ? 0 : 580 - 10 * ij[0];
            double expected = 1e-9 * (rowIn + 1000 * 10 * ij[1]) / max;
            // Round-off of two divisions of values ~1e-4: relative 1e-12.
            assertThat(m.phi().get(ij[1], ij[0])).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void raggedOrNonNumericMapsAreRejected() throws IOException {
        Path p = tmp.resolve("bad.json");
        Files.writeString(p, "[[1,2,3],[4,5]]");
        assertThatThrownBy(() -> RawCafmMap.prepare(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 1 has 2 values, expected 3");
        Files.writeString(p, "[[1,2,3],[4,\"x\",6]]");
        assertThatThrownBy(() -> RawCafmMap.prepare(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 1, column 1: '\"x\"' is not a finite number");
        Files.writeString(p, "[[1,2,3],[4,5,6]");
        assertThatThrownBy(() -> RawCafmMap.prepare(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }
}
