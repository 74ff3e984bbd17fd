package org.hafnia.postprocess.extraction;

import java.util.List;

/**
 * The measurements of a characterisation run of an ensemble of devices, as a tester would take
 * them: conductance reads (S) after every pulse of the potentiation and depression trains,
 * read-only traces, and retention reads.
 *
 * @param protocol the protocol that produced them
 * @param devices  one record per device
 */
public record CharacterisationData(Protocol protocol, List<Device> devices) {

    /**
     * The characterisation protocol (SI units).
     *
     * @param vSet           SET amplitude of the trains (V)
     * @param vReset         RESET amplitude of the trains (V, negative)
     * @param pulseWidth     width of the train pulses (s)
     * @param trainPulses    pulses per train
     * @param cycles         potentiation/depression cycles per device
     * @param settle         time between a pulse and the read after it (s)
     * @param readVoltage    read voltage (V)
     * @param readWidth      read pulse width (s)
     * @param traceReads     reads per read-only trace
     * @param traceInterval  time between reads of a trace (s)
     * @param vDenoise       amplitude of the subthreshold denoising pulses (V, negative)
     * @param denoiseWidth   width of a denoising pulse (s)
     * @param denoisePulses  pulses of the full denoising train
     * @param driftTimes     times after programming of the retention reads (s)
     * @param driftReads     reads averaged at each retention time
     * @param sweepAmplitudes |V| of the amplitude sweep at mid range (V)
     * @param sweepRepeats   SET/RESET pulse pairs per sweep amplitude
     */
    public record Protocol(double vSet, double vReset, double pulseWidth, int trainPulses, int cycles,
                           double settle, double readVoltage, double readWidth, int traceReads,
                           double traceInterval, double vDenoise, double denoiseWidth, int denoisePulses,
                           double[] driftTimes, int driftReads,
                           double[] sweepAmplitudes, int sweepRepeats) {
    }

    /**
     * One device's measurements.
     *
     * @param potentiation per cycle, the read before the train and after each of its pulses (S)
     * @param depression   likewise for the depression trains (S)
     * @param traces       read-only traces at the programmed levels
     * @param drift        mean conductance at each of {@link Protocol#driftTimes()} (S)
     * @param sweepSet     mean ΔG of a SET pulse at each sweep amplitude (S)
     * @param sweepReset   mean ΔG of a RESET pulse at each sweep amplitude (S, negative)
     * @param denoising    the denoising measurement of the device, one entry per train length (empty
     *                     when the device was not measured so)
     */
    public record Device(double[][] potentiation, double[][] depression, List<ReadTrace> traces, double[] drift,
                         double[] sweepSet, double[] sweepReset, List<DenoisingTrain> denoising) {
    }

    /**
     * A read-only trace taken after programming to a level.
     *
     * @param level   index of the programmed level
     * @param samples conductance reads (S) at {@link Protocol#traceInterval()}
     */
    public record ReadTrace(int level, double[] samples) {
    }

    /**
     * The denoising measurement of {@code hafnia denoise} on one device (its traces as conductance
     * reads, S): the device fresh from its seed, a trace, {@code pulses} pulses of the denoising
     * amplitude and width (each followed by a gap of one width), a trace; and, paired, the same
     * device fresh again with the same pulses at 0 V (the control that credits neither the elapsed
     * time nor the reads to the train).
     *
     * @param pulses        pulses of the train
     * @param trainBefore   trace before the train
     * @param trainAfter    trace after it
     * @param controlBefore trace before the 0 V control
     * @param controlAfter  trace after it
     */
    public record DenoisingTrain(int pulses, double[] trainBefore, double[] trainAfter, double[] controlBefore,
                                 double[] controlAfter) {
    }
}
