package org.hafnia.experiments.programming;

import org.hafnia.physics.compact.ResistiveDevice;

/**
 * A device that counts the pulses a scheme spends, the smallest and largest |V| and width it
 * applied, and the energy of each pulse and read by the device's own law
 * ({@link ResistiveDevice#pulseEnergy}, {@link ResistiveDevice#readEnergy}).
 */
public final class MeteredDevice implements ResistiveDevice {

    private final ResistiveDevice device;
    private int pulses;
    private double energy;
    private double smallest = Double.POSITIVE_INFINITY;
    private double largest;
    private double shortest = Double.POSITIVE_INFINITY;
    private double longest;

    /** Meters {@code device}. */
    public MeteredDevice(ResistiveDevice device) {
        this.device = device;
    }

    @Override
    public void pulse(double amplitude, double width) {
        energy += device.pulseEnergy(amplitude, width);
        pulses++;
        smallest = Math.min(smallest, Math.abs(amplitude));
        largest = Math.max(largest, Math.abs(amplitude));
        shortest = Math.min(shortest, width);
        longest = Math.max(longest, width);
        device.pulse(amplitude, width);
    }

    @Override
    public double read() {
        energy += device.readEnergy();
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

    /** Shortest pulse width applied (s), +∞ if no pulse. */
    double shortestWidth() {
        return shortest;
    }

    /** Longest pulse width applied (s), 0 if no pulse. */
    double longestWidth() {
        return longest;
    }
}
