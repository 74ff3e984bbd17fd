package org.hafnia.postprocess.rtn;

/**
 * One measured current trace: time (s), applied voltage (V) and current (A) per sample, taken at
 * a uniform sampling interval (s).
 *
 * @param source           the file (or description) the trace came from, for messages
 * @param samplingInterval time between samples, s
 */
public record RtnTrace(String source, double samplingInterval, double[] time, double[] voltage, double[] current) {

    public RtnTrace {
        if (time.length != voltage.length || time.length != current.length) {
            throw new IllegalArgumentException("time, voltage and current must have the same length");
        }
        if (!(samplingInterval > 0)) {
            throw new IllegalArgumentException("sampling interval must be positive, got " + samplingInterval);
        }
    }

    public int samples() {
        return time.length;
    }
}
