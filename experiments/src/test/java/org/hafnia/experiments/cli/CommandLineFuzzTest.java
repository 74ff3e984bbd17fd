package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random command lines — commands, options, values and files together — each run
 * in-process. Every run must keep {@link FuzzContract}: status 0, or 2 with exactly one error line
 * (notes aside), no stack trace; no staging or commit folder may be left in any output
 * folder, and no input may change. The study commands are fuzzed by {@link StudyCommandFuzzTest}. Bounded in time: {@value #DEFAULT_SECONDS} s in the suite;
 * {@code -Dhafnia.fuzz.seconds=600 -Dhafnia.fuzz.seed=N} for a longer or another run. A failure
 * reports the seed and the command line.
 */
class CommandLineFuzzTest {

    private static final double DEFAULT_SECONDS = 4;

    @TempDir
    Path dir;

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> files = new ArrayList<>();

    private void inputs() throws IOException {
        Path map = dir.resolve("in/map.csv");
        Files.createDirectories(map.getParent());
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 10; i++) {
                b.append(i > 0 ? "," : "").append((i * 7 + j * 3) % 10 / 10.0);
            }
            b.append('\n');
        }
        Files.writeString(map, b);
        Path h5 = dir.resolve("in/map.h5");
        assertThat(CommandRun.of("convert", map.toString(), h5.toString(), "--size", "10x12", "--unit", "nm").status()).isZero();
        byte[] h = Files.readAllBytes(h5);
        Files.write(dir.resolve("in/cut.h5"), java.util.Arrays.copyOf(h, h.length / 2));
        byte[] g = new byte[512];
        new SplittableRandom(1).nextBytes(g);
        Files.write(dir.resolve("in/garbage.csv"), g);
        Files.writeString(dir.resolve("in/empty.csv"), "");
        Files.writeString(dir.resolve("in/ragged.csv"), "0,1\n0.5\n");
        Files.writeString(dir.resolve("in/case.json"), "{\"grid\": {\"nx\": 12, \"ny\": 10, \"spacing\": \"1 nm\"},"
                + " \"initial\": {\"type\": \"islands\", \"islands\": 2, \"island_radius\": \"1 nm\"},"
                + " \"physics\": {\"energy\": \"double-well\", \"double_well\": {\"barrier\": \"1 eV\", \"asymmetry\": \"0 eV\"},"
                + " \"kappa\": \"0.4 eV nm^2\", \"drive\": {\"law\": \"ion-hopping\", \"b0\": \"0.1 eV\", \"v0\": \"0.1 V\"}},"
                + " \"time\": {\"step\": 0.001, \"tau0\": \"1 us\"},"
                + " \"protocol\": {\"steps\": [{\"type\": \"pulse\", \"amplitude\": \"0.5 V\", \"width\": \"2 ns\"}]}}");
        for (String f : List.of("map.csv", "map.h5", "cut.h5", "garbage.csv", "empty.csv", "ragged.csv", "case.json",
                "missing.csv", "")) {
            files.add(dir.resolve("in").resolve(f).toString());
        }
        values.put("number", List.of("0", "1", "-1", "0.5", "NaN", "Infinity", "-Infinity", "1e300", "-1e300", "1e-300",
                "abc", "", "2147483648", "9e18", "0x10", "1,2", "\u0000", "ü"));
        values.put("int", List.of("0", "1", "2", "3", "-1", "8", "100000", "2147483648", "NaN", "x"));
    }

    /** One random command line; {@code out} is the output folder it may use. */
    private List<String> commandLine(SplittableRandom r, Path out) {
        List<String> a = new ArrayList<>();
        switch (r.nextInt(6)) {
            case 0 -> {
                a.add("convert");
                a.add(pick(files, r));
                a.add(out.resolve(pick(List.of("o.csv", "o.h5", "o.gsf", "o.gwy", "o.json", "o.txt", "o.xyz"), r)).toString());
                maybe(a, r, "--size", pick(List.of("10x12", "1x1", "-1x5", "NaNxNaN", "axb", "1e300x1e300"), r));
                maybe(a, r, "--unit", pick(List.of("nm", "µm", "m", "reduced", "furlong"), r));
                maybe(a, r, "--z-unit", pick(List.of("pA", "A", "1", "bananas", ""), r));
                if (r.nextBoolean()) {
                    a.add("--flip");
                }
            }
            case 1 -> {
                a.add("compare");
                a.add(pick(files, r));
                a.add(pick(files, r));
                maybe(a, r, "--dynamic-range", pick(values.get("number"), r));
                maybe(a, r, "--connectivity", pick(values.get("int"), r));
                maybe(a, r, "--level", pick(List.of("none", "plane", "lines", "both", "sideways"), r));
                maybe(a, r, "--outliers", pick(values.get("number"), r));
                if (r.nextBoolean()) {
                    a.add("--register");
                    maybe(a, r, "--max-rotation", pick(List.of("0", "2", "-5", "1000", "NaN"), r));
                }
                if (r.nextBoolean()) {
                    a.add("--normalise");
                }
                out(a, out);
            }
            case 2 -> {
                a.add("fig4");
                maybe(a, r, "--initial", pick(files, r));
                maybe(a, r, "--dt", pick(List.of("0.0005", "0.001", "0.01", "1e300", "-1", "0", "NaN", "Infinity"), r));
                if (r.nextBoolean()) {
                    a.add("--substep");
                }
                maybe(a, r, "--bias", pick(values.get("number"), r));
                maybe(a, r, "--energy", pick(List.of("published", "spline", "quartic"), r));
                maybe(a, r, "--threads", pick(values.get("int"), r));
                out(a, out);
            }
            case 3 -> {
                a.add("run");
                a.add(pick(files, r));
                maybe(a, r, "--max-steps", pick(List.of("1", "5", "0", "-1", "NaN", "99999999999999999999"), r));
                maybe(a, r, "--threads", pick(values.get("int"), r));
                if (r.nextInt(4) == 0) {
                    a.add("--resume");
                }
                out(a, out);
            }
            case 4 -> {
                a.add("pfhub");
                a.add(pick(List.of("1a", "1b", "2", ""), r));
                a.add("--until");
                a.add(pick(List.of("1", "0.5", "0", "-1", "NaN", "Infinity", "x"), r));
                a.add("--nodes");
                a.add(pick(List.of("8", "16", "6", "0", "-8", "100000"), r));
                maybe(a, r, "--tolerance", pick(List.of("1e-3", "0", "-1", "NaN"), r));
                if (r.nextInt(4) == 0) {
                    a.add("--resume");
                }
                out(a, out);
            }
            default -> {
                a.add(pick(List.of("rtn", "fit", "program", "nonsense", "--bogus", "help"), r));
                maybe(a, r, "--voltage-tolerance", pick(values.get("number"), r));
                maybe(a, r, "--rows", pick(values.get("int"), r));
                maybe(a, r, "--free", pick(List.of("bias", "K", "nothing"), r));
                a.add(pick(files, r));
                out(a, out);
                if (a.get(0).equals("program")) {
                    // Without --scheme and --levels program stops before any slow work; keep it so.
                    a.remove("--scheme");
                }
            }
        }
        return a;
    }

    private static void out(List<String> a, Path out) {
        a.add("--out");
        a.add(out.toString());
    }

    private static void maybe(List<String> a, SplittableRandom r, String option, String value) {
        if (r.nextInt(3) == 0) {
            a.add(option);
            a.add(value);
        }
    }

    private static String pick(List<String> l, SplittableRandom r) {
        return l.get(r.nextInt(l.size()));
    }

    @Test
    void everyRandomCommandLineEndsCleanly() throws Exception {
        inputs();
        long seed = Long.getLong("hafnia.fuzz.seed", 20261201L);
        double seconds = Double.parseDouble(System.getProperty("hafnia.fuzz.seconds", Double.toString(DEFAULT_SECONDS)));
        SplittableRandom r = new SplittableRandom(seed);
        Map<Path, String> before = FuzzContract.digests(dir.resolve("in"));
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int runs = 0;
        int failures = 0;
        while (System.nanoTime() < deadline || runs < 10) {
            Path out = dir.resolve("out" + runs % 3);
            List<String> args = commandLine(r, out);
            String where = "seed " + seed + ", run " + runs + ": hafnia " + String.join(" ", args);
            CommandRun run = CommandRun.of(args.toArray(String[]::new));
            if (FuzzContract.endsCleanly(where, run) != null) {
                failures++;
            }
            for (int k = 0; k < 3; k++) {
                FuzzContract.noStagingLeft(where, dir.resolve("out" + k));
            }
            assertThat(FuzzContract.digests(dir.resolve("in"))).as(where + ": an input changed").isEqualTo(before);
            runs++;
        }
        System.out.printf("command-line fuzz: seed %d, %d runs in %.0f s, %d refused%n", seed, runs, seconds, failures);
        // The generator must reach both outcomes.
        assertThat(failures).isPositive().isLessThan(runs + 1);
    }
}
