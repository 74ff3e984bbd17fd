package org.hafnia.postprocess.rtn;

/**
 * A stretch of current samples classified into a low (0) and a high (1) level.
 *
 * @param low    current of the low level, A
 * @param high   current of the high level, A
 * @param states level of each sample, 0 or 1
 */
public record TwoLevelSequence(double low, double high, byte[] states) {

    /** Level separation ΔI = high − low, A. */
    public double separation() {
        return high - low;
    }
}
