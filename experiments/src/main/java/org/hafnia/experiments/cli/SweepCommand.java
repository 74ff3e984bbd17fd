package org.hafnia.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hafnia.experiments.array.ArrayEngine;
import org.hafnia.experiments.array.ArrayEngines;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.LocalRunStorage;
import org.hafnia.postprocess.io.OutputFolder;
import org.hafnia.postprocess.io.ParquetTable;
import org.hafnia.postprocess.io.RunStorage;
import org.hafnia.postprocess.io.StoredOutput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia sweep}: the cartesian product of case variations, each an independent {@code hafnia array} job. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Run hafnia array over the cartesian product of case variations.",
        description = {"--vary KEY=V1,V2,... sets the case key KEY (a dotted path, e.g. device.read.voltage) to each value",
            "(JSON numbers stay numbers, anything else is a string such as \"0.7 V\"). Each combination is a job",
            "on --engine (the jobs of a Spark sweep share one Spark session):",
            "DIR/cases/job-NNN.json (the varied case) and DIR/job-NNN (its hafnia array outputs); summary.tsv and summary.parquet list every job.",
            "The array options (--rows, --levels, --scheme, ...) and --threads given are passed to every job."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CASE.json", description = "The device case to vary.")
    Path casePath;

    @Option(names = "--vary", required = true, description = "KEY=V1,V2,... (repeatable).")
    List<String> vary;

    @Option(names = "--out", defaultValue = "out/sweep",
            description = "Output folder, or with --engine spark a Hadoop URI: hdfs://…, s3a://…, file:///… (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--array-option", description = "An option passed to every hafnia array job, e.g. --array-option=--rows=16 (repeatable).")
    List<String> arrayOptions = new ArrayList<>();

    @Option(names = "--engine", defaultValue = "local", description = "Engine of every job: local or spark (hafnia array --engine; default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", description = "Spark master URL of every job under --engine spark (hafnia array --master).")
    String master;

    /** The options of the array study, the same declarations as hafnia array's: those given go to every job. */
    @Mixin(name = "array")
    ArrayOptions array;

    @Mixin(name = "threads")
    ThreadsOption threads;

    @Option(names = "--resume", description = "Skip finished jobs and resume unfinished ones.")
    boolean resume;

    /** How a job's refusal begins (Hafnia's one error line of hafnia array). */
    private static final String JOB_ERROR = "hafnia array: error: ";

    private record Variation(String key, List<String> values) {
    }

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        // Refused before any job file is written: an unknown engine, or Spark not on the class path, or a URI
        // --out whose scheme the Spark session resolves no FileSystem for.
        ArrayEngine runner = ArrayEngines.named(engine);
        java.net.URI uri = OptionValidation.outputUri(spec);
        if (uri == null) {
            return sweep(new LocalRunStorage(out), null, log);
        }
        RunStorage folder = runner.storage(uri, new ArrayEngine.Settings(threads.resolve(), master));
        return UriOutput.run(spec, folder, "sweep", (cases, held) -> sweep(held, cases, log));
    }

    /**
     * The jobs into {@code folder}: {@code out} itself, or a store that is not this machine's file
     * system; then a job reads its case from the local folder {@code localCases} and writes to the
     * store through its URI.
     */
    private int sweep(RunStorage folder, Path localCases, PrintWriter log) {
        List<Variation> vs = new ArrayList<>();
        for (String v : vary) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new InvalidInputException("--vary " + v + ": expected KEY=V1,V2,...");
            }
            vs.add(new Variation(v.substring(0, eq), List.of(v.substring(eq + 1).split(","))));
        }
        String text;
        try {
            // Refused at the first byte that is not UTF-8, with its line (not "Input length = 1").
            text = org.hafnia.postprocess.io.Json.utf8(Files.readAllBytes(casePath), casePath.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(casePath + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(casePath + ": cannot read: " + AtomicFiles.reason(e));
        }
        int jobs = 1;
        for (Variation v : vs) {
            jobs *= v.values().size();
        }
        List<String[]> jobValues = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            ObjectNode root = parse(text);
            String[] values = new String[vs.size()];
            int rest = j;
            for (int k = vs.size() - 1; k >= 0; k--) {
                Variation v = vs.get(k);
                values[k] = v.values().get(rest % v.values().size());
                rest /= v.values().size();
                set(root, v.key(), values[k]);
            }
            jobValues.add(values);
            documents.add(root.toPrettyString());
        }
        String[] job = new String[jobs];
        String[][] keyColumns = new String[vs.size()][jobs];
        int[] distinguishable = new int[jobs];
        double[][] metrics = new double[6][jobs];
        String[] names = {"sigma_S", "rmse_percent", "yield", "pulses_mean", "programming_time_s_mean", "wall_s"};
        StringBuilder tsv = new StringBuilder("job");
        vs.forEach(v -> tsv.append('\t').append(v.key()));
        tsv.append("\tlevels_distinguishable");
        for (String n : names) {
            tsv.append('\t').append(n);
        }
        tsv.append('\n');
        for (int j = 0; j < jobs; j++) {
            job[j] = String.format(Locale.ROOT, "job-%03d", j);
            RunStorage dir = folder.folder(job[j]);
            // Beside the job's output folder, not in it: an output folder never holds its own input.
            String jobCaseName = "cases/" + job[j] + ".json";
            Path jobCase = localCases == null ? out.resolve(jobCaseName) : localCases.resolve(job[j] + ".json");
            if (resume && dir.exists()) {
                // A job killed while its set was being moved into place is rolled forward before its
                // array.json is trusted as the mark of a finished job (OutputFolder, docs/reliability.md).
                if (localCases == null) {
                    OutputFolder.lock(out.resolve(job[j])).close();
                } else {
                    StoredOutput.settle(dir);
                }
            }
            if (!(resume && dir.isFile("array.json"))) {
                dir.create();
                byte[] document = documents.get(j).getBytes(StandardCharsets.UTF_8);
                folder.write(jobCaseName, o -> o.write(document));
                if (localCases != null) {
                    AtomicFiles.write(jobCase, o -> o.write(document));
                }
                String jobOut = localCases == null ? out.resolve(job[j]).toString() : jobUri(folder, job[j]);
                List<String> args = new ArrayList<>(List.of("array", jobCase.toString(), "--out", jobOut));
                if (!engine.equals(ArrayEngines.LOCAL)) {
                    args.addAll(List.of("--engine", engine));
                }
                if (master != null) {
                    args.addAll(List.of("--master", master));
                }
                args.addAll(ArrayOptions.given(spec, "array"));
                args.addAll(ArrayOptions.given(spec, "threads"));
                args.addAll(arrayOptions);
                if (resume) {
                    args.add("--resume");
                }
                CommandLine cl = Hafnia.commandLine();
                cl.setOut(spec.commandLine().getOut());
                StringWriter jobErr = new StringWriter();
                cl.setErr(new PrintWriter(jobErr));
                int status = cl.execute(args.toArray(String[]::new));
                cl.getErr().flush();
                String failure = null;
                PrintWriter err = spec.commandLine().getErr();
                for (String line : jobErr.toString().lines().toList()) {
                    if (line.startsWith(JOB_ERROR) && failure == null) {
                        failure = line.substring(JOB_ERROR.length());
                    } else {
                        err.println(line); // notes, and a --debug stack trace
                    }
                }
                err.flush();
                if (status == Hafnia.EXIT_BAD_INPUT && failure != null) {
                    throw new InvalidInputException(jobFailure(j, vs, jobValues.get(j), jobCase, failure));
                }
                if (status != 0) {
                    if (failure != null) {
                        err.println(JOB_ERROR + failure);
                        err.flush();
                    }
                    return status;
                }
            }
            JsonNode s;
            try {
                s = Json.mapper().readTree(dir.read("array.json"));
            } catch (UncheckedIOException e) {
                throw new InvalidInputException(e.getMessage()); // names the file
            } catch (IOException e) {
                throw new InvalidInputException(dir.location() + "/array.json: " + e.getMessage());
            }
            tsv.append(job[j]);
            for (int k = 0; k < vs.size(); k++) {
                keyColumns[k][j] = jobValues.get(j)[k];
                tsv.append('\t').append(keyColumns[k][j]);
            }
            distinguishable[j] = s.path("levels_distinguishable").isNumber() ? s.get("levels_distinguishable").asInt() : -1;
            tsv.append('\t').append(distinguishable[j]);
            for (int m = 0; m < names.length; m++) {
                metrics[m][j] = s.path(names[m]).asDouble(Double.NaN);
                tsv.append('\t').append(metrics[m][j]);
            }
            tsv.append('\n');
        }
        ParquetTable t = new ParquetTable("job", jobs).strings("job", job);
        for (int k = 0; k < vs.size(); k++) {
            t.strings(vs.get(k).key(), keyColumns[k]);
        }
        t.ints("levels_distinguishable", distinguishable);
        for (int m = 0; m < names.length; m++) {
            t.doubles(names[m], metrics[m]);
        }
        if (localCases == null) {
            t.write(out.resolve("summary.parquet"));
        } else {
            // The Parquet writer writes local files: written beside the job cases, then copied to the store.
            Path summary = localCases.resolve("summary.parquet");
            t.write(summary);
            folder.write("summary.parquet", o -> Files.copy(summary, o));
        }
        folder.write("summary.tsv", o -> o.write(tsv.toString().getBytes(StandardCharsets.UTF_8)));
        log.print(tsv);
        log.printf("wrote %s%n", localCases == null ? out.toAbsolutePath().normalize() : folder.location());
        log.flush();
        return 0;
    }

    /** The URI of job {@code job}'s folder in the store {@code folder} (given as a URI). */
    private static String jobUri(RunStorage folder, String job) {
        String base = folder.location();
        return (base.endsWith("/") ? base : base + "/") + job;
    }

    /**
     * A job's refusal in the user's terms: the user's case file, the job and the values the
     * variations gave it, then the job's own message without the location in the generated job
     * case (cases/job-NNN.json: its lines are not the user's, and a refused sweep removes a folder
     * it created); the JSON pointer in the message names the key:
     * {@code sweep.json: job 3 (array.activation_energy_sigma = -1 eV): /array/activation_energy_sigma: out of range: …}.
     */
    private String jobFailure(int j, List<Variation> vs, String[] values, Path jobCase, String failure) {
        StringBuilder m = new StringBuilder().append(casePath).append(": job ").append(j).append(" (");
        for (int k = 0; k < vs.size(); k++) {
            m.append(k == 0 ? "" : ", ").append(vs.get(k).key()).append(" = ").append(values[k].strip());
        }
        m.append("): ");
        Matcher at = Pattern.compile(Pattern.quote(jobCase.toString()) + "(:\\d+:\\d+)?: ").matcher(failure);
        return m.append(at.lookingAt() ? failure.substring(at.end()) : failure).toString();
    }

    private ObjectNode parse(String text) {
        try {
            JsonNode n = Json.mapper().readTree(text);
            if (!(n instanceof ObjectNode o)) {
                throw new InvalidInputException(casePath + ": expected a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new InvalidInputException(casePath + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Sets the existing key at the dotted path {@code key} to {@code value} (a JSON number or a string). */
    private void set(ObjectNode root, String key, String value) {
        String[] parts = key.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
            if (!(node instanceof ObjectNode)) {
                throw new InvalidInputException("--vary " + key + ": " + casePath + " has no object at " + parts[i]);
            }
        }
        ObjectNode parent = (ObjectNode) node;
        String last = parts[parts.length - 1];
        if (!parent.has(last)) {
            throw new InvalidInputException("--vary " + key + ": " + casePath + " has no key " + key);
        }
        String v = value.strip();
        var f = Json.mapper().getNodeFactory();
        if (v.matches("-?(0|[1-9][0-9]{0,17})")) {
            parent.set(last, f.numberNode(Long.parseLong(v)));
        } else if (v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            parent.set(last, f.numberNode(Double.parseDouble(v)));
        } else {
            parent.set(last, TextNode.valueOf(value));
        }
    }
}
