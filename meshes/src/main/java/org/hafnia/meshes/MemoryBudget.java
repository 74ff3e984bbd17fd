package org.hafnia.meshes;

import java.util.Locale;

/**
 * A memory estimate checked against the heap before large arrays are allocated, so that a grid
 * inside the accepted ranges but beyond this JVM's memory is refused in one line with the figure,
 * instead of an {@link OutOfMemoryError} part-way through a run.
 */
public final class MemoryBudget {

    /** Bytes of one double (IEEE 754 binary64). */
    public static final long DOUBLE_BYTES = Double.BYTES;

    private MemoryBudget() {
    }

    /**
     * Refuses {@code what} when its estimate {@code bytes} exceeds the heap this JVM may still
     * grow into ({@link Runtime#maxMemory()} less what is in use).
     *
     * @param what names the allocation and its parameters for the message, e.g. "a 32768 × 32768 grid (nx, ny)"
     */
    public static void require(long bytes, String what) {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long available = max - (rt.totalMemory() - rt.freeMemory());
        if (bytes < 0 || bytes > available) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s needs at least %s of memory, but this JVM has %s available of its %s heap (-Xmx);"
                            + " reduce it, or give Java more memory (HAFNIA_JAVA_OPTS=-Xmx…)",
                    what, size(bytes < 0 ? Long.MAX_VALUE : bytes), size(available), size(max)));
        }
    }

    /**
     * {@link #require} for {@code arrays} double arrays of {@code n1 · n2 · n3} values each, the
     * product taken without overflow.
     */
    public static void requireDoubles(long n1, long n2, long n3, int arrays, String what) {
        double bytes = (double) n1 * n2 * n3 * arrays * DOUBLE_BYTES;
        require(bytes >= Long.MAX_VALUE ? -1 : (long) bytes, what);
    }

    /** A byte count in binary units: "3.2 GiB". */
    public static String size(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
