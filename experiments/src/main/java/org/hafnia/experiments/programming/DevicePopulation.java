package org.hafnia.experiments.programming;

import java.util.function.LongFunction;

import org.hafnia.physics.compact.CompactDevice;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.EcramDevice;
import org.hafnia.physics.compact.EcramParameters;

/**
 * The devices an array is built of and what a tester knows of them: the mean model (extracted,
 * or the datasheet of a compact model) and the amplitudes at which the devices were
 * characterised. A scheme may apply other amplitudes, but a calibrated scheme uses only these.
 *
 * @param name               a label
 * @param model              the mean device a tester knows
 * @param characterisedRange {smallest, largest} |V| characterised (V)
 * @param devices            device of a seed, metered
 */
public record DevicePopulation(String name, CompactDeviceParameters model, double[] characterisedRange,
                               LongFunction<MeteredDevice> devices) {

    public DevicePopulation {
        if (!(characterisedRange.length == 2 && characterisedRange[0] > 0
                && characterisedRange[1] >= characterisedRange[0])) {
            throw new IllegalArgumentException("characterised range must be 0 < min ≤ max");
        }
        characterisedRange = characterisedRange.clone();
    }

    /** Stochastic compact devices of {@code p} (an extraction), characterised over {@code range}. */
    public static DevicePopulation compact(String name, CompactDeviceParameters p, double[] range) {
        return new DevicePopulation(name, p, range, seed -> {
            CompactDevice d = new CompactDevice(p, seed);
            return new MeteredDevice(d, d::conductance, p.readVoltage(), p.readWidth());
        });
    }

    /**
     * Compact devices of {@code p} characterised from the threshold to the reference amplitudes,
     * [max(Vth, 10 mV), max(Vset, |Vreset|)]: the extraction's range when nothing else is known.
     */
    public static DevicePopulation compact(String name, CompactDeviceParameters p) {
        return compact(name, p, new double[] {Math.max(p.vThreshold(), 0.01), Math.max(p.vSet(), -p.vReset())});
    }

    /** ECRAM cells of {@code e}, known by their nominal linear model, characterised over {@code range}. */
    public static DevicePopulation ecram(String name, EcramParameters e, double[] range) {
        return new DevicePopulation(name, e.nominal(), range, seed -> {
            EcramDevice d = new EcramDevice(e, seed);
            return new MeteredDevice(d, d::conductance, e.readVoltage(), e.readWidth());
        });
    }

    /** {smallest, largest} characterised |V| (V), a copy. */
    @Override
    public double[] characterisedRange() {
        return characterisedRange.clone();
    }

    /** Clamps |V| into the characterised range, keeping the sign. */
    public double clamp(double amplitude) {
        double a = Math.max(characterisedRange[0], Math.min(characterisedRange[1], Math.abs(amplitude)));
        return Math.copySign(a, amplitude);
    }
}
