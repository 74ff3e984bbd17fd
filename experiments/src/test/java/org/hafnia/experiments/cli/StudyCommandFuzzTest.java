package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.OutputFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Seeded random command lines of the study commands — {@code denoise}, {@code array},
 * {@code sweep}, {@code extract}, and {@code program --compare} — whose valid runs take minutes to
 * hours, in a bounded mode: the options and the case file mutated around the tiny 8 × 8-node device
 * case ({@code tiny-array.json}, one or two devices, few pulses; for program, its compact model or
 * the shipped ECRAM case on a 1 × 2 array), so that an input the commands accept is still a run of
 * a second (program: seconds). Every run must keep {@link FuzzContract}; besides:
 * <ul>
 *   <li>a refused run names what the run changed ({@link #mutated}: the option, case key or file
 *       the generator gave a bad value), not merely something of the command line;</li>
 *   <li>a refused run leaves the output folder as it was (the batches an array run commits for
 *       {@code --resume}, and the finished jobs of a sweep, aside);</li>
 *   <li>a run that succeeds wrote its whole output set;</li>
 *   <li>each run ends within {@link #RUN_SECONDS} s ({@link #PROGRAM_RUN_SECONDS} s for program): a run past it
 *       is a failure.</li>
 * </ul>
 * {@value #DEFAULT_SECONDS} s in the suite (at least {@value #MIN_RUNS} runs, and {@value #PROGRAM_MIN_RUNS}
 * of program); {@code -Dhafnia.fuzz.seconds=600 -Dhafnia.fuzz.seed=N} for a longer or another run (each test),
 * {@code -Dhafnia.fuzz.run-seconds=S} for another per-run limit, {@code -Dhafnia.fuzz.verbose=true} to print
 * every refusal. A failure reports the seed, the run, the command line and what it changed; the mutated case of
 * that run is printed with it.
 */
class StudyCommandFuzzTest {

    private static final double DEFAULT_SECONDS = 3;
    private static final int MIN_RUNS = 6;
    /** Per-run limit: a valid run of the tiny case takes about a second on the loaded 2-core machine. */
    private static final double RUN_SECONDS = 60;
    /** Runs of program --compare in the suite (a valid one takes seconds: the weight transfer). */
    private static final int PROGRAM_MIN_RUNS = 3;
    /** Per-run limit of program --compare: a valid run took 5–20 s in-process on the loaded 2-core machine. */
    private static final double PROGRAM_RUN_SECONDS = 120;

    private static final List<String> SCHEMES = List.of("write-verify", "write-verify-denoise", "reset-voltage-control",
            "feedforward", "open-loop", "magic");
    /** Durations (s); the first of this and every list of {@link #maybe} is valid. */
    private static final List<String> TIMES = List.of("1e-3", "0", "-1", "NaN", "Infinity", "1e300", "1e-300", "x", "");

    /** The inputs, shared by the tests (the tiny case is extracted once) and never changed by a run. */
    @TempDir
    static Path dir;

    private static Path in;
    private static Path tiny;
    private static Path compact;
    private static Path ecram;
    private static String tinyText;
    private static String ecramText;
    private static final List<String> badFiles = new ArrayList<>();
    /**
     * What this run changed from a valid input, as a refusal may name it: an option ("--rows"),
     * a case key (its JSON pointer and its name), a file (its name: a bad file, a case whose text
     * was cut). A refused run must name one of them.
     */
    private final List<String> mutated = new ArrayList<>();
    /** This run's probability of mutating each option (0 in a third of the runs: only the optional options vary). */
    private double rate;

    @BeforeAll
    static void inputs() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        tiny = in.resolve("tiny-array.json");
        try (InputStream s = StudyCommandFuzzTest.class.getResourceAsStream("/cases/tiny-array.json")) {
            Files.copy(s, tiny);
        }
        tinyText = Files.readString(tiny);
        ecram = in.resolve("chen2023-ecram.json");
        try (InputStream s = StudyCommandFuzzTest.class.getResourceAsStream("/cases/chen2023-ecram.json")) {
            Files.copy(s, ecram);
        }
        ecramText = Files.readString(ecram);
        Path x = dir.resolve("extract");
        CommandRun r = CommandRun.of("extract", tiny.toString(), "--out", x.toString(), "--threads", "1");
        assertThat(r.status()).as(r.err()).isZero();
        compact = in.resolve("compact.json");
        Files.copy(x.resolve("compact.json"), compact);
        byte[] g = new byte[300];
        new SplittableRandom(2).nextBytes(g);
        Files.write(in.resolve("garbage.json"), g);
        Files.writeString(in.resolve("empty.json"), "");
        for (String f : List.of("garbage.json", "empty.json", "missing.json")) {
            badFiles.add(in.resolve(f).toString());
        }
    }

    /** A case file for this run: {@code base}, or (in half the runs that mutate) one mutation of it or a bad file. */
    private String caseFile(SplittableRandom r, int run, StringBuilder shown, Path base, String baseText) throws IOException {
        int k = r.nextInt(12);
        if (rate == 0 || k < 6) {
            return base.toString();
        }
        if (k == 6) {
            String bad = pick(badFiles, r);
            mutated.add(Path.of(bad).getFileName().toString());
            return bad;
        }
        Path m = in.resolve("mutant-" + run + ".json");
        String text;
        if (k == 7) {
            text = textMutation(r, baseText);
            mutated.add(m.getFileName().toString());
        } else {
            text = Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(treeMutation(r, (ObjectNode) Json.mapper().readTree(baseText), mutated));
        }
        Files.writeString(m, text, StandardCharsets.ISO_8859_1);
        shown.append(text);
        return m.toString();
    }

    /** The case text cut, or with a byte that is not UTF-8, or with a stray character. */
    private static String textMutation(SplittableRandom r, String text) {
        int at = r.nextInt(text.length());
        return switch (r.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + '\u00ff' + text.substring(at);
            default -> text.substring(0, at) + pick(List.of("}", "\"", ",", "\u0000", "]"), r) + text.substring(at);
        };
    }

    /**
     * One key of the case changed, removed or added; values outside the reader's ranges, or small
     * valid ones. Adds to {@code names} what a refusal may name: the key's JSON pointer and name
     * (the added key's for an addition).
     */
    private static ObjectNode treeMutation(SplittableRandom r, ObjectNode root, List<String> names) {
        List<ObjectNode> parents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        collect(root, "", parents, keys, pointers);
        int i = r.nextInt(keys.size());
        ObjectNode parent = parents.get(i);
        String key = keys.get(i);
        JsonNode old = parent.get(key);
        JsonNodeFactory f = JsonNodeFactory.instance;
        int how = r.nextInt(8);
        String named = how == 1 ? "unknown_" + key : key;
        names.add(pointers.get(i).substring(0, pointers.get(i).length() - key.length()) + named);
        names.add("'" + named + "'");
        names.add("\"" + named + "\"");
        switch (how) {
            case 0 -> parent.remove(key);
            case 1 -> parent.put("unknown_" + key, 1);
            case 2 -> parent.set(key, pick(List.of(f.nullNode(), f.booleanNode(true), f.arrayNode(), f.objectNode(),
                    f.textNode(""), f.numberNode(1)), r));
            default -> parent.set(key, mutate(r, old));
        }
        return root;
    }

    private static void collect(ObjectNode o, String at, List<ObjectNode> parents, List<String> keys, List<String> pointers) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            parents.add(o);
            keys.add(e.getKey());
            pointers.add(at + "/" + e.getKey());
            if (e.getValue() instanceof ObjectNode c) {
                collect(c, at + "/" + e.getKey(), parents, keys, pointers);
            }
        }
    }

    /** A value near {@code old}: its sign flipped, extreme magnitudes, NaN, another unit or none. */
    private static JsonNode mutate(SplittableRandom r, JsonNode old) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (old.isNumber()) {
            return pick(List.of(f.numberNode(0), f.numberNode(-1), f.numberNode(2), f.numberNode(1e300), f.numberNode(-1e300),
                    f.numberNode(1e-300), f.numberNode(2.5), f.numberNode(2147483648L), f.textNode("NaN"), f.textNode("x")), r);
        }
        if (old instanceof ArrayNode a) {
            ArrayNode c = a.deepCopy();
            if (c.isEmpty() || r.nextInt(4) == 0) {
                return f.arrayNode();
            }
            c.set(r.nextInt(c.size()), mutate(r, c.get(0)));
            return c;
        }
        if (old.isTextual()) {
            String[] p = old.asText().split(" ", 2);
            if (p.length == 2) {
                String unit = p[1];
                return TextNode.valueOf(pick(List.of("-" + p[0] + " " + unit, "1e300 " + unit, "-1e300 " + unit,
                        "1e-300 " + unit, "0 " + unit, "NaN " + unit, "Infinity " + unit, p[0] + " bananas", p[0], p[0] + " V",
                        p[0] + " K", p[0] + " s", p[0] + unit, p[0] + "  " + unit), r));
            }
            return TextNode.valueOf(pick(List.of("", "x", "NaN", "1", p[0] + "-ish"), r));
        }
        return f.textNode("x");
    }

    private List<String> commandLine(SplittableRandom r, String caseFile, Path out) {
        List<String> a = new ArrayList<>();
        switch (r.nextInt(4)) {
            case 0 -> {
                a.addAll(List.of("denoise", caseFile));
                opt(a, r, "--devices", "1", List.of("0", "-1", "2", "x"));
                opt(a, r, "--amplitudes", "-0.3", List.of("0.3,-0.3", "0", "NaN", "1e300", "-1e300", "-0.3,x", ""));
                opt(a, r, "--widths", "1e-8", TIMES);
                opt(a, r, "--counts", "2", List.of("1", "0", "-1", "x", "2147483648", "2,0"));
                opt(a, r, "--trace-reads", "10", List.of("2", "1", "0", "-1", "x"));
                opt(a, r, "--read-interval", "2e-3", TIMES);
                if (r.nextInt(3) == 0) {
                    a.add("--no-levels");
                } else {
                    opt(a, r, "--probe-levels", "2", List.of("1", "0", "3", "-1"));
                    opt(a, r, "--aim-levels", "2", List.of("1", "0", "2147483647", "-5"));
                    maybe(a, r, "--level-delay", TIMES);
                }
                maybe(a, r, "--gap", TIMES);
                maybe(a, r, "--denoise-ratio", List.of("0.5", "-1", "2", "NaN", "0"));
                maybe(a, r, "--intact-conductance", List.of("0.9", "-1", "2", "NaN"));
                maybe(a, r, "--intact-devices", List.of("0.9", "-1", "2", "NaN"));
            }
            case 1 -> {
                a.addAll(List.of("array", caseFile));
                arrayOptions(a, r);
                maybe(a, r, "--scheme", SCHEMES);
                maybe(a, r, "--engine", List.of("local", "spark", "x"));
                maybe(a, r, "--batch", List.of("1", "2", "0", "-1", "2147483647", "x"));
                maybe(a, r, "--ea-spread", List.of("0", "0.02", "-1", "NaN", "1e300", "0.25", "1", "x"));
                maybe(a, r, "--delay", TIMES);
                maybe(a, r, "--read-interval", TIMES);
                maybe(a, r, "--sequential", List.of("1", "0", "-1", "2147483647", "x"));
                if (r.nextInt(4) == 0) {
                    a.add("--compare-write-verify");
                }
                resume(a, r);
            }
            case 2 -> {
                a.addAll(List.of("sweep", caseFile));
                int n = 1 + r.nextInt(2);
                for (int k = 0; k < n; k++) {
                    a.add("--vary");
                    // The first three are valid variations.
                    List<String> vary = List.of("seed=1,2", "device.read.voltage=-0.15 V,-0.2 V",
                            "array.activation_energy_sigma=0 eV,0.05 eV", "grid.nx=8,0", "physics.nothing=1", "seed=", "=1",
                            "seed", "grid=1", "device.ensemble.devices=1,1e300", "seed=1,x",
                            "physics.mobility.activation_energy=1.2 eV,-1 eV", "initial.islands=2,1.5");
                    String v = pick(rate == 0 ? vary.subList(0, 3) : vary, r);
                    a.add(v);
                    if (vary.indexOf(v) >= 3) {
                        mutated.add("--vary");
                        int eq = v.indexOf('=');
                        if (eq > 0) {
                            mutated.add(v.substring(0, eq));
                        }
                    }
                }
                List<String> inner = new ArrayList<>();
                arrayOptions(inner, r);
                for (int k = 2; k < inner.size(); k += 2) {
                    a.add("--array-option=" + inner.get(k) + "=" + inner.get(k + 1));
                }
                if (mutated.stream().anyMatch(m -> inner.contains(m))) {
                    mutated.add("--array-option");
                }
                if (r.nextInt(6) == 0) {
                    String o = pick(List.of("--bogus", "--resume", "--out", "--scheme", "--rows"), r);
                    a.add("--array-option=" + o + (o.equals("--out") ? "=" + out : o.equals("--scheme") ? "=magic" : ""));
                    mutated.addAll(List.of("--array-option", o));
                }
                resume(a, r);
            }
            default -> a.addAll(List.of("extract", caseFile));
        }
        maybe(a, r, "--threads", List.of("1", "2", "0", "-1", "100000", "x"));
        a.add("--out");
        a.add(out.toString());
        return a;
    }

    /** --resume one time in four: refused where there is nothing to resume. */
    private void resume(List<String> a, SplittableRandom r) {
        if (r.nextInt(4) == 0) {
            a.add("--resume");
            mutated.add("--resume");
        }
    }

    /** --rows, --cols, --levels of a 1 × 2 array at 2 levels, now and then 65 536 on both sides. */
    private void arrayShape(List<String> a, SplittableRandom r) {
        String huge = r.nextDouble() < rate / 4 ? "65536" : null;
        if (huge != null) {
            mutated.addAll(List.of("--rows", "--cols"));
        }
        opt(a, r, "--rows", huge != null ? huge : "1", List.of("2", "0", "-1", "x", "2147483648"));
        opt(a, r, "--cols", huge != null ? huge : "2", List.of("1", "0", "-1", "x"));
        opt(a, r, "--levels", "2", List.of("1", "3", "0", "-1", "2147483647", "x"));
    }

    /** --device, --rows, --cols, --levels, --reads of a tiny array (first two entries: the device option). */
    private void arrayOptions(List<String> a, SplittableRandom r) {
        device(a, r);
        arrayShape(a, r);
        opt(a, r, "--reads", "2", List.of("1", "0", "-1", "x", "2147483648"));
    }

    /** --device: the extracted compact model, or (at this run's rate) a bad file or a case file instead. */
    private void device(List<String> a, SplittableRandom r) {
        int k = r.nextDouble() < rate ? r.nextInt(2) : 2;
        a.add("--device");
        a.add(k == 0 ? pick(badFiles, r) : k == 1 ? tiny.toString() : compact.toString());
        if (k < 2) {
            mutated.addAll(List.of("--device", Path.of(a.get(a.size() - 1)).getFileName().toString()));
        }
    }

    /** The option with its tiny valid value, or (at this run's {@link #rate}) a mutant. */
    private void opt(List<String> a, SplittableRandom r, String option, String valid, List<String> mutants) {
        a.add(option);
        if (r.nextDouble() < rate) {
            a.add(pick(mutants, r));
            mutated.add(option);
        } else {
            a.add(valid);
        }
    }

    /** The option (one time in three) with its first, valid value, or (when this run mutates) any of them. */
    private void maybe(List<String> a, SplittableRandom r, String option, List<String> values) {
        if (r.nextInt(3) == 0) {
            a.add(option);
            String v = rate == 0 ? values.get(0) : pick(values, r);
            a.add(v);
            if (!v.equals(values.get(0))) {
                mutated.add(option);
            }
        }
    }

    private static <T> T pick(List<T> l, SplittableRandom r) {
        return l.get(r.nextInt(l.size()));
    }

    /** The files a successful run of the command must have written. */
    private static List<String> outputs(String command) {
        return switch (command) {
            case "denoise" -> List.of("denoise.json", "denoise-window.png");
            case "array" -> List.of("devices.parquet", "array.json", "array.h5", "levels.png", "array-map.png");
            case "sweep" -> List.of("summary.tsv", "summary.parquet");
            case "program" -> List.of("compare.json", "compare.md", "accuracy-vs-levels.png");
            default -> List.of("compact.json", "crosssim.json", "aihwkit.json", "aihwkit_device.py", "neurosim.txt",
                    "pulse-response.png");
        };
    }

    /** What a refused run may leave in its output folder: the array's resume store, a sweep's finished jobs. */
    private static Predicate<Path> mayChange(String command) {
        return p -> p.startsWith(".batches") || p.toString().contains("/.batches/")
                || command.equals("sweep") && (p.startsWith("cases") || p.getName(0).toString().startsWith("job-"));
    }

    /**
     * Whether the error line names what this run changed ({@link #mutated}): the option, the case
     * key or the file. A refusal of a run that changed nothing names nothing it may.
     */
    private boolean namesWhatChanged(String line) {
        return mutated.stream().anyMatch(line::contains);
    }

    /** One generated run: the command line, its output folder, the case file it names and that file's text if generated. */
    private record Run(List<String> args, Path out, String caseFile, String shown) {
    }

    /** A generator of runs: sets {@link #rate} and fills {@link #mutated} for the run it returns. */
    private interface Generator {
        Run next(SplittableRandom r, int run) throws IOException;
    }

    /** A study command line (denoise, array, sweep, extract) around the tiny case. */
    private Run study(SplittableRandom r, int run) throws IOException {
        rate = List.of(0.0, 0.1, 0.3).get(r.nextInt(3));
        StringBuilder shown = new StringBuilder();
        String caseFile = caseFile(r, run, shown, tiny, tinyText);
        int o = r.nextInt(16);
        Path out = o == 0 ? in : o == 1 ? tiny : dir.resolve("out" + o % 3);
        if (o < 2) {
            mutated.add("--out");
        }
        return new Run(commandLine(r, caseFile, out), out, caseFile, shown.toString());
    }

    /**
     * {@code program --compare} around a tiny crossbar: 1 × 2 devices, 2 levels, one transfer seed,
     * one sweep level count, on the tiny case's compact model or the shipped ECRAM case (its own
     * compact model: no extraction). The weight transfer still programs the classifier's 2 × 65 × 10
     * devices per scheme and trains the classifier, so a valid run takes seconds, not one: the
     * first run mutates nothing, the second at rate 0.3.
     */
    private Run program(SplittableRandom r, int run) throws IOException {
        rate = run == 0 ? 0 : run == 1 ? 0.3 : List.of(0.0, 0.1, 0.3).get(r.nextInt(3));
        StringBuilder shown = new StringBuilder();
        List<String> a = new ArrayList<>(List.of("program", "--compare"));
        String caseFile = null;
        boolean both = r.nextDouble() < rate / 4;
        if (both || r.nextBoolean()) {
            device(a, r);
        }
        if (both || a.size() == 2) {
            caseFile = caseFile(r, run, shown, ecram, ecramText);
            a.addAll(List.of("--case", caseFile));
        }
        if (both) {
            mutated.addAll(List.of("--device", "--case"));
        }
        arrayShape(a, r);
        opt(a, r, "--transfer-seeds", "1", List.of("2", "0", "-1", "1001", "x"));
        opt(a, r, "--sweep-levels", "2", List.of("2,4", "1", "0", "-1", "2,x", "", "1048577", "2147483648"));
        maybe(a, r, "--seed", List.of("1", "-1", "x", "9223372036854775807"));
        if (r.nextDouble() < rate / 2) {
            // Refused with --compare, whatever the scheme.
            a.addAll(List.of("--scheme", pick(SCHEMES, r)));
            mutated.add("--scheme");
        }
        maybe(a, r, "--threads", List.of("1", "2", "0", "-1", "100000", "x"));
        int o = r.nextInt(8);
        Path out = o == 0 ? in : o == 1 ? ecram : dir.resolve("program" + o % 2);
        if (o < 2) {
            mutated.add("--out");
        }
        a.addAll(List.of("--out", out.toString()));
        return new Run(a, out, caseFile, shown.toString());
    }

    @Test
    void everyRandomStudyCommandLineEndsCleanlyWithinItsTimeLimit() throws Exception {
        fuzz("study-command", MIN_RUNS, RUN_SECONDS, this::study);
    }

    @Test
    void everyRandomProgramCompareLineEndsCleanlyWithinItsTimeLimit() throws Exception {
        fuzz("program --compare", PROGRAM_MIN_RUNS, PROGRAM_RUN_SECONDS, this::program);
    }

    private void fuzz(String label, int minRuns, double runSeconds, Generator generator) throws Exception {
        long seed = Long.getLong("hafnia.fuzz.seed", 20261202L);
        double seconds = Double.parseDouble(System.getProperty("hafnia.fuzz.seconds", Double.toString(DEFAULT_SECONDS)));
        SplittableRandom r = new SplittableRandom(seed);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int runs = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        Map<String, Integer> tally = new java.util.TreeMap<>();
        while (System.nanoTime() < deadline || runs < minRuns) {
            mutated.clear();
            Run run = generator.next(r, runs);
            String where = "seed " + seed + ", run " + runs + ": hafnia " + String.join(" ", run.args())
                    + (run.shown().isEmpty() ? "" : "\nwith " + run.caseFile() + ":\n" + run.shown())
                    + "\nchanged: " + (mutated.isEmpty() ? "nothing" : String.join(" ", mutated));
            try {
                boolean no = check(where, run.args(), run.out(), runSeconds);
                refused += no ? 1 : 0;
                tally.merge(run.args().get(0) + (no ? " refused" : " ran"), 1, Integer::sum);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
            Files.deleteIfExists(in.resolve("mutant-" + runs + ".json"));
            runs++;
        }
        System.out.printf("%s fuzz: seed %d, %d runs in %.0f s, %d refused, %d broke the contract; %s%n", label, seed,
                runs, seconds, refused, failures.size(), tally);
        assertThat(failures).as("runs that broke the contract (%d)", failures.size()).isEmpty();
        assertThat(refused).as("the generator reaches both outcomes").isPositive().isLessThan(runs);
    }

    /** The check of a refusal's line is exact: it fails on a line that names another option, key or file. */
    @Test
    void theNamesCheckAcceptsOnlyALineNamingWhatTheRunChanged() {
        mutated.addAll(List.of("--rows", "/device/read/voltage", "'voltage'", "mutant-3.json"));
        assertThat(namesWhatChanged("hafnia array: error: --rows must be between 1 and 65536, got 0")).isTrue();
        assertThat(namesWhatChanged("hafnia array: error: in/tiny.json:9:5: /device/read/voltage: out of range")).isTrue();
        assertThat(namesWhatChanged("hafnia array: error: in/mutant-3.json: line 4: byte 7 (0xff) is not UTF-8")).isTrue();
        assertThat(namesWhatChanged("hafnia array: error: --cols must be between 1 and 65536, got 0")).isFalse();
        assertThat(namesWhatChanged("hafnia array: error: in/tiny.json:9:5: /device/read/width: out of range")).isFalse();
        assertThat(namesWhatChanged("hafnia array: error: in/mutant-4.json: missing key 'width'")).isFalse();
        mutated.clear();
        assertThat(namesWhatChanged("hafnia array: error: --rows must be between 1 and 65536, got 0"))
                .as("a run that changed nothing may not be refused").isFalse();
    }

    /** Runs one command line and checks the contract; returns whether it was refused. */
    private boolean check(String where, List<String> args, Path out, double runSeconds) throws Exception {
        String command = args.get(0);
        Predicate<Path> kept = mayChange(command).negate().and(p -> !p.endsWith(OutputFolder.LOCK));
        Map<Path, String> inputsBefore = FuzzContract.digests(in);
        boolean existed = Files.exists(out);
        Map<Path, String> outBefore = FuzzContract.digests(out, kept);

        CommandRun run = FuzzContract.within(FuzzContract.runLimit(runSeconds), where, args);
        String error = FuzzContract.endsCleanly(where, run);
        FuzzContract.noStagingLeft(where, out);
        assertThat(FuzzContract.digests(in)).as(where + ": an input changed").isEqualTo(inputsBefore);
        if (error == null) {
            for (String f : outputs(command)) {
                assertThat(out.resolve(f)).as(where).isRegularFile();
            }
            return false;
        }
        if (Boolean.getBoolean("hafnia.fuzz.verbose")) {
            System.out.println("refused: " + error);
        }
        assertThat(namesWhatChanged(error)).as(where + "\nthe error names nothing the run changed: " + error).isTrue();
        if (!out.startsWith(in)) {
            assertThat(FuzzContract.digests(out, kept)).as(where + ": a refused run changed its output folder\n" + error)
                    .isEqualTo(outBefore);
            if (!existed && Files.isDirectory(out)) {
                try (var left = Files.list(out)) {
                    assertThat(left.map(out::relativize)).as(where + ": a refused run left a folder\n" + error)
                            .allMatch(mayChange(command));
                }
            }
        }
        return true;
    }

}
