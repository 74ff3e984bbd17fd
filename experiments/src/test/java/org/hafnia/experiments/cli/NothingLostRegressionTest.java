package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.hafnia.postprocess.io.OutputFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression tests of issue 13, one per reported case: every refusal is exactly one line
 * {@code hafnia CMD: error: …} with exit status 2, no stack trace, and nothing left behind;
 * no input is ever overwritten.
 */
class NothingLostRegressionTest {

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** A 58 × 51 φ map (the published initial state as written by fig4) and other inputs, made once. */
    private static Path map;
    private static Path caseFile;

    @BeforeEach
    void inputs() throws IOException {
        if (map == null) {
            Path f4 = shared.resolve("fig4");
            assertThat(CommandRun.of("fig4", "--out", f4.toString(), "--threads", "1").status()).isZero();
            map = f4.resolve("pulse2.csv");
            caseFile = Path.of("cases", "denoise-2d.json").toAbsolutePath();
            if (!Files.exists(caseFile)) {
                caseFile = Path.of("experiments", "cases", "denoise-2d.json").toAbsolutePath();
            }
        }
    }

    /** Exactly one line on standard error, the command's error line, and no stack trace. */
    static void assertOneErrorLine(CommandRun r, String command, String... fragments) {
        assertThat(r.status()).as(r.err()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("note: ")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("hafnia " + command + ": error: ").doesNotContain("\tat ", "Exception:");
        for (String f : fragments) {
            assertThat(lines.get(0)).contains(f);
        }
    }

    private static CommandRun run(Object... args) {
        return CommandRun.of(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
    }

    @Test
    void anOutFolderHoldingTheInitialMapIsRefusedAndTheMapKept() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("D"));
        Path input = Files.copy(map, d.resolve("pulse2.csv"));
        byte[] before = Files.readAllBytes(input);
        assertOneErrorLine(run("fig4", "--initial", input, "--out", d), "fig4", "--out " + d, "holds the input " + input);
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
        try (Stream<Path> s = Files.list(d)) {
            assertThat(s.toList()).containsExactly(input);
        }
    }

    @Test
    void anOutFolderHoldingTheCaseFileIsRefusedAndTheCaseKept() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("D"));
        Path c = Files.copy(caseFile, d.resolve("run.json"));
        byte[] before = Files.readAllBytes(c);
        assertOneErrorLine(run("run", c, "--out", d, "--reference", referenceFolder()), "run", "holds the input " + c);
        // Without --out the default folder cannot hold it; given as ".", the folder of the case, it does.
        assertThat(Files.readAllBytes(c)).isEqualTo(before);
    }

    @Test
    void anOutFolderHoldingAMapTheCaseReadsIsRefusedAndTheMapKept() throws IOException {
        // The case sits outside D; only the initial map it names lies in D.
        Path d = Files.createDirectories(tmp.resolve("D"));
        Path input = Files.copy(map, d.resolve("start.csv"));
        byte[] before = Files.readAllBytes(input);
        // The shipped denoise case with its initial state read from that map.
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) org.hafnia.postprocess.io.Json.mapper()
                .readTree(caseFile.toFile());
        node.putObject("initial").put("type", "map").put("path", "D/start.csv");
        Path c = tmp.resolve("map-case.json");
        Files.writeString(c, node.toString());
        CommandRun r = run("run", c, "--out", d, "--reference", referenceFolder());
        assertOneErrorLine(r, "run", "holds the input " + input);
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
    }

    @Test
    void anArrayLargerThanTheHeapIsRefusedBeforeAnyWorkWithTheFigure() {
        Path d = tmp.resolve("huge");
        // The largest array the ranges accept (65536 × 65536, @Range of --rows and --cols): 550 GB of results.
        assertOneErrorLine(run("array", "--rows", 65536, "--cols", 65536, "--out", d), "array",
                "4294967296 devices", "needs at least");
        assertThat(d).doesNotExist();
    }

    @Test
    void convertOntoItsOwnInputIsRefused() throws IOException {
        Path in = Files.copy(map, tmp.resolve("m.csv"));
        byte[] before = Files.readAllBytes(in);
        assertOneErrorLine(run("convert", in, in), "convert", "is the input");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
    }

    @Test
    void aSecondRunOnAFolderHeldByAnotherProcessIsRefusedInOneLine() throws Exception {
        Path d = tmp.resolve("busy");
        // A long pfhub run in another JVM holds the folder; this one must not mix files with it.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Hafnia.class.getName(),
                "pfhub", "1a", "--nodes", "64", "--until", "1e7", "--out", d.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(d.resolve(OutputFolder.LOCK))) {
                assertThat(p.isAlive()).isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(200);
            assertThat(p.isAlive()).isTrue();
            assertOneErrorLine(run("fig4", "--out", d, "--threads", "1"), "fig4", "is in use by another hafnia run");
        } finally {
            p.destroyForcibly().waitFor();
        }
        // Once the holder is gone (killed), the folder is free again.
        assertThat(run("fig4", "--out", d, "--threads", "1").status()).isZero();
    }

    @Test
    void resumeWithoutACheckpointOrOnAFinishedRunIsRefused() throws IOException {
        Path d = tmp.resolve("r");
        assertOneErrorLine(run("run", caseFile, "--out", d, "--resume", "--reference", referenceFolder()), "run",
                "no checkpoint");
        assertThat(d).doesNotExist();
        assertThat(run("run", caseFile, "--out", d, "--reference", referenceFolder()).status()).isZero();
        assertOneErrorLine(run("run", caseFile, "--out", d, "--resume", "--reference", referenceFolder()), "run",
                "holds a finished run");
        assertOneErrorLine(run("pfhub", "1a", "--out", tmp.resolve("p"), "--resume"), "pfhub", "no checkpoint");
    }

    static Stream<List<Object>> badOptions() throws IOException {
        return Stream.of(
                List.of("run", "@case", "--max-steps", "-1", "--max-steps must be ≥ 1, got -1"),
                List.of("compare", "@map", "@map", "--dynamic-range", "NaN", "--dynamic-range must be a finite number"),
                List.of("compare", "@map", "@map", "--register", "--max-rotation", "1000",
                        "--max-rotation must be between 0 and 180 degrees, got 1000.0"),
                List.of("fit", "--initial", "@map", "--target", "@map", "--protocol", "fig4", "--free", "bias",
                        "--bounds", "K=0.01:0.1", "K is not free"),
                List.of("rtn", "@tmp", "--voltage-tolerance", "-1", "--voltage-tolerance must be ≥ 0 V, got -1.0"),
                List.of("convert", "@map", "@tmp/x.gsf", "--z-unit", "bananas", "--z-unit 'bananas'"),
                List.of("pfhub", "1a", "--until", "NaN", "--until must be a finite number"),
                List.of("pfhub", "1a", "--until", "Infinity", "--until must be a finite number"),
                List.of("fig4", "--dt", "1e300", "--substep", "stable sub-steps"),
                List.of("program", "--scheme", "open-loop", "--levels", "4", "--rows", "100000", "--cols", "100000",
                        "--rows must be between 1 and 65536"),
                List.of("program", "--scheme", "open-loop", "--levels", "4", "--rows", "65536", "--cols", "65536",
                        "devices is more than an array can hold"),
                List.of("fig4", "--threads", "0", "--threads must be ≥ 1, got 0"),
                // Found by StudyCommandFuzzTest: ±1e300 V reached the study as a NaN tolerance (exit 1).
                List.of("denoise", "--amplitudes", "-1e300", "--amplitudes must be between -100 and 100 V, got -1.0E300"),
                List.of("denoise", "--widths", "0", "--widths must be > 0 s and ≤ 1 s, got 0.0"),
                List.of("denoise", "--probe-levels", "1", "--probe-levels must be between 2 and 65536, got 1"),
                // An int[] option escaped @Range (OptionValidation checked double[] only).
                List.of("denoise", "--counts", "2,0", "--counts must be between 1 and 1000000, got 0"),
                List.of("traps", "--devices", "0", "--devices must be between 1 and 100000, got 0"),
                List.of("array", "--batch", "0", "--batch must be ≥ 1, got 0"),
                List.of("array", "--ea-spread", "1e300", "--ea-spread must be between 0 and 0.25 eV"),
                List.of("array", "--levels", "2147483647", "--levels must be between 1 and 1048576"),
                List.of("array", "--sequential", "-1", "--sequential must be between 0 and 65536, got -1"),
                // The sweep validates the array options it passes on before any job is written.
                List.of("sweep", "@case", "--vary", "seed=1,2", "--rows", "0", "--rows must be between 1 and 65536, got 0"),
                List.of("sweep", "@case", "--vary", "seed=1,2", "--threads", "0", "--threads must be ≥ 1, got 0"),
                // 32768² nodes, 15 arrays: 120 GiB, beyond any test JVM's heap.
                List.of("pfhub", "1a", "--nodes", "16384", "--check-convergence", "--until", "1", "GiB of memory"),
                List.of("fig4", "--bogus", "Unknown option: '--bogus' (try 'hafnia fig4 --help')"),
                List.of("fig4", "--dt", "abc", "'abc' is not a double"),
                List.of("run", "Missing required parameter"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void aBadOptionIsOneLineNamingItAndLeavesNothing(List<Object> spec) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>();
        for (Object o : spec.subList(0, spec.size() - 1)) {
            args.add(String.valueOf(o).replace("@map", map.toString()).replace("@case", caseFile.toString())
                    .replace("@tmp", tmp.toString()));
        }
        if (!args.get(0).equals("convert")) {
            args.addAll(List.of("--out", out.toString()));
        }
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        assertOneErrorLine(r, args.get(0), String.valueOf(spec.get(spec.size() - 1)));
        assertThat(out).as("nothing left behind").doesNotExist();
    }

    @Test
    void tooManyThreadsAreCappedWithANote() {
        CommandRun r = run("fig4", "--threads", "100000", "--out", tmp.resolve("t"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: --threads 100000 capped at " + ThreadsOption.limit());
    }

    @Test
    void anOutFolderUnderAFileIsExitStatusTwo() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        assertOneErrorLine(run("fig4", "--out", file.resolve("sub")), "fig4", "cannot create output folder");
        // The option is named (StudyCommandFuzzTest found the line naming only the path).
        assertOneErrorLine(run("fig4", "--out", file), "fig4", "(--out)");
    }

    @Test
    void aBinaryFileIsNotEchoedToTheTerminal() throws IOException {
        byte[] garbage = new byte[4096];
        new java.util.SplittableRandom(3).nextBytes(garbage);
        garbage[0] = '1';
        garbage[1] = ',';
        Path g = Files.write(tmp.resolve("garbage.csv"), garbage);
        CommandRun r = run("convert", g, tmp.resolve("g.h5"));
        assertOneErrorLine(r, "convert", g.toString());
        assertThat(r.err().strip().codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0xfffd))
                .as("printable: %s", r.err()).isTrue();
        assertThat(r.err().strip().length()).isLessThan(500);
    }

    @Test
    void aConstantRtnTraceIsRefused() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("traces"));
        StringBuilder b = new StringBuilder("Time,MeasResult1_value,MeasResult2_value\n");
        for (int k = 0; k < 20000; k++) {
            // Three read windows at -0.15, -0.2, -0.25 V as in the reference traces, a constant current.
            double v = k < 2000 || k >= 18000 || (k >= 7000 && k < 7500) || (k >= 12500 && k < 13000) ? 0
                    : k < 7000 ? -0.15 : k < 12500 ? -0.2 : -0.25;
            b.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,1e-7%n", 1e-4 + 2e-4 * k, v));
        }
        Files.writeString(d.resolve("trace.csv"), b);
        Path out = tmp.resolve("rtn");
        assertOneErrorLine(run("rtn", d, "--out", out), "rtn", "no telegraph switching");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFitTargetWhoseValuesOverflowTheObjectiveIsRefusedNotAnNpe() throws IOException {
        List<String> rows = Files.readAllLines(map);
        Path target = tmp.resolve("huge.csv");
        Files.write(target, rows.stream().map(l -> l.replaceAll("[0-9.eE+-]+", "1e300")).toList());
        assertOneErrorLine(run("fit", "--initial", map, "--target", target, "--protocol", "fig4", "--free", "bias",
                "--starts", "1", "--out", tmp.resolve("fit")), "fit", "objective");
    }

    @Test
    void aTruncatedHdf5MapIsRefusedByCompareNamingTheFile() throws IOException {
        Path h5 = tmp.resolve("m.h5");
        assertThat(run("convert", map, h5).status()).isZero();
        byte[] b = Files.readAllBytes(h5);
        Path cut = Files.write(tmp.resolve("cut.h5"), Arrays.copyOf(b, b.length * 2 / 3));
        assertOneErrorLine(run("compare", h5, cut, "--out", tmp.resolve("c")), "compare", cut.toString(), "truncated");
    }

    @Test
    void aCaseVoltageThatOverflowsTheDriveLawNamesTheFileAndLeavesNothing() throws IOException {
        String text = Files.readString(caseFile, StandardCharsets.UTF_8).replace("\"amplitude\": \"-0.35 V\"", "\"amplitude\": \"-1000 V\"");
        assertThat(text).contains("-1000 V");
        Path c = Files.writeString(tmp.resolve("overflow.json"), text);
        Path out = tmp.resolve("o");
        assertOneErrorLine(run("run", c, "--out", out, "--reference", referenceFolder()), "run", c.toString(), "/protocol",
                "-1000.0 V", "overflows");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCaseFileWithBytesThatAreNotUtf8IsRefusedNamingTheLine() throws IOException {
        byte[] b = Files.readAllBytes(caseFile);
        byte[] bad = new byte[b.length + 1];
        int at = new String(b, StandardCharsets.UTF_8).indexOf("\"name\"") + 2;
        System.arraycopy(b, 0, bad, 0, at);
        bad[at] = (byte) 0xff;
        System.arraycopy(b, at, bad, at + 1, b.length - at);
        Path c = Files.write(tmp.resolve("latin.json"), bad);
        assertOneErrorLine(run("run", c, "--out", tmp.resolve("o"), "--reference", referenceFolder()), "run",
                c + ": line 2: byte", "is not UTF-8");
    }

    @Test
    void anExtractCaseWithAnUnknownKeyIsRefusedNamingIt() throws IOException {
        Path shipped = caseFile.resolveSibling("hfo2-device.json");
        String text = Files.readString(shipped).replaceFirst("\\{", "{ \"protocoll\": {},");
        Path c = Files.writeString(tmp.resolve("typo.json"), text);
        Path out = tmp.resolve("x");
        assertOneErrorLine(run("extract", c, "--out", out), "extract", c.toString(), "unknown key 'protocoll'");
        assertThat(out).doesNotExist();
    }

    @Test
    void messagesAreOnePrintableLine() {
        assertThat(Hafnia.oneLine("a\nb\r\nc\u0000d\ufffde\u200bf\tg")).isEqualTo("a; b; c\\x00d\\ufffde\\u200bf g");
        assertThat(Hafnia.oneLine("x".repeat(10_000))).hasSize(402).endsWith(" …");
    }

    @Test
    void debugAddsTheStackTraceOfAFailure() {
        CommandRun plain = run("convert", tmp.resolve("absent.csv"), tmp.resolve("o.h5"));
        CommandRun debug = run("convert", tmp.resolve("absent.csv"), tmp.resolve("o.h5"), "--debug");
        assertOneErrorLine(plain, "convert", "absent.csv: file not found");
        assertThat(debug.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(debug.err()).contains("\tat org.hafnia.").endsWith(plain.err());
    }

    @Test
    void aGridBeyondTheHeapIsRefusedWithTheFigureBeforeAllocating() throws IOException {
        String text = Files.readString(caseFile, StandardCharsets.UTF_8);
        // 32768 × 32768 nodes (the largest accepted) × 6 arrays of doubles: 48 GiB.
        String big = text.replaceFirst("\"grid\"\\s*:\\s*\\{", "\"grid\": { \"nx\": 32768, \"ny\": 32768,");
        big = big.replace("\"type\": \"fig4-reference\"", "\"type\": \"islands\", \"islands\": 3, \"island_radius\": \"1 nm\"");
        Path c = Files.writeString(tmp.resolve("big.json"), big);
        CommandRun r = run("run", c, "--out", tmp.resolve("o"), "--reference", referenceFolder());
        assertOneErrorLine(r, "run", c.toString(), "/grid", "32768 × 32768 grid", "needs at least 48.0 GiB");
    }

    private static Path referenceFolder() {
        return org.hafnia.reference.ReferenceData.locate(null).directory();
    }
}
