package org.hafnia.experiments.programming;

import org.hafnia.physics.compact.CompactDevice;
import org.hafnia.physics.compact.ResistiveDevice;

/**
 * A compact device that counts the pulses a scheme spends and the Joule energy
 * V² G τ of each (G the device's noise-free conductance when the pulse or read starts; a
 * first-order model: the I–V is taken as ohmic at the pulse amplitude).
 */
final class MeteredDevice implements ResistiveDevice {

    private final CompactDevice device;
    private int pulses;
    private double energy;

    MeteredDevice(CompactDevice device) {
        this.device = device;
    }

    CompactDevice device() {
        return device;
    }

    @Override
    public void pulse(double amplitude, double width) {
        energy += amplitude * amplitude * device.conductance() * width;
        pulses++;
        device.pulse(amplitude, width);
    }

    @Override
    public double read() {
        double v = device.parameters().readVoltage();
        energy += v * v * device.conductance() * device.parameters().readWidth();
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
}
