package org.hafnia.physics.compact;

/**
 * A simulated two-terminal resistive device as a crossbar sees it: pulses change its state,
 * reads return its conductance. Positive amplitudes are SET polarity (conductance up), negative
 * RESET polarity (down); amplitudes below the switching threshold change the state only
 * through slow processes such as denoising. Every call advances the device's own clock.
 * Implementations are not thread-safe; one thread drives one device.
 */
public interface ResistiveDevice {

    /**
     * Applies one voltage pulse.
     *
     * @param amplitude pulse amplitude (V), sign = polarity
     * @param width     pulse width (s), > 0
     */
    void pulse(double amplitude, double width);

    /** One read at the device's read voltage: the conductance (S), noise included. */
    double read();

    /** Lets {@code seconds} pass without bias (retention, relaxation). */
    void idle(double seconds);

    /** The device clock (s) since it was made. */
    double time();
}
