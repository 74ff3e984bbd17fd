package org.hafnia.physics.traps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.hafnia.physics.transport.ChannelScattering;

/**
 * The transmission change ΔT(a, d, E) = Tr(t†t)_empty − Tr(t†t)_charged of the multimode
 * scattering model (physics.md §3, {@link ChannelScattering}) for a square segment of side a
 * with a charged trap at distance d outside one face, at energy E above the lowest transverse
 * level, tabulated on a regular grid (docs/traps.md). ΔT falls roughly exponentially with both
 * a and d (a factor ≈ 4 per 0.25 nm of d), so it is interpolated bilinearly in ln ΔT over (a, d),
 * which is exact for a product of exponentials, and linearly in E, where the window average
 * needs a piecewise-linear profile; a cell with a corner ΔT ≤ 0 falls back to bilinear ΔT.
 *
 * <p>Grid: a = 0.5 … 5 nm in 0.25 nm; d from 0.05 nm to {@link TrapParameters#maxDistance()} in
 * steps of at most 0.05 nm; E over the widest bias window, E_F ± maxBias/2, in steps of at most
 * 12.5 meV. Outside the grid a and d are clamped to it. The interpolation errs in ln ΔT by at
 * most (1/8) Σ_{x = a, d} h_x² max|∂² ln ΔT/∂x²| and in ΔT along E by (1/8) h_E² max|∂²ΔT/∂E²|
 * over the cell (the bound of linear interpolation per axis); at the representative geometry
 * (a = 2.65 nm, d ≈ 0.3 nm) that is ≈ 1 % of ΔT (docs/traps.md).
 *
 * <p>Generation solves the model (19 × 40 × 25 grid points, one charged solve each plus one empty
 * solve per (a, E): ≈ 2·10⁴ solves, 40–120 s on the shared 2-core machine) in parallel; entries are independent, so the table does not depend on the thread
 * count. The table for {@link TrapParameters#DEFAULT} is shipped as the resource
 * {@value #RESOURCE}, written by {@link #format()}; {@link #of} uses it when its key matches
 * the parameters and generates (once per parameter set, cached) otherwise. Regenerate the
 * resource with {@code mvn -o -pl meshes,physics test -Dtest=TrapStepTableTest -Dhafnia.regenerateTrapTable=true}.
 */
public final class TrapStepTable {

    /** Classpath resource of the shipped table. */
    public static final String RESOURCE = "/org/hafnia/physics/traps/step-table.tsv";

    /** Smallest tabulated segment side, nm. */
    static final double WIDTH_MIN = 0.5;
    /** Largest tabulated segment side, nm: below ≈ 5 nm only the (1,1) mode propagates in the window. */
    static final double WIDTH_MAX = 5.0;
    /** Step along a, nm. */
    static final double WIDTH_STEP = 0.25;
    /** Smallest tabulated trap distance, nm. */
    static final double DISTANCE_MIN = 0.05;
    /** Largest step along d, nm. */
    static final double DISTANCE_STEP = 0.05;
    /** Largest step along E, eV. */
    static final double ENERGY_STEP = 0.0125;

    private static final Map<String, TrapStepTable> CACHE = new ConcurrentHashMap<>();

    private final String key;
    private final double[] widths;
    private final double[] distances;
    private final double[] energies;
    private final double[] values;
    /** ln ΔT, NaN where ΔT ≤ 0. */
    private final double[] logs;

    private TrapStepTable(String key, double[] widths, double[] distances, double[] energies, double[] values) {
        this.key = key;
        this.widths = widths;
        this.distances = distances;
        this.energies = energies;
        this.values = values;
        this.logs = new double[values.length];
        for (int n = 0; n < values.length; n++) {
            logs[n] = values[n] > 0 ? Math.log(values[n]) : Double.NaN;
        }
    }

    /** The table of {@code p}: the shipped one when it was made for {@code p}, else generated once and cached. */
    public static TrapStepTable of(TrapParameters p) {
        return CACHE.computeIfAbsent(key(p), k -> {
            TrapStepTable shipped = shipped();
            return shipped != null && shipped.key.equals(k) ? shipped : generate(p);
        });
    }

    /** Every input of the table and its grid, as written in its header. */
    static String key(TrapParameters p) {
        return String.format(Locale.ROOT,
                "charge_e=%s fermi_energy_eV=%s carrier_density_cm3=%s effective_mass=%s permittivity=%s"
                        + " temperature_K=%s segment_length_nm=%s max_bias_V=%s max_distance_nm=%s"
                        + " widths_nm=%s:%s:%s distance_step_nm=%s energy_step_eV=%s",
                p.trapCharge(), p.fermiEnergy(), p.carrierDensity(), p.effectiveMass(), p.permittivity(),
                p.temperature(), p.segmentLength(), p.maxBias(), p.maxDistance(), WIDTH_MIN, WIDTH_MAX, WIDTH_STEP,
                DISTANCE_STEP, ENERGY_STEP);
    }

    /** The grid of {@code p} without values. */
    private static double[][] axes(TrapParameters p) {
        double[] w = axis(WIDTH_MIN, WIDTH_MAX, WIDTH_STEP);
        double[] d = axis(DISTANCE_MIN, Math.max(p.maxDistance(), DISTANCE_MIN + DISTANCE_STEP), DISTANCE_STEP);
        double lo = p.fermiEnergy() - 0.5 * p.maxBias();
        if (!(lo > 0)) {
            throw new org.hafnia.meshes.InvalidInputException("trap_max_bias_V: the bias window E_F ± maxBias/2 = "
                    + p.fermiEnergy() + " ± " + 0.5 * p.maxBias() + " eV reaches below the band bottom; expected maxBias < 2 E_F = "
                    + 2 * p.fermiEnergy() + " V");
        }
        double[] e = axis(lo, p.fermiEnergy() + 0.5 * p.maxBias(), ENERGY_STEP);
        return new double[][] {w, d, e};
    }

    /** Equally spaced from {@code lo} to {@code hi} inclusive, with a step of at most {@code step}. */
    private static double[] axis(double lo, double hi, double step) {
        int n = (int) Math.ceil((hi - lo) / step - 1e-9);
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            x[i] = lo + (hi - lo) * i / n;
        }
        return x;
    }

    /** Solves the scattering model on the whole grid of {@code p}. */
    public static TrapStepTable generate(TrapParameters p) {
        double[][] ax = axes(p);
        double[] w = ax[0];
        double[] d = ax[1];
        double[] e = ax[2];
        int nd = d.length;
        int ne = e.length;
        double[] empty = new double[w.length * ne];
        IntStream.range(0, empty.length).parallel().forEach(ik -> empty[ik] = transmission(p, w[ik / ne], 0, e[ik % ne], false));
        double[] v = new double[w.length * nd * ne];
        IntStream.range(0, v.length).parallel().forEach(n -> {
            int i = n / (nd * ne);
            int j = n / ne % nd;
            int k = n % ne;
            v[n] = empty[i * ne + k] - transmission(p, w[i], d[j], e[k], true);
        });
        return new TrapStepTable(key(p), w, d, e, v);
    }

    /**
     * ΔT of the scattering model solved directly (two solves): the reference against which the
     * table is checked.
     */
    public static double solve(TrapParameters p, double width, double distance, double energy) {
        return transmission(p, width, distance, energy, false) - transmission(p, width, distance, energy, true);
    }

    private static double transmission(TrapParameters p, double width, double distance, double energy, boolean charged) {
        return new ChannelScattering(p.scattering(width, distance, energy, charged)).solve().landauerTransmission();
    }

    /** ΔT at (a, d, E), interpolated as the class says; a and d clamped to the grid, E to the bias window. */
    public double deltaTransmission(double width, double distance, double energy) {
        double[] profile = energyProfile(width, distance);
        int k = cell(energies, energy);
        double t = fraction(energies, k, energy);
        return (1 - t) * profile[k] + t * profile[k + 1];
    }

    /** ΔT(E_k) at every tabulated energy for (a, d), bilinear in ln ΔT over a and d. */
    public double[] energyProfile(double width, double distance) {
        int i = cell(widths, width);
        int j = cell(distances, distance);
        double s = fraction(widths, i, width);
        double t = fraction(distances, j, distance);
        int nd = distances.length;
        int ne = energies.length;
        double[] out = new double[ne];
        for (int k = 0; k < ne; k++) {
            int c00 = (i * nd + j) * ne + k;
            int c01 = (i * nd + j + 1) * ne + k;
            int c10 = ((i + 1) * nd + j) * ne + k;
            int c11 = ((i + 1) * nd + j + 1) * ne + k;
            double log = bilinear(logs, c00, c01, c10, c11, s, t);
            out[k] = Double.isNaN(log) ? bilinear(values, c00, c01, c10, c11, s, t) : Math.exp(log);
        }
        return out;
    }

    private static double bilinear(double[] f, int c00, int c01, int c10, int c11, double s, double t) {
        return (1 - s) * ((1 - t) * f[c00] + t * f[c01]) + s * ((1 - t) * f[c10] + t * f[c11]);
    }

    /**
     * ⟨ΔT⟩ over the bias window [E_F − |V|/2, E_F + |V|/2] (eV, for an electron; clipped to the
     * table): the exact mean of the piecewise-linear {@code profile}; ΔT(E_F) when |V| → 0.
     *
     * @param profile ΔT at the tabulated energies ({@link #energyProfile})
     * @param volts   the read voltage, V (signed)
     */
    public double windowAverage(double[] profile, double volts) {
        double centre = 0.5 * (energies[0] + energies[energies.length - 1]);
        double half = Math.min(0.5 * Math.abs(volts), centre - energies[0]);
        if (half < 1e-12) {
            int k = cell(energies, centre);
            double t = fraction(energies, k, centre);
            return (1 - t) * profile[k] + t * profile[k + 1];
        }
        double lo = centre - half;
        double hi = centre + half;
        double sum = 0;
        for (int k = 0; k + 1 < energies.length; k++) {
            double a = Math.max(lo, energies[k]);
            double b = Math.min(hi, energies[k + 1]);
            if (b > a) {
                double h = energies[k + 1] - energies[k];
                double fa = profile[k] + (profile[k + 1] - profile[k]) * (a - energies[k]) / h;
                double fb = profile[k] + (profile[k + 1] - profile[k]) * (b - energies[k]) / h;
                sum += 0.5 * (fa + fb) * (b - a);
            }
        }
        return sum / (hi - lo);
    }

    private static int cell(double[] x, double v) {
        int n = x.length;
        if (v <= x[0]) {
            return 0;
        }
        if (v >= x[n - 1]) {
            return n - 2;
        }
        int k = (int) ((v - x[0]) / (x[1] - x[0]));
        return Math.min(Math.max(k, 0), n - 2);
    }

    private static double fraction(double[] x, int k, double v) {
        double t = (v - x[k]) / (x[k + 1] - x[k]);
        return Math.min(1, Math.max(0, t));
    }

    public double[] widths() {
        return widths.clone();
    }

    public double[] distances() {
        return distances.clone();
    }

    public double[] energies() {
        return energies.clone();
    }

    /** The tabulated ΔT at grid point (i, j, k) of (widths, distances, energies). */
    public double value(int i, int j, int k) {
        return values[(i * distances.length + j) * energies.length + k];
    }

    /** The inputs the table was made for (its header line). */
    public String key() {
        return key;
    }

    /** The table as the text of {@value #RESOURCE}: a header, then one row per grid point. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append("# Hafnia trap step table (docs/traps.md): delta_T = Tr(t+t)_empty - Tr(t+t)_charged of the multimode")
                .append(" scattering model of physics.md 3, generated by TrapStepTable.generate; do not edit.\n");
        s.append("# key ").append(key).append('\n');
        s.append("# axes ").append(widths.length).append(' ').append(distances.length).append(' ')
                .append(energies.length).append('\n');
        s.append("width_nm\tdistance_nm\tenergy_eV\tdelta_T\n");
        for (int i = 0; i < widths.length; i++) {
            for (int j = 0; j < distances.length; j++) {
                for (int k = 0; k < energies.length; k++) {
                    s.append(widths[i]).append('\t').append(distances[j]).append('\t').append(energies[k]).append('\t')
                            .append(value(i, j, k)).append('\n');
                }
            }
        }
        return s.toString();
    }

    /** Parses {@link #format()} text. */
    static TrapStepTable parse(String text) {
        String[] lines = text.split("\n");
        String key = lines[1].substring("# key ".length());
        String[] n = lines[2].substring("# axes ".length()).trim().split(" ");
        int nw = Integer.parseInt(n[0]);
        int nd = Integer.parseInt(n[1]);
        int ne = Integer.parseInt(n[2]);
        double[] w = new double[nw];
        double[] d = new double[nd];
        double[] e = new double[ne];
        double[] v = new double[nw * nd * ne];
        for (int r = 0; r < v.length; r++) {
            String[] c = lines[4 + r].split("\t");
            w[r / (nd * ne)] = Double.parseDouble(c[0]);
            d[r / ne % nd] = Double.parseDouble(c[1]);
            e[r % ne] = Double.parseDouble(c[2]);
            v[r] = Double.parseDouble(c[3]);
        }
        return new TrapStepTable(key, w, d, e, v);
    }

    /** The shipped table, or null when there is none. */
    static TrapStepTable shipped() {
        try (InputStream in = TrapStepTable.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the trap step table " + RESOURCE, e);
        }
    }
}
