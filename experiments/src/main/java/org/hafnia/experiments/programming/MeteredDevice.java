package org.hafnia.experiments.programming;

import java.util.function.DoubleSupplier;

import org.hafnia.physics.compact.ResistiveDevice;

/**
 * A device that counts the pulses a scheme spends, the smallest and largest |V| it applied, and
 * the Joule energy V² G τ of each pulse and read (G the device's noise-free conductance when the
 * pulse or read starts; a first-order model: the I–V is taken as ohmic at the pulse amplitude).
 */
public final class MeteredDevice implements ResistiveDevice {

    private final ResistiveDevice device;
    private final DoubleSupplier conductance;
    private final double readVoltage;
    private final double readWidth;
    private int pulses;
    private double energy;
    private double smallest = Double.POSITIVE_INFINITY;
    private double largest;

    /**
     * @param device      the device
     * @param conductance its noise-free conductance (S), for the energy
     * @param readVoltage its read voltage (V)
     * @param readWidth   its read width (s)
     */
    public MeteredDevice(ResistiveDevice device, DoubleSupplier conductance, double readVoltage, double readWidth) {
        this.device = device;
        this.conductance = conductance;
        this.readVoltage = readVoltage;
        this.readWidth = readWidth;
    }

    @Override
    public void pulse(double amplitude, double width) {
        energy += amplitude * amplitude * conductance.getAsDouble() * width;
        pulses++;
        smallest = Math.min(smallest, Math.abs(amplitude));
        largest = Math.max(largest, Math.abs(amplitude));
        device.pulse(amplitude, width);
    }

    @Override
    public double read() {
        energy += readVoltage * readVoltage * conductance.getAsDouble() * readWidth;
        return device.read();
    }

    /** A read outside the scheme (the evaluation read): not metered. */
    double evaluationRead() {
        return device.read();
    }

    @Override
    public void idle(double seconds) {
        device.idle(seconds);
    }

    @Override
    public double time() {
        return device.time();
    }

    int pulses() {
        return pulses;
    }

    double energy() {
        return energy;
    }

    /** Smallest |V| applied (V), +∞ if no pulse. */
    double smallestAmplitude() {
        return smallest;
    }

    /** Largest |V| applied (V), 0 if no pulse. */
    double largestAmplitude() {
        return largest;
    }
}
