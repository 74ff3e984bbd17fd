package org.hafnia.physics.compact;

/**
 * A simulated two-terminal resistive device as a crossbar sees it: pulses change its state,
 * reads return its conductance. Positive amplitudes are SET polarity (conductance up), negative
 * RESET polarity (down); amplitudes below the switching threshold change the state only
 * through slow processes such as denoising. Every call advances the device's own clock.
 * Implementations are not thread-safe; one thread drives one device.
 *
 * <p>Each device has its own energy law ({@link #pulseEnergy}, {@link #readEnergy}): a two-terminal
 * cell dissipates the Joule energy V²Gτ in its own conductance ({@link #joule}), a three-terminal
 * cell's write is a gate pulse whose energy is set by the gate charge. A meter asks the device
 * before each pulse or read; it never branches on the device's type.
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

    /**
     * The energy (J) the drivers deliver in one pulse of this amplitude and width from the present
     * state, at the device's mean response (the cycle-to-cycle scatter of one step averages out over
     * a train). Changes nothing. NaN where the device models no energy (test fixtures).
     */
    default double pulseEnergy(double amplitude, double width) {
        return Double.NaN;
    }

    /** The energy (J) of one {@link #read()} from the present state; NaN where the device models none. */
    default double readEnergy() {
        return Double.NaN;
    }

    /**
     * Joule energy E = V² G τ (J) of an ohmic conductance G (S) held at V (V) for τ (s): the
     * first-order energy law of a two-terminal cell, taking G at the start of the pulse (the change
     * during one pulse is a small fraction of G) and the I–V as linear at the pulse amplitude.
     */
    static double joule(double volts, double conductance, double seconds) {
        return volts * volts * conductance * seconds;
    }
}
