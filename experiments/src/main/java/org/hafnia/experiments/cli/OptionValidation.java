package org.hafnia.experiments.cli;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hafnia.meshes.InvalidInputException;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The one validation layer of the command line's numeric options, applied to every command
 * before it runs: each floating-point value (also in lists and arrays) must be finite, and each value of
 * an option annotated {@link Range} must lie in its range. The message names the option, the
 * range and the value given. Also finds the command's file arguments (its inputs) and its
 * output folder, for {@link org.hafnia.postprocess.io.OutputFolder}.
 */
final class OptionValidation {

    /** The option of every command that names its output folder. */
    static final String OUT_OPTION = "--out";
    /** The label of a positional parameter that names an output file (hafnia convert IN OUT). */
    static final String OUT_LABEL = "OUT";
    /** The option that chooses an array engine (array, sweep): only --engine spark writes to a URI. */
    static final String ENGINE_OPTION = "--engine";

    private OptionValidation() {
    }

    /** Refuses the first value of {@code spec}'s arguments that is not finite or out of range. */
    static void validate(CommandSpec spec) {
        for (ArgSpec arg : spec.args()) {
            Object value = arg.getValue();
            Range range = arg.userObject() instanceof Field f ? f.getAnnotation(Range.class) : null;
            if (value instanceof Collection<?> c) {
                for (Object v : c) {
                    check(arg, v, range);
                }
            } else if (value instanceof double[] a) {
                for (double v : a) {
                    check(arg, v, range);
                }
            } else if (value instanceof int[] a) {
                // int[] options (denoise --counts) went unchecked: the fuzz found --counts 2,0 past the range.
                for (int v : a) {
                    check(arg, v, range);
                }
            } else if (value instanceof long[] a) {
                for (long v : a) {
                    check(arg, v, range);
                }
            } else {
                check(arg, value, range);
            }
        }
        java.net.URI uri = outputUri(spec);
        if (uri != null) {
            OptionSpec engine = spec.findOption(ENGINE_OPTION);
            if (engine == null) {
                throw new InvalidInputException(OUT_OPTION + " " + uri + ": a URI; only hafnia array and hafnia sweep write to a"
                        + " Hadoop-compatible URI, with --engine spark (docs/spark.md); give a local or mounted folder");
            }
            if (!org.hafnia.experiments.array.ArrayEngines.SPARK.equals(engine.getValue())) {
                throw new InvalidInputException(OUT_OPTION + " " + uri + ": a URI is a run folder of --engine spark only"
                        + " (Hadoop's FileSystem, docs/spark.md); add --engine spark or give a local or mounted folder");
            }
        }
    }

    /**
     * The {@value #OUT_OPTION} of the command as the command line gave it, when it is a URI
     * ({@code scheme://…}, {@code scheme:/…}), else null. A URI is not a folder of this machine:
     * {@code Path.of("hdfs://nn/x")} would be the relative {@code hdfs:/nn/x}, so the text is taken
     * as typed.
     *
     * @throws InvalidInputException when it starts like a URI but is none
     */
    static java.net.URI outputUri(CommandSpec spec) {
        Path out = outputFolder(spec);
        if (out == null || out.getNameCount() < 2 || !out.getName(0).toString().matches("[A-Za-z][A-Za-z0-9+.-]*:")) {
            return null;
        }
        ArgSpec given = spec.commandLine().getParseResult() == null ? null
                : spec.commandLine().getParseResult().matchedOption(OUT_OPTION);
        String text = given == null || given.originalStringValues().isEmpty() ? out.toString()
                : given.originalStringValues().get(given.originalStringValues().size() - 1);
        try {
            return new java.net.URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException(OUT_OPTION + " " + text + ": not a URI (" + e.getReason() + " at index " + e.getIndex()
                    + ")");
        }
    }

    private static void check(ArgSpec arg, Object value, Range range) {
        if (!(value instanceof Number n)) {
            return;
        }
        double v = n.doubleValue();
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(v)) {
            throw new InvalidInputException(name(arg) + " must be a finite number" + rangeText(range) + ", got " + value);
        }
        if (range != null && !(v >= range.min() && v <= range.max())) {
            throw new InvalidInputException(name(arg) + " must be" + rangeText(range) + ", got " + value);
        }
    }

    private static String rangeText(Range r) {
        if (r == null) {
            return "";
        }
        String unit = r.unit().isEmpty() ? "" : " " + r.unit();
        boolean lo = r.min() != Double.NEGATIVE_INFINITY;
        boolean hi = r.max() != Double.POSITIVE_INFINITY;
        // min = Double.MIN_VALUE is how a range says "positive": written "> 0", not as 4.9E-324.
        String low = r.min() == Double.MIN_VALUE ? " > 0" + unit : " ≥ " + plain(r.min()) + unit;
        if (lo && hi) {
            return r.min() == Double.MIN_VALUE ? low + " and ≤ " + plain(r.max()) + unit
                    : " between " + plain(r.min()) + " and " + plain(r.max()) + unit;
        }
        return lo ? low : hi ? " ≤ " + plain(r.max()) + unit : "";
    }

    private static String plain(double x) {
        return Math.abs(x) >= 1e7 ? Double.toString(x) : BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : ((PositionalParamSpec) arg).paramLabel();
    }

    /** The output folder of the command ({@value #OUT_OPTION}, default applied), or null. */
    static Path outputFolder(CommandSpec spec) {
        OptionSpec o = spec.findOption(OUT_OPTION);
        return o != null && o.getValue() instanceof Path p ? p : null;
    }

    /** An output file named by a positional parameter labelled {@value #OUT_LABEL}, or null. */
    static Path outputFile(CommandSpec spec) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (OUT_LABEL.equals(p.paramLabel()) && p.getValue() instanceof Path f) {
                return f;
            }
        }
        return null;
    }

    /** Every file or folder the command reads: the values of its path arguments that are not outputs. */
    static List<Path> inputs(CommandSpec spec) {
        List<Path> in = new ArrayList<>();
        for (ArgSpec arg : spec.args()) {
            if (arg instanceof OptionSpec o && o.longestName().equals(OUT_OPTION)
                    || arg instanceof PositionalParamSpec p && OUT_LABEL.equals(p.paramLabel())) {
                continue;
            }
            Object v = arg.getValue();
            if (v instanceof Path p) {
                in.add(p);
            } else if (v instanceof Collection<?> c) {
                c.stream().filter(Path.class::isInstance).map(Path.class::cast).forEach(in::add);
            }
        }
        return in;
    }
}
