package org.hafnia.solver.kernels;

/**
 * Whether the stencil kernels run their SIMD rows on the JDK's Vector API
 * ({@code jdk.incubator.vector}, an incubator module of JDK 17 that a JVM resolves only when
 * started with {@code --add-modules jdk.incubator.vector}). Without the module, or with the system
 * property {@code hafnia.kernels=scalar}, every kernel runs its scalar rows: the reference and the
 * fallback. Both paths evaluate the same expression in the same order (Java never contracts
 * a·b + c into a fused multiply–add), so they agree bit for bit.
 */
public final class VectorSupport {

    /** Name of the incubator module of the Vector API. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule(MODULE).isPresent()
            && !"scalar".equals(System.getProperty("hafnia.kernels"));

    private VectorSupport() {
    }

    /** True when the Vector API module is resolved and not switched off. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Lanes of a SIMD row (8 doubles with AVX-512, 4 with AVX2), or 1 on the scalar path. */
    public static int lanes() {
        return AVAILABLE ? VectorRows.lanes() : 1;
    }
}
