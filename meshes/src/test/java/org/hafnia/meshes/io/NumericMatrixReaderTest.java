package org.hafnia.meshes.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;

class NumericMatrixReaderTest {

    private static NumericMatrix read(String text) throws IOException {
        return new NumericMatrixReader().read(new StringReader(text), "m.csv");
    }

    @Test
    void readsCommaTabAndBlankSeparatedRowsInFileOrder() throws IOException {
        for (String text : new String[] {"1,2,3\n4,5,6\n", "1\t2\t3\n4\t5\t6", "# header\n 1  2 3\n\n4 5   6\n"}) {
            NumericMatrix m = read(text);
            assertThat(m.rows()).isEqualTo(2);
            assertThat(m.cols()).isEqualTo(3);
            assertThat(m.values()).containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void raggedRowIsRejectedWithItsLine() {
        assertThatThrownBy(() -> read("1,2,3\n4,5\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m.csv: line 2: 2 values, expected 3 as on line 1 (ragged matrix)");
    }

    @Test
    void nonNumericValueIsRejectedWithLineAndColumn() {
        assertThatThrownBy(() -> read("1,2,3\n4,x5,6\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m.csv: line 2, column 2: 'x5' is not a number");
    }

    @Test
    void nanIsRejectedUnlessAllowed() throws IOException {
        assertThatThrownBy(() -> read("1,NaN\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m.csv: line 1, column 2: NaN is not a finite number");
        NumericMatrix m = new NumericMatrixReader().allowNonFinite(true).read(new StringReader("1,NaN\n"), "m.csv");
        assertThat(m.get(0, 1)).isNaN();
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> read("# only a comment\n\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no numeric rows");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> new NumericMatrixReader().read(Path.of("does/not/exist.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("does/not/exist.csv: file not found");
    }

    @Test
    void valueOutsideRangeIsReportedAtItsLineAndColumn() throws IOException {
        NumericMatrix m = read("0,0.5\n\n0.2,1.5\n");
        assertThatThrownBy(() -> m.requireWithin(0, 1, "φ"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m.csv: line 3, column 2: φ = 1.5 is outside [0.0, 1.0]");
    }

    @Test
    void shapeMismatchIsReported() throws IOException {
        assertThatThrownBy(() -> read("1,2\n3,4\n").requireShape(58, 51))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("m.csv: expected 58 rows × 51 columns, found 2 × 2");
    }
}
