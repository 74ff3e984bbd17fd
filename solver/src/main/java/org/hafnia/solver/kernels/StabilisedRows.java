package org.hafnia.solver.kernels;

import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.DoubleWellEnergy;

/**
 * Rows of the linearly stabilised, diagonally implicit Allen–Cahn step of the plan-view device
 * ({@code FilmDevice.step}, physics.md §1.3) on an nx × ny grid with zero-flux sides. Per node k,
 * with λ_k the per-site mobility, b_k the per-site drive, the existing neighbours' weighted sum
 * Σ = Σ c_d φ_d and weight D = Σ c_d (c_x = vκ/h_x², c_y = vκ/h_y², eV) and S = max|f''| (eV):
 * <pre>
 *   φ'_k = clip[0,1]( [φ_k + Δt λ_k (−f'(φ_k) + S φ_k + Σ − b_k)] / [1 + Δt λ_k (D + S)] ).
 * </pre>
 * The interior nodes of a row (1 ≤ i ≤ nx − 2) run SIMD lanes on the Vector API when
 * {@link VectorSupport#available()} ({@link VectorStabilised}): each lane evaluates the scalar
 * expression with the same operations in the same order (the neighbours summed from 0 in the order
 * west, east, south, north; the double well's f' inlined as its {@link DoubleWellEnergy#derivative}
 * writes it; any other energy's f' from its scalar {@code derivative} in a pre-pass), so both paths
 * give the same bits, a NaN's payload aside ({@code StabilisedRowsTest}). The two edge nodes of a row and rows shorter than
 * one vector plus two run the scalar expression.
 *
 * <p>The sweep's early exit is kept exactly: {@link #row} folds each node's |Δφ| into the running
 * maximum in node order (Math.max, so a NaN sticks) and returns as soon as it exceeds {@code stop}.
 * The SIMD row folds a lane maximum instead and, only when some node of the row is not ≤ stop
 * (a failing node or a NaN), re-folds that row node by node, so the returned value is the scalar
 * sweep's in every case. Not thread-safe (a per-row work array for f').
 */
public final class StabilisedRows {

    private final int nx;
    private final int ny;
    private final double cx;
    private final double cy;
    private final double stab;
    private final FreeEnergyDensity energy;
    /** 32 W and 6 ΔF of a {@link DoubleWellEnergy} (eV), whose f' the SIMD lanes inline; else NaN. */
    final double well;
    final double asymmetry;
    /** f' of a row, for energies other than the double well. */
    final double[] derivative;

    /**
     * @param nx     nodes along x
     * @param ny     nodes along y
     * @param cx     vκ/h_x², eV
     * @param cy     vκ/h_y², eV
     * @param energy f per site (eV); S = its {@code maxCurvature()}
     */
    public StabilisedRows(int nx, int ny, double cx, double cy, FreeEnergyDensity energy) {
        this.nx = nx;
        this.ny = ny;
        this.cx = cx;
        this.cy = cy;
        this.stab = energy.maxCurvature();
        this.energy = energy;
        if (energy instanceof DoubleWellEnergy w) {
            well = 32 * w.barrier();
            asymmetry = 6 * w.asymmetry();
        } else {
            well = Double.NaN;
            asymmetry = Double.NaN;
        }
        derivative = new double[nx];
    }

    int nx() {
        return nx;
    }

    double cx() {
        return cx;
    }

    double cy() {
        return cy;
    }

    double stab() {
        return stab;
    }

    boolean doubleWell() {
        return !Double.isNaN(well);
    }

    /**
     * Writes {@code next} for the nodes of row {@code j} (or up to the first failing one) from
     * {@code phi} and returns the running max |Δφ|: {@code change} folded with each node's |Δφ| in
     * node order, returned at the first node where it exceeds {@code stop} (the rest of the row may
     * then be written or not).
     *
     * @param mobility λ per node, 1/(eV s)
     * @param bias     v·b per node, eV
     * @param vectorised SIMD lanes when the Vector API is available
     */
    public double row(double[] phi, int j, double dt, double[] mobility, double[] bias, double[] next,
                      double change, double stop, boolean vectorised) {
        if (vectorised && VectorSupport.available() && nx - 2 >= VectorSupport.lanes()) {
            int base = j * nx;
            double lanes = VectorStabilised.interior(this, phi, j, ny, dt, mobility, bias, next, stop);
            next[base] = node(phi, j, 0, dt, mobility, bias);
            next[base + nx - 1] = node(phi, j, nx - 1, dt, mobility, bias);
            double first = Math.abs(next[base] - phi[base]);
            double last = Math.abs(next[base + nx - 1] - phi[base + nx - 1]);
            if (lanes <= stop && first <= stop && last <= stop) {
                return Math.max(change, Math.max(lanes, Math.max(first, last)));
            }
            for (int k = base; k < base + nx; k++) {
                change = Math.max(change, Math.abs(next[k] - phi[k]));
                if (change > stop) {
                    return change;
                }
            }
            return change;
        }
        for (int i = 0; i < nx; i++) {
            int k = j * nx + i;
            double v = node(phi, j, i, dt, mobility, bias);
            next[k] = v;
            change = Math.max(change, Math.abs(v - phi[k]));
            if (change > stop) {
                return change;
            }
        }
        return change;
    }

    /** The scalar expression at node (i, j). */
    private double node(double[] phi, int j, int i, double dt, double[] mobility, double[] bias) {
        int k = j * nx + i;
        double c = phi[k];
        double off = 0;
        double diag = 0;
        if (i > 0) {
            off += cx * phi[k - 1];
            diag += cx;
        }
        if (i < nx - 1) {
            off += cx * phi[k + 1];
            diag += cx;
        }
        if (j > 0) {
            off += cy * phi[k - nx];
            diag += cy;
        }
        if (j < ny - 1) {
            off += cy * phi[k + nx];
            diag += cy;
        }
        double rate = dt * mobility[k];
        double v = (c + rate * (-energy.derivative(c) + stab * c + off - bias[k])) / (1 + rate * (diag + stab));
        return Math.max(0, Math.min(1, v));
    }

    /** f'(φ) of the row's nodes into {@link #derivative}, from the energy's scalar method. */
    void derivatives(double[] phi, int base) {
        FreeEnergyDensity f = energy;
        double[] df = derivative;
        for (int i = 0; i < nx; i++) {
            df[i] = f.derivative(phi[base + i]);
        }
    }
}
