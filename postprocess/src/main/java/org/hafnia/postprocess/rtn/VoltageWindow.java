package org.hafnia.postprocess.rtn;

/**
 * A read-voltage window: samples {@code [start, end)} of a trace held at one read voltage.
 *
 * @param voltage median applied voltage over the window, V
 */
public record VoltageWindow(int start, int end, double voltage) {

    public VoltageWindow {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad window [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "[%d, %d) at %.4f V", start, end, voltage);
    }
}
