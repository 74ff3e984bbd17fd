package org.hafnia.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.meshes.InvalidInputException;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of one array study, declared once: {@code hafnia array} has them (it extends this
 * class), and {@code hafnia sweep} mixes them in and hands the ones given to every job
 * ({@link #given}). Ranges are checked by {@link OptionValidation} before either command runs; the
 * bounds are those of the case reader for the same quantities (docs/array.md).
 */
public class ArrayOptions {

    @Option(names = "--rows", defaultValue = "256", description = "Array rows (default: ${DEFAULT-VALUE}).")
    @Range(min = 1, max = 1 << 16)
    int rows;

    @Option(names = "--cols", defaultValue = "256", description = "Array columns (default: ${DEFAULT-VALUE}).")
    @Range(min = 1, max = 1 << 16)
    int cols;

    @Option(names = "--levels", defaultValue = "2048", description = "Target levels N (default: ${DEFAULT-VALUE}).")
    @Range(min = 1, max = 1 << 20)
    int levels;

    @Option(names = "--scheme", defaultValue = "write-verify-denoise", description = "Programming scheme (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--device", description = "compact.json from hafnia extract: what the scheme knows (default: extracted from the case).")
    Path device;

    @Option(names = "--batch", defaultValue = "16", description = "Devices per committed batch (default: ${DEFAULT-VALUE}).")
    @Range(min = 1)
    int batch;

    /** Null: the case's {@code array.activation_energy_sigma} ({@link DeviceCaseFile#activationEnergySigma()}). */
    @Option(names = "--ea-spread", paramLabel = "EV",
            description = "σ of the activation energy over devices, eV: overrides the case's array.activation_energy_sigma (default: the case's, 0 when it has none; docs/array.md).")
    @Range(min = 0, max = DeviceCaseFile.MAX_ACTIVATION_ENERGY_SIGMA, unit = "eV")
    Double eaSpread;

    /** Upper bounds of the times: those of the case reader's drift times and trace interval (DeviceCaseFile). */
    @Option(names = "--delay", defaultValue = "10", description = "Idle time between programming and the reads, s (default: ${DEFAULT-VALUE}).")
    @Range(min = 0, max = 1e9, unit = "s")
    double delay;

    @Option(names = "--reads", defaultValue = "20", description = "Reads after the delay (default: ${DEFAULT-VALUE}).")
    @Range(min = 1, max = 1_000_000)
    int reads;

    @Option(names = "--read-interval", defaultValue = "1e-3", description = "Time between those reads, s (default: ${DEFAULT-VALUE}).")
    @Range(min = Double.MIN_VALUE, max = 1e3, unit = "s")
    double readInterval;

    /** Null: three time constants of the extracted train (ProgrammingScheme.Settings#denoiseTrain). */
    @Option(names = "--denoise-pulses", paramLabel = "N",
            description = "Pulses per denoising train of write-verify-denoise; 0 leaves the train out (default: 3 × the extracted n_d, within the pulse budget).")
    @Range(min = 0, max = 1_000_000)
    Integer denoisePulses;

    @Option(names = "--compare-write-verify", description = "Also run the study with write-verify (DIR/write-verify) and write compare.md.")
    boolean compare;

    @Option(names = "--sequential", defaultValue = "0", description = "Also walk K devices (seeds of row −1, columns 0…K−1) through every level in turn: sequential.parquet (default: ${DEFAULT-VALUE}).")
    @Range(min = 0, max = 1 << 16)
    int sequential;

    /** The scheme of {@code --scheme}; an unknown name is refused naming the option. */
    ProgrammingScheme programmingScheme() {
        try {
            return ProgrammingScheme.of(scheme);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--scheme " + scheme + ": " + e.getMessage());
        }
    }

    /**
     * The options of {@code mixin} (a mixin of {@code spec}) that the command line gave, as
     * {@code --name=value} arguments (a flag as its name), for a nested {@code hafnia array}.
     */
    static List<String> given(CommandSpec spec, String mixin) {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.mixins().get(mixin).options()) {
            ArgSpec matched = parsed.matchedOption(o.longestName());
            if (matched == null) {
                continue;
            }
            if (o.arity().max() == 0) {
                if (Boolean.TRUE.equals(matched.getValue())) {
                    args.add(o.longestName());
                }
            } else {
                for (String v : matched.originalStringValues()) {
                    args.add(o.longestName() + "=" + v);
                }
            }
        }
        return args;
    }
}
