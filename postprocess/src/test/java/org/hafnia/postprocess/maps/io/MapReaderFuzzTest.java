package org.hafnia.postprocess.maps.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.api.MapFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutation of valid files (truncation, byte changes, insertions, deletions,
 * spliced tokens that readers look for, random garbage) over every reader: each input must be
 * read into a consistent map or rejected with {@link InvalidInputException}; nothing else may
 * escape. Reproducible: the seed is fixed and the failing case number is reported.
 */
class MapReaderFuzzTest {

    private static final int CASES = 300;
    private static final long SEED = 20260522L;
    private static final byte[][] TOKENS = Stream.of("\0", "\n", "#", ":", "=", ",", "\t", " ", "-", "e999", "NaN",
            "Infinity", "1e-9", "µm", "XRes = 100000", "YRes = 0", "XReal = -1", "# Width: x nm", "# Height: 1",
            "[", "]", "{", "}", "\"data\"", "null", "GWYP", "GwyDataField", "xres", "data")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

    @TempDir
    Path dir;

    static Stream<MapFormat> formats() {
        return MapFormats.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void noMutatedFileCrashesTheReader(MapFormat format) throws Exception {
        Path valid = dir.resolve("valid." + format.extensions().get(0));
        format.write(MapFormatContract.sample(LengthUnit.NANOMETRE, 500, 350), valid);
        byte[] original = Files.readAllBytes(valid);
        SplittableRandom random = new SplittableRandom(SEED);
        int rejected = 0;
        for (int n = 0; n < CASES; n++) {
            byte[] mutated = mutate(original, random);
            Path f = dir.resolve("case" + n + "." + format.extensions().get(0));
            Files.write(f, mutated);
            try {
                ScanMap m = format.read(f);
                assertThat(m.values()).hasSize(m.grid().nx() * m.grid().ny());
                assertThat(Arrays.stream(m.values()).allMatch(Double::isFinite)).as("case %d: finite values", n).isTrue();
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).as("case %d: message names the file", n).contains(f.toString());
                rejected++;
            } catch (Throwable t) {
                fail(format.name() + " case " + n + " (seed " + SEED + "): " + t, t);
            }
            Files.delete(f);
        }
        // The mutations must actually exercise the error paths.
        assertThat(rejected).isGreaterThan(CASES / 4);
    }

    /**
     * HDF5 stores its dimensions apart from its data, so a truncated file must never read as a
     * map of the stated size with the missing part made up (jhdf reads past the end as zeros):
     * every cut is refused with a message naming the file, or reads exactly the original values.
     */
    @org.junit.jupiter.api.Test
    void aTruncatedHdf5MapIsRefusedOrReadExactlyAtEveryLength() throws Exception {
        Path valid = dir.resolve("valid.h5");
        ScanMap original = MapFormatContract.sample(LengthUnit.NANOMETRE, 500, 350);
        Hdf5MapFormat.INSTANCE.write(original, valid);
        byte[] bytes = Files.readAllBytes(valid);
        int refused = 0;
        int cuts = 0;
        for (int length = 0; length < bytes.length; length += 1 + length / 64) {
            Path f = dir.resolve("cut" + length + ".h5");
            Files.write(f, Arrays.copyOf(bytes, length));
            cuts++;
            try {
                ScanMap m = Hdf5MapFormat.INSTANCE.read(f);
                assertThat(m.values()).as("cut at %d of %d bytes", length, bytes.length).containsExactly(original.values());
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).as("cut at %d", length).contains(f.toString());
                refused++;
            } catch (Throwable t) {
                fail("HDF5 cut at " + length + " of " + bytes.length + " bytes: " + t, t);
            }
            Files.delete(f);
        }
        // The data are the last part written: cutting into them must be refused.
        assertThat(refused).isGreaterThan(cuts / 2);
    }

    private static byte[] mutate(byte[] b, SplittableRandom r) {
        int kind = r.nextInt(6);
        switch (kind) {
            case 0: // truncation
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 1: { // change 1 to 4 bytes
                byte[] c = b.clone();
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                return c;
            }
            case 2: { // insert random bytes
                int at = r.nextInt(b.length + 1);
                byte[] ins = new byte[1 + r.nextInt(8)];
                for (int k = 0; k < ins.length; k++) {
                    ins[k] = (byte) r.nextInt(256);
                }
                return splice(b, at, at, ins);
            }
            case 3: { // delete a range
                int from = r.nextInt(b.length);
                return splice(b, from, Math.min(b.length, from + 1 + r.nextInt(16)), new byte[0]);
            }
            case 4: { // overwrite a range with a token readers look for
                int from = r.nextInt(b.length);
                return splice(b, from, Math.min(b.length, from + r.nextInt(8)), TOKENS[r.nextInt(TOKENS.length)]);
            }
            default: { // garbage, sometimes behind the valid start
                byte[] g = new byte[r.nextInt(64)];
                for (int k = 0; k < g.length; k++) {
                    g[k] = (byte) r.nextInt(256);
                }
                int keep = r.nextBoolean() ? Math.min(b.length, 40) : 0;
                return splice(b, keep, b.length, g);
            }
        }
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] c = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, c, 0, from);
        System.arraycopy(insert, 0, c, from, insert.length);
        System.arraycopy(b, to, c, from + insert.length, b.length - to);
        return c;
    }
}
