package org.hafnia.solver.nd4j;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Rint;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The explicit Allen–Cahn step of {@link org.hafnia.solver.kernels.AllenCahnKernel} as ND4J
 * whole-array operations on a [nz, ny, nx] array (nz = 1 in 2D):
 * φⁿ⁺¹ = clip[0,1]( φⁿ + Δt L (−f'(φⁿ) + κ ∇²_h φⁿ − b) ).
 * φ lives inside a ghost-padded array whose faces are refilled every step from the boundary
 * conditions (ghost = offset + scale · inside, or the opposite face when periodic); the
 * Laplacian reads shifted views of it. f' is the published slope table at q = rint(clamp(φ) N),
 * built as a sum of its jumps times [q ≥ k] because ND4J's gather op crashes the native
 * library on this CPU (1.0.0-M2.1); that sum rounds differently from the table entry by a few
 * ulp. Every other operation is the kernel's operation on the same operands in the same order,
 * so results agree with the Java backend to round-off.
 *
 * <p>Each operation is a separate pass over memory (about 20 per step, about 120 with the
 * table sum), which is why this backend is slower than the fused kernel; it exists to show that by measurement.
 */
final class Nd4jAllenCahnStepper implements PhaseFieldStepper {

    private final long nz;
    private final long ny;
    private final long nx;
    private final boolean threeD;
    private final double[] coefficients;
    private final AxisBoundary[] axes;
    private final double mobility;
    private final boolean clip;
    private final double dt;
    private final int substeps;
    private final int size;
    private final double tableScale;

    /** The published slope table. */
    private final double[] table;
    private final INDArray padded;
    private final INDArray centre;
    private final INDArray dense;
    private final INDArray twice;
    private final INDArray lap;
    private final INDArray term;
    private final INDArray index;
    private final INDArray slope;
    private final INDArray biasField;

    Nd4jAllenCahnStepper(long[] shape, boolean threeD, double[] coefficients, AxisBoundary[] axes,
                         FreeEnergyDensity energy, double mobility, boolean clip, double dt, int substeps, int threads) {
        if (!(energy instanceof NearestNodeForwardSlopeEnergy published)) {
            throw new InvalidInputException("the nd4j backend supports the published tabulated energy only, got "
                    + energy.name());
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        this.nz = shape[0];
        this.ny = shape[1];
        this.nx = shape[2];
        this.threeD = threeD;
        this.coefficients = coefficients.clone();
        this.axes = axes.clone();
        this.mobility = mobility;
        this.clip = clip;
        this.dt = dt;
        this.substeps = substeps;
        this.size = Math.toIntExact(nz * ny * nx);
        this.table = published.slopeTable();
        this.tableScale = table.length - 1;
        int pz = threeD ? 1 : 0;
        this.padded = Nd4j.create(DataType.DOUBLE, nz + 2 * pz, ny + 2, nx + 2);
        this.centre = padded.get(NDArrayIndex.interval(pz, nz + pz), NDArrayIndex.interval(1, ny + 1),
                NDArrayIndex.interval(1, nx + 1));
        this.dense = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
        this.twice = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
        this.lap = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
        this.term = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
        this.index = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
        this.slope = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
        this.biasField = Nd4j.create(DataType.DOUBLE, nz, ny, nx);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double timeStep() {
        return dt;
    }

    @Override
    public void advance(double[] phi, int steps, double bias, double[] profile) {
        if (phi.length != size) {
            throw new IllegalArgumentException("field has " + phi.length + " values, grid has " + size);
        }
        if (profile != null && profile.length != size) {
            throw new IllegalArgumentException("bias profile has " + profile.length + " values, grid has " + size);
        }
        if (profile != null) {
            biasField.assign(Nd4j.createFromArray(profile).reshape(nz, ny, nx)).muli(bias);
        }
        centre.assign(Nd4j.createFromArray(phi).reshape(nz, ny, nx));
        double rate = dt / substeps * mobility;
        for (long n = 0, total = (long) steps * substeps; n < total; n++) {
            step(rate, profile == null ? bias : Double.NaN, profile != null);
        }
        dense.assign(centre);
        double[] out = dense.data().asDouble();
        System.arraycopy(out, 0, phi, 0, size);
    }

    /** One step on {@code centre}, in place. */
    private void step(double rate, double bias, boolean perNode) {
        fillGhosts();
        twice.assign(centre).muli(2.0);
        // κ∇²φ = cx (w + e − 2c) + cy (s + n − 2c) [+ cz (b + t − 2c)], in the kernel's order.
        lap.assign(shifted(2, -1)).addi(shifted(2, 1)).subi(twice).muli(coefficients[0]);
        term.assign(shifted(1, -1)).addi(shifted(1, 1)).subi(twice).muli(coefficients[1]);
        lap.addi(term);
        if (threeD) {
            term.assign(shifted(0, -1)).addi(shifted(0, 1)).subi(twice).muli(coefficients[2]);
            lap.addi(term);
        }
        // f'(φ) = slope[q], q = rint(clamp(φ, 0, 1) N), as slope[0] + Σ_k (slope[k] − slope[k−1]) [q ≥ k]
        index.assign(centre);
        Transforms.min(index, 1.0, false);
        Transforms.max(index, 0.0, false);
        index.muli(tableScale);
        Nd4j.exec(new Rint(index, index));
        slope.assign(table[0]);
        for (int k = 1; k < table.length; k++) {
            double jump = table[k] - table[k - 1];
            if (jump != 0) {
                term.assign(index).subi(k - 1);
                Transforms.min(term, 1.0, false);
                Transforms.max(term, 0.0, false);
                slope.addi(term.muli(jump));
            }
        }
        // φ + Δt L ((−f' + κ∇²φ) − b), clipped
        slope.negi().addi(lap);
        if (perNode) {
            slope.subi(biasField);
        } else {
            slope.subi(bias);
        }
        slope.muli(rate).addi(centre);
        if (clip) {
            Transforms.min(slope, 1.0, false);
            Transforms.max(slope, 0.0, false);
        }
        centre.assign(slope);
    }

    /** The view of the padded array shifted by {@code by} (±1) along array axis {@code axis} (0 = z). */
    private INDArray shifted(int axis, int by) {
        int pz = threeD ? 1 : 0;
        long[] lo = {pz, 1, 1};
        long[] n = {nz, ny, nx};
        INDArrayIndex[] idx = new INDArrayIndex[3];
        for (int a = 0; a < 3; a++) {
            long start = lo[a] + (a == axis ? by : 0);
            idx[a] = NDArrayIndex.interval(start, start + n[a]);
        }
        return padded.get(idx);
    }

    /** Writes the ghost faces of the padded array from the inside values and the boundary conditions. */
    private void fillGhosts() {
        long[] n = {nz, ny, nx};
        AxisBoundary[] byArrayAxis = {axes[2], axes[1], axes[0]};
        for (int a = threeD ? 0 : 1; a < 3; a++) {
            AxisBoundary axis = byArrayAxis[a];
            fillFace(a, n[a], axis.isPeriodic() ? n[a] : 1, axis.isPeriodic() ? null : axis.low(), true);
            fillFace(a, n[a], axis.isPeriodic() ? 1 : n[a], axis.isPeriodic() ? null : axis.high(), false);
        }
    }

    /**
     * Fills the low (or high) ghost face along array axis {@code a} (n inside planes) from inside
     * plane number {@code source} (1 … n), applying the ghost formula of
     * {@code bc} or copying when periodic ({@code bc} null).
     */
    private void fillFace(int a, long n, long source, BoundaryCondition bc, boolean low) {
        int pz = threeD ? 1 : 0;
        long[] lo = {pz, 1, 1};
        long[] len = {nz, ny, nx};
        INDArrayIndex[] ghost = new INDArrayIndex[3];
        INDArrayIndex[] inside = new INDArrayIndex[3];
        for (int d = 0; d < 3; d++) {
            ghost[d] = NDArrayIndex.interval(lo[d], lo[d] + len[d]);
            inside[d] = ghost[d];
        }
        long base = a == 0 ? pz : 1;
        long g = low ? base - 1 : base + n;
        long s = base + source - 1;
        ghost[a] = NDArrayIndex.interval(g, g + 1);
        inside[a] = NDArrayIndex.interval(s, s + 1);
        INDArray face = padded.get(ghost);
        face.assign(padded.get(inside));
        if (bc != null && !(bc instanceof BoundaryCondition.ZeroFlux)) {
            face.muli(bc.ghostScale()).addi(bc.ghostOffset());
        }
    }
}
