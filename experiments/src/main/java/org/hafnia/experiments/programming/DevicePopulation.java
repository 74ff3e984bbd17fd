package org.hafnia.experiments.programming;

import java.util.Arrays;
import java.util.function.LongFunction;

import org.hafnia.physics.compact.CompactDevice;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.EcramDevice;
import org.hafnia.physics.compact.EcramParameters;

/**
 * The devices an array is built of and what a tester knows of them: the mean model (extracted,
 * or the datasheet of a compact model) and the amplitudes and pulse widths at which the devices
 * were characterised. A scheme may apply other pulses, but a calibrated scheme uses only these.
 *
 * @param name                a label
 * @param model               the mean device a tester knows
 * @param characterisedRange  {smallest, largest} |V| characterised (V)
 * @param characterisedWidths the pulse widths characterised (s), increasing, distinct
 * @param devices             device of a seed, metered
 */
public record DevicePopulation(String name, CompactDeviceParameters model, double[] characterisedRange,
                               double[] characterisedWidths, LongFunction<MeteredDevice> devices) {

    public DevicePopulation {
        if (!(characterisedRange.length == 2 && characterisedRange[0] > 0
                && characterisedRange[1] >= characterisedRange[0])) {
            throw new IllegalArgumentException("characterised range must be 0 < min ≤ max");
        }
        characterisedRange = characterisedRange.clone();
        characterisedWidths = Arrays.stream(characterisedWidths).distinct().sorted().toArray();
        if (characterisedWidths.length == 0 || !(characterisedWidths[0] > 0)) {
            throw new IllegalArgumentException("characterised widths must be positive, at least one");
        }
    }

    /** Stochastic compact devices of {@code p} (an extraction), characterised over {@code range} at the reference width. */
    public static DevicePopulation compact(String name, CompactDeviceParameters p, double[] range) {
        return compact(name, p, range, new double[] {p.pulseWidth()});
    }

    /** Stochastic compact devices of {@code p}, characterised over {@code range} at each of {@code widths} (s). */
    public static DevicePopulation compact(String name, CompactDeviceParameters p, double[] range, double[] widths) {
        return new DevicePopulation(name, p, range, widths, seed -> new MeteredDevice(new CompactDevice(p, seed)));
    }

    /**
     * Compact devices of {@code p} characterised from the threshold to the reference amplitudes,
     * [max(Vth, 10 mV), max(Vset, |Vreset|)]: the extraction's range when nothing else is known.
     */
    public static DevicePopulation compact(String name, CompactDeviceParameters p) {
        return compact(name, p, new double[] {Math.max(p.vThreshold(), 0.01), Math.max(p.vSet(), -p.vReset())});
    }

    /** ECRAM cells of {@code e}, known by their nominal linear model, characterised over {@code range} at {@code widths} (s). */
    public static DevicePopulation ecram(String name, EcramParameters e, double[] range, double[] widths) {
        return new DevicePopulation(name, e.nominal(), range, widths, seed -> new MeteredDevice(new EcramDevice(e, seed)));
    }

    /** {smallest, largest} characterised |V| (V), a copy. */
    @Override
    public double[] characterisedRange() {
        return characterisedRange.clone();
    }

    /** The characterised pulse widths (s), increasing, a copy. */
    @Override
    public double[] characterisedWidths() {
        return characterisedWidths.clone();
    }

    /** Clamps |V| into the characterised range, keeping the sign. */
    public double clamp(double amplitude) {
        double a = Math.max(characterisedRange[0], Math.min(characterisedRange[1], Math.abs(amplitude)));
        return Math.copySign(a, amplitude);
    }
}
