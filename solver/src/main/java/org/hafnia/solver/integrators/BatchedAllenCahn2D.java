package org.hafnia.solver.integrators;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.solver.kernels.AllenCahnKernel;
import org.hafnia.solver.parallel.ParallelRows;

/**
 * Many independent small devices on the same 2D grid and model, each with its own φ, bias,
 * bias profile, mobility field and Langevin noise, advanced by the explicit Euler step of
 * {@link ForwardEulerAllenCahn2D} (physics.md §1.1):
 * φⁿ⁺¹ = clip[0,1]( φⁿ + Δt L_k (−f'(φⁿ) + κ ∇²_h φⁿ − b p_k) ) [+ √(2 L_k k_B T_k Δt / ΔV) ξ].
 *
 * <p>Devices per worker: the devices are split once into one contiguous band per thread
 * ({@link ParallelRows}), and each worker takes each of its devices through all the steps of a
 * call before the next device, on its own kernel and work array. A call costs one hand-off
 * whatever the number of devices and steps, and a device's two arrays stay in the worker's cache
 * while it is stepped (a 32 × 32 device is 16 KiB). Nothing is allocated per step.
 *
 * <p>Each device takes exactly the sub-steps, noise counters and arithmetic of a
 * {@link ForwardEulerAllenCahn2D} stepping it alone, so it gets the same bits, for any number of
 * threads. The stability limit is evaluated per device at the largest of its mobilities: a Δt
 * beyond it is refused or sub-stepped according to the {@link StepControl}.
 */
public final class BatchedAllenCahn2D implements AutoCloseable {

    private final AllenCahnModel2D model;
    private final double dt;
    private final StepControl control;
    private final int devices;
    private final int cells;
    private final ParallelRows rows;
    /** One kernel and one work array per worker band. */
    private final AllenCahnKernel[] kernels;
    private final double[][] work;
    private final double[][] mobility;
    private final LangevinNoise[] noise;
    private final double[][] thermalEnergy;
    private final int[] substeps;
    private final long[] counters;

    // Arguments of the current call, set before the workers are released.
    private double[][] phi;
    private int steps;
    private double[] bias;
    private double[][] profile;

    /**
     * @param devices number of devices (≥ 1)
     * @param dt      time step Δt of every device
     * @param control what to do when Δt exceeds a device's stability limit
     * @param threads worker threads (≥ 1), the caller's included
     */
    public BatchedAllenCahn2D(AllenCahnModel2D model, int devices, double dt, StepControl control, int threads) {
        if (devices < 1) {
            throw new InvalidInputException("a batch needs at least one device, got " + devices);
        }
        int initial = ExplicitStability.substeps(dt, model.explicitRate(), ExplicitStability.CRITERION_2D, control);
        this.model = model;
        this.dt = dt;
        this.control = control;
        this.devices = devices;
        this.cells = model.grid().size();
        this.rows = new ParallelRows(threads);
        this.kernels = new AllenCahnKernel[threads];
        this.work = new double[threads][];
        for (int t = 0; t < threads; t++) {
            kernels[t] = new AllenCahnKernel(model.grid(), model.bc(), model.energy(), model.kappa(), model.mobility(),
                    model.clip());
            work[t] = new double[cells];
        }
        this.mobility = new double[devices][];
        this.noise = new LangevinNoise[devices];
        this.thermalEnergy = new double[devices][];
        this.substeps = new int[devices];
        java.util.Arrays.fill(substeps, initial);
        this.counters = new long[devices];
    }

    public AllenCahnModel2D model() {
        return model;
    }

    public int devices() {
        return devices;
    }

    /** Nodes per device. */
    public int size() {
        return cells;
    }

    public double timeStep() {
        return dt;
    }

    public int threads() {
        return rows.threads();
    }

    /** Whether the kernels run SIMD rows (see {@link AllenCahnKernel#vectorised()}). */
    public boolean vectorised() {
        return kernels[0].vectorised();
    }

    /** Chooses SIMD or scalar rows for every worker (same bits; for tests and measurements). */
    public void vectorised(boolean on) {
        for (AllenCahnKernel k : kernels) {
            k.vectorised(on);
        }
    }

    /**
     * Sets the per-node mobility L_k of one device (null: the model's L), read not copied. The
     * device's stability limit is re-evaluated at max L_k, as in {@link ForwardEulerAllenCahn2D#mobilityField}.
     */
    public void mobilityField(int device, double[] field) {
        check(device);
        double scale = 1;
        if (field != null) {
            if (field.length != cells) {
                throw new IllegalArgumentException("mobility field has " + field.length + " values, grid has " + cells);
            }
            double max = 0;
            for (double l : field) {
                if (!(l > 0) || !Double.isFinite(l)) {
                    throw new InvalidInputException("mobility must be positive and finite at every node, got " + l);
                }
                max = Math.max(max, l);
            }
            scale = max / model.mobility();
        }
        substeps[device] = ExplicitStability.substeps(dt, model.explicitRate() * scale,
                ExplicitStability.CRITERION_2D.replace("Δt·L", "Δt·max L"), control);
        mobility[device] = field;
    }

    /** Switches Langevin noise of one device on (k_B T per node, read not copied) or off (null). */
    public void noise(int device, LangevinNoise source, double[] kT) {
        check(device);
        if (source != null && (kT == null || kT.length != cells)) {
            throw new IllegalArgumentException("noise needs k_B T at every one of the " + cells + " nodes");
        }
        noise[device] = source;
        thermalEnergy[device] = source == null ? null : kT;
    }

    /** Sub-steps per step of one device (1 unless its mobility needed sub-stepping). */
    public int substeps(int device) {
        check(device);
        return substeps[device];
    }

    /** Sub-steps taken so far by one device: the counter that keys its noise. */
    public long stepCounter(int device) {
        check(device);
        return counters[device];
    }

    /** Restores the step counter of one device (resuming). */
    public void stepCounter(int device, long value) {
        check(device);
        counters[device] = value;
    }

    /**
     * Advances every device by {@code steps} steps of Δt.
     *
     * @param phi     φ of each device (devices × nodes), advanced in place
     * @param bias    the uniform bias b of each device
     * @param profile per-node bias factor of each device (a null entry, or null for all: uniform)
     */
    public void advance(double[][] phi, int steps, double[] bias, double[][] profile) {
        if (phi.length != devices || bias.length != devices || (profile != null && profile.length != devices)) {
            throw new IllegalArgumentException("a batch of " + devices + " devices needs " + devices
                    + " fields, biases and profiles");
        }
        for (int d = 0; d < devices; d++) {
            if (phi[d].length != cells || (profile != null && profile[d] != null && profile[d].length != cells)) {
                throw new IllegalArgumentException("device " + d + ": fields must have " + cells + " values");
            }
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        this.phi = phi;
        this.steps = steps;
        this.bias = bias;
        this.profile = profile;
        try {
            rows.forEach(devices, this::band);
        } finally {
            this.phi = null;
            this.profile = null;
            this.bias = null;
        }
    }

    /** The devices [from, to) of one worker band. */
    private void band(int from, int to) {
        if (from >= to) {
            return;
        }
        // ParallelRows gives band t the devices from ⌊t·D/T⌋: the band index is the least t with t·D/T ≥ from.
        int threads = rows.threads();
        int t = (int) (((long) from * threads + devices - 1) / devices);
        AllenCahnKernel kernel = kernels[t];
        double[] spare = work[t];
        for (int d = from; d < to; d++) {
            kernel.mobilityField(mobility[d]);
            kernel.noise(noise[d], thermalEnergy[d]);
            double h = dt / substeps[d];
            double b = bias[d];
            double[] prof = profile == null ? null : profile[d];
            double[] own = phi[d];
            double[] src = own;
            double[] dst = spare;
            long counter = counters[d];
            for (long n = 0, total = (long) steps * substeps[d]; n < total; n++) {
                kernel.step(src, dst, h, b, prof, counter++);
                double[] s = src;
                src = dst;
                dst = s;
            }
            counters[d] = counter;
            if (src != own) {
                System.arraycopy(src, 0, own, 0, cells);
            }
        }
    }

    private void check(int device) {
        if (device < 0 || device >= devices) {
            throw new IndexOutOfBoundsException("device " + device + " of a batch of " + devices);
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
