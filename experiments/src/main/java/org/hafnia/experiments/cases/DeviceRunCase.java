package org.hafnia.experiments.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.solver.device.FilmDevice;
import org.hafnia.solver.protocol.VoltageProtocol;
import org.hafnia.solver.protocol.VoltageStep;

/**
 * A plan-view case of {@code hafnia run}, advanced by the one device model {@link FilmDevice}
 * (docs/device.md): its protocol as the constant-voltage segments the device is driven with,
 * one {@link FilmDevice#apply} each (docs/cases.md).
 *
 * @param name        case name
 * @param description free text
 * @param file        the case file
 * @param fingerprint SHA-256 of the case file's bytes; a checkpoint only resumes the same case
 * @param seed        seed of the initial-state generator
 * @param initial     initial φ on {@code model.grid()}
 * @param model       the device physics
 * @param protocol    the pulse protocol in volts and seconds
 * @param rampStep    duration of the constant pieces a ramp is sampled by (s); NaN when no ramp needs one
 * @param segments    the protocol as device segments, in order
 * @param outputs     output and checkpoint intervals, counted in segments
 */
public record DeviceRunCase(String name, String description, Path file, String fingerprint, long seed,
                            ScalarField2D initial, FilmDevice.Model model, VoltageProtocol protocol, double rampStep,
                            List<Segment> segments, RunCase.Outputs outputs) implements RunDeck {

    /** Relative tolerance on a ramp being a whole number of sampling steps: round-off of the division. */
    private static final double WHOLE_STEPS_TOLERANCE = 1e-9;

    public DeviceRunCase {
        segments = List.copyOf(segments);
    }

    /** What the device does next. */
    public sealed interface Segment permits Apply, Read, Mark {
    }

    /** {@code volts} held for {@code duration} s: one {@link FilmDevice#apply}. */
    public record Apply(String label, int pulse, double volts, double duration) implements Segment {
    }

    /** A read: {@code volts} held for {@code width} s (it disturbs the state by the same laws), then G is recorded. */
    public record Read(String label, int pulse, double volts, double width) implements Segment {
    }

    /** A snapshot point (takes no time). */
    public record Mark(String name) implements Segment {
    }

    /**
     * The segments of {@code protocol}: a constant stretch (pulse top, gap, read) is one segment;
     * a ramp from V₁ to V₂ over d (rise, fall, waveform piece) is n = d / {@code rampStep}
     * constant segments (refused unless a whole number) at the voltages of their midpoints,
     * V₁ + (V₂ − V₁)(k + ½)/n: the midpoint rule, second order in the sampling step for the time
     * integral of any smooth function of V along the ramp. Zero-length stretches are dropped.
     */
    public static List<Segment> segments(VoltageProtocol protocol, double rampStep) {
        List<Segment> out = new ArrayList<>();
        int lastPulse = 0;
        for (VoltageStep s : protocol.steps()) {
            if (s instanceof VoltageStep.Ramp r) {
                lastPulse = Math.max(lastPulse, r.pulse());
                if (r.duration() == 0) {
                    continue;
                }
                if (r.from() == r.to()) {
                    out.add(new Apply(r.label(), r.pulse(), r.from(), r.duration()));
                    continue;
                }
                if (Double.isNaN(rampStep)) {
                    throw new InvalidInputException("'" + r.label() + "' ramps from " + r.from() + " V to " + r.to()
                            + " V: a ramp is sampled by constant pieces of /time/step, which the case does not give");
                }
                double x = r.duration() / rampStep;
                long n = Math.round(x);
                if (n < 1 || Math.abs(x - n) > WHOLE_STEPS_TOLERANCE * Math.max(1, x) || n > Integer.MAX_VALUE) {
                    throw new InvalidInputException(String.format(Locale.ROOT,
                            "'%s': the ramp of %.6g s is %.6g pieces of /time/step = %.6g s; make it a whole number",
                            r.label(), r.duration(), x, rampStep));
                }
                double piece = r.duration() / n;
                for (long k = 0; k < n; k++) {
                    out.add(new Apply(r.label(), r.pulse(), r.from() + (r.to() - r.from()) * ((k + 0.5) / n), piece));
                }
            } else if (s instanceof VoltageStep.Read r) {
                out.add(new Read(r.label(), lastPulse, r.voltage(), r.width()));
            } else if (s instanceof VoltageStep.Snapshot snap) {
                out.add(new Mark(snap.name()));
            }
        }
        return out;
    }

    /** Time at the end of each prefix of the segments: {@code t[k]} after the first k (s). */
    public double[] times() {
        double[] t = new double[segments.size() + 1];
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            t[k + 1] = t[k] + (s instanceof Apply a ? a.duration() : s instanceof Read r ? r.width() : 0);
        }
        return t;
    }

    /** Number of reads. */
    public int reads() {
        return (int) segments.stream().filter(s -> s instanceof Read).count();
    }
}
