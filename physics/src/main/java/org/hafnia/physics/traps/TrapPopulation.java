package org.hafnia.physics.traps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.api.TelegraphNoiseSource;
import org.hafnia.physics.compact.TelegraphNoise;
import org.hafnia.physics.kinetics.LangevinNoise;

/**
 * The charge traps of one device's channel map and their occupancy (issue 10, docs/traps.md).
 *
 * <p>Placement: every node in partially reduced oxide ({@link TrapParameters#partiallyReduced})
 * within {@link TrapParameters#maxDistance()} of a conducting node holds a Poisson number of
 * traps of mean ρ ΔA (ρ the areal density, ΔA the cell area in nm²), each at a uniform position
 * inside the cell; count and positions are counter-based random numbers of (seed, node) alone
 * (SplitMix64, as {@link org.hafnia.physics.kinetics.LangevinNoise}), so the same map and seed
 * give the same traps for any thread count, and a site keeps its traps while its node stays
 * partially reduced. A trap disappears when its node leaves the window (dissolves, φ &lt; φ_min,
 * or completes, φ ≥ φ_channel) or no conducting path is left within reach.
 *
 * <p>Step: the trap's distance d from the nearest conducting path (to the φ = φ_channel contour)
 * and that path's width a (the side of the square of equal area to the connected conducting
 * region, or to the disc on the path's chord along the contour normal where that is smaller) give, through
 * {@link TrapStepTable}, the Landauer conductance change ΔG(V) = −G0 ⟨ΔT⟩ over the bias window
 * of the read (docs/traps.md).
 *
 * <p>Occupancy: a two-state Markov chain per trap with lifetimes τ0(V) (charged) and τ1(V)
 * (neutral), sampled exactly over any interval from the closed form of the chain (Machlup,
 * J. Appl. Phys. 25, 341 (1954)). Not thread-safe; one device owns one population.
 */
public final class TrapPopulation implements TelegraphNoiseSource {

    /**
     * One trap of the current map.
     *
     * @param site       flat index of its node
     * @param x          position, nm
     * @param y          position, nm
     * @param distance   d, distance to the nearest conducting path (its φ = φ_channel contour), nm
     * @param width      a, the side of the path's square cross-section, nm: that of the square of
     *                   the path's conducting area, or, where smaller, of the disc whose diameter is
     *                   the path's chord along the contour normal where the trap meets it (an
     *                   elongated path)
     * @param charged    whether it holds its charge now
     */
    public record Trap(int site, double x, double y, double distance, double width, boolean charged) {
    }

    /** Most traps one node can hold (the Poisson count is cut there; ρ ΔA ≪ 1 on every sensible grid). */
    static final int MAX_PER_NODE = 64;
    /** Random streams per trap key: count, x, y, initial occupancy, occupancy steps. */
    private static final int STREAMS = 5;
    /** √π/2: the side of the square of equal area to a disc of unit diameter. */
    private static final double HALF_ROOT_PI = 0.5 * Math.sqrt(Math.PI);
    /** Bisection steps for the contour crossing: 2⁻⁴⁰ of the segment, far below any grid spacing. */
    private static final int BISECTIONS = 40;

    private final TrapParameters parameters;
    private final long seed;
    private final TrapStepTable table;

    private Trap[] traps = new Trap[0];
    private long[] keys = new long[0];
    private boolean[] charged = new boolean[0];
    private double[][] profiles = new double[0][];
    private double lastVolts;
    private long steps;
    private long updates;

    /**
     * A population without traps until the first {@link #update}. Builds or loads the step table
     * of {@code parameters} ({@link TrapStepTable#of}).
     *
     * @param parameters trap parameters
     * @param seed       seed of placement and occupancy
     */
    public TrapPopulation(TrapParameters parameters, long seed) {
        this.parameters = parameters;
        this.seed = seed;
        this.table = TrapStepTable.of(parameters);
    }

    /**
     * The state of {@code o}. Its trap, key and profile arrays are shared: {@link #update} replaces
     * them and nothing writes into them; the occupancies, which {@link #advance} writes, are copied.
     */
    private TrapPopulation(TrapPopulation o) {
        this.parameters = o.parameters;
        this.seed = o.seed;
        this.table = o.table;
        this.traps = o.traps;
        this.keys = o.keys;
        this.charged = o.charged.clone();
        this.profiles = o.profiles;
        this.lastVolts = o.lastVolts;
        this.steps = o.steps;
        this.updates = o.updates;
    }

    /** {@inheritDoc} The draws are counter-based ({@link #draw}): the counters are the streams' state. */
    @Override
    public TrapPopulation copy() {
        return new TrapPopulation(this);
    }

    public TrapParameters parameters() {
        return parameters;
    }

    public long seed() {
        return seed;
    }

    /** {@inheritDoc} The grid's unit must be a physical length (nm, µm, m), not reduced. */
    @Override
    public void update(Grid2D grid, double[] phi) {
        if (grid.unit() == LengthUnit.REDUCED) {
            throw new InvalidInputException("traps: the channel map's grid is in reduced units; expected a physical length unit (nm)");
        }
        if (phi.length != grid.size()) {
            throw new InvalidInputException("traps: channel map of " + phi.length + " values on a " + grid.nx() + " × "
                    + grid.ny() + " grid");
        }
        double nm = grid.unit().metres() * 1e9;
        double dx = grid.dx() * nm;
        double dy = grid.dy() * nm;
        int nx = grid.nx();
        int ny = grid.ny();
        int[] label = new int[phi.length];
        double[] area = components(phi, nx, ny, dx * dy, label);
        Map<Long, Boolean> before = new HashMap<>();
        for (int t = 0; t < keys.length; t++) {
            before.put(keys[t], charged[t]);
        }
        double mean = parameters.arealDensity() * dx * dy;
        int reachX = (int) Math.ceil(parameters.maxDistance() / dx) + 1;
        int reachY = (int) Math.ceil(parameters.maxDistance() / dy) + 1;
        List<Trap> placed = new ArrayList<>();
        List<Long> placedKeys = new ArrayList<>();
        List<double[]> placedProfiles = new ArrayList<>();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int node = j * nx + i;
                if (!parameters.partiallyReduced(phi[node])) {
                    continue;
                }
                int count = poisson(mean, draw(key(node, 0), 0, 0));
                for (int k = 0; k < count; k++) {
                    long key = key(node, k);
                    double tx = (i + draw(key, 1, 0)) * dx;
                    double ty = (j + draw(key, 2, 0)) * dy;
                    int c = nearestConducting(phi, nx, ny, dx, dy, tx, ty, i, j, reachX, reachY);
                    if (c < 0) {
                        continue;
                    }
                    double[] line = path(phi, nx, ny, dx, dy, tx, ty, (c % nx + 0.5) * dx, (c / nx + 0.5) * dy);
                    double d = line[0];
                    if (d > parameters.maxDistance()) {
                        continue;
                    }
                    double a = Math.min(Math.sqrt(area[label[c]]), HALF_ROOT_PI * line[1]);
                    Boolean was = before.get(key);
                    boolean q = was != null ? was : draw(key, 3, updates) < chargedFraction(lastVolts);
                    placed.add(new Trap(node, tx, ty, d, a, q));
                    placedKeys.add(key);
                    placedProfiles.add(table.energyProfile(a, d));
                }
            }
        }
        int n = placed.size();
        traps = placed.toArray(new Trap[0]);
        keys = new long[n];
        charged = new boolean[n];
        profiles = placedProfiles.toArray(new double[0][]);
        for (int t = 0; t < n; t++) {
            keys[t] = placedKeys.get(t);
            charged[t] = traps[t].charged();
        }
        updates++;
    }

    /** {@inheritDoc} Exact for any interval: the closed-form transition probability of the two-state chain. */
    @Override
    public void advance(double seconds, double volts) {
        if (!(seconds >= 0) || Double.isInfinite(seconds) || !Double.isFinite(volts)) {
            throw new InvalidInputException("traps: advance by " + seconds + " s at " + volts
                    + " V; expected a finite time ≥ 0 and a finite voltage");
        }
        double tau0 = parameters.chargedLifetime().tau(volts);
        double tau1 = parameters.neutralLifetime().tau(volts);
        for (int t = 0; t < charged.length; t++) {
            double pNeutral = TelegraphNoise.highProbability(!charged[t], seconds, tau0, tau1);
            charged[t] = draw(keys[t], 4, steps) >= pNeutral;
        }
        lastVolts = volts;
        steps++;
    }

    /** {@inheritDoc} Negative: a charged trap lowers the transmission of its path. */
    @Override
    public double conductanceChange(double volts) {
        double sum = 0;
        for (int t = 0; t < charged.length; t++) {
            if (charged[t]) {
                sum += table.windowAverage(profiles[t], volts);
            }
        }
        return -PhysicalConstants.CONDUCTANCE_QUANTUM_S * sum;
    }

    /** The traps of the current map, in site order, with their present occupancy. */
    public List<Trap> traps() {
        List<Trap> out = new ArrayList<>(traps.length);
        for (int t = 0; t < traps.length; t++) {
            Trap p = traps[t];
            out.add(new Trap(p.site(), p.x(), p.y(), p.distance(), p.width(), charged[t]));
        }
        return out;
    }

    /** Writes whether each trap of {@link #traps()} is charged into {@code out} (at least that long); no allocation. */
    public void chargedStates(boolean[] out) {
        System.arraycopy(charged, 0, out, 0, charged.length);
    }

    /**
     * The conductance step of trap {@code k} of {@link #traps()} when charged, in a read at
     * {@code volts}: ΔG = −G0 ⟨ΔT⟩ over the bias window, S (negative).
     */
    public double step(int k, double volts) {
        return -PhysicalConstants.CONDUCTANCE_QUANTUM_S * table.windowAverage(profiles[k], volts);
    }

    /** Stationary probability of the charged state at {@code volts}: τ0/(τ0 + τ1). */
    public double chargedFraction(double volts) {
        double tau0 = parameters.chargedLifetime().tau(volts);
        return tau0 / (tau0 + parameters.neutralLifetime().tau(volts));
    }

    private static long key(int node, int k) {
        return (long) node * MAX_PER_NODE + k;
    }

    /** Uniform in [0, 1) from (seed, key, stream, counter) alone. */
    private double draw(long key, int stream, long counter) {
        return LangevinNoise.uniform(seed, key * STREAMS + stream, counter);
    }

    /** Poisson count of mean {@code mean} by inversion of the uniform {@code u}, cut at {@link #MAX_PER_NODE}. */
    static int poisson(double mean, double u) {
        double p = Math.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (u >= cumulative && k < MAX_PER_NODE - 1) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /**
     * Labels the 4-connected conducting components of φ (label −1 elsewhere) and returns the area
     * of each, nm².
     */
    private double[] components(double[] phi, int nx, int ny, double cellArea, int[] label) {
        java.util.Arrays.fill(label, -1);
        int[] queue = new int[phi.length];
        List<Double> areas = new ArrayList<>();
        for (int start = 0; start < phi.length; start++) {
            if (label[start] >= 0 || !parameters.conducting(phi[start])) {
                continue;
            }
            int id = areas.size();
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int p = queue[head++];
                int i = p % nx;
                int j = p / nx;
                for (int n = 0; n < 4; n++) {
                    int q = n == 0 ? (i > 0 ? p - 1 : -1) : n == 1 ? (i < nx - 1 ? p + 1 : -1)
                            : n == 2 ? (j > 0 ? p - nx : -1) : (j < ny - 1 ? p + nx : -1);
                    if (q >= 0 && label[q] < 0 && parameters.conducting(phi[q])) {
                        label[q] = id;
                        queue[tail++] = q;
                    }
                }
            }
            areas.add(tail * cellArea);
        }
        return areas.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The conducting node whose centre is nearest to (tx, ty) within the reach, or −1. */
    private int nearestConducting(double[] phi, int nx, int ny, double dx, double dy, double tx, double ty,
                                  int i, int j, int reachX, int reachY) {
        int best = -1;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (int q = Math.max(0, j - reachY); q <= Math.min(ny - 1, j + reachY); q++) {
            for (int p = Math.max(0, i - reachX); p <= Math.min(nx - 1, i + reachX); p++) {
                int node = q * nx + p;
                if (parameters.conducting(phi[node])) {
                    double ex = (p + 0.5) * dx - tx;
                    double ey = (q + 0.5) * dy - ty;
                    double d2 = ex * ex + ey * ey;
                    if (d2 < bestD2) {
                        bestD2 = d2;
                        best = node;
                    }
                }
            }
        }
        return best;
    }

    /**
     * The trap's distance to the path and the path's chord, {d, chord}, nm. Two lines from the
     * trap are tried: along the gradient of bilinear φ (the contour normal) and towards the
     * nearest conducting centre {@code (cx, cy)} (which always reaches the path); on each, d is
     * where φ first reaches φ_channel, and since both end on the contour the smaller is kept. The
     * chord runs from that contour point P along the gradient of φ at P (the contour normal: through
     * the centre of a round channel, across an elongated one) to where φ falls below φ_channel
     * again or the map ends.
     */
    private double[] path(double[] phi, int nx, int ny, double dx, double dy, double tx, double ty,
                          double cx, double cy) {
        double h = 0.5 * Math.min(dx, dy);
        double ux = cx - tx;
        double uy = cy - ty;
        double d = entry(phi, nx, ny, dx, dy, tx, ty, ux, uy);
        double[] g = gradient(phi, nx, ny, dx, dy, tx, ty, h);
        if (g[0] != 0 || g[1] != 0) {
            double normal = entry(phi, nx, ny, dx, dy, tx, ty, g[0], g[1]);
            if (normal < d) {
                d = normal;
                ux = g[0];
                uy = g[1];
            }
        }
        if (!(d <= parameters.maxDistance())) {
            return new double[] {d, 0};
        }
        double norm = Math.hypot(ux, uy);
        double px = tx + d * ux / norm;
        double py = ty + d * uy / norm;
        double[] n = gradient(phi, nx, ny, dx, dy, px, py, h);
        if (n[0] == 0 && n[1] == 0) {
            n = new double[] {ux, uy};
        }
        double chord = edge(phi, nx, ny, dx, dy, px, py, n[0], n[1], false, Math.hypot(nx * dx, ny * dy));
        return new double[] {d, chord};
    }

    /** Central differences of bilinear φ at (x, y) over ± h (unnormalised direction of steepest ascent). */
    private static double[] gradient(double[] phi, int nx, int ny, double dx, double dy, double x, double y, double h) {
        return new double[] {bilinear(phi, nx, ny, dx, dy, x + h, y) - bilinear(phi, nx, ny, dx, dy, x - h, y),
            bilinear(phi, nx, ny, dx, dy, x, y + h) - bilinear(phi, nx, ny, dx, dy, x, y - h)};
    }

    /** Distance from (tx, ty) along (ux, uy) to where bilinear φ first reaches φ_channel; +∞ beyond maxDistance or the map. */
    private double entry(double[] phi, int nx, int ny, double dx, double dy, double tx, double ty, double ux, double uy) {
        if (bilinear(phi, nx, ny, dx, dy, tx, ty) >= parameters.phiChannel()) {
            return 0;
        }
        return edge(phi, nx, ny, dx, dy, tx, ty, ux, uy, true, parameters.maxDistance() + Math.min(dx, dy));
    }

    /**
     * Along (ux, uy) from (x0, y0): the first distance where "bilinear φ ≥ φ_channel" becomes
     * {@code reach}, marched in quarter spacings up to {@code to} nm and bisected. Leaving the map
     * first gives +∞ when looking for the path and the distance to the map's edge when looking for
     * its end; not finding it by {@code to} gives +∞.
     */
    private double edge(double[] phi, int nx, int ny, double dx, double dy, double x0, double y0,
                        double ux, double uy, boolean reach, double to) {
        double norm = Math.hypot(ux, uy);
        ux /= norm;
        uy /= norm;
        double level = parameters.phiChannel();
        double march = 0.25 * Math.min(dx, dy);
        double before = 0;
        for (double s = march; s <= to + march; s += march) {
            double x = x0 + s * ux;
            double y = y0 + s * uy;
            if (x < 0 || y < 0 || x > nx * dx || y > ny * dy) {
                return reach ? Double.POSITIVE_INFINITY : mapEdge(nx * dx, ny * dy, x0, y0, ux, uy);
            }
            if ((bilinear(phi, nx, ny, dx, dy, x, y) >= level) == reach) {
                double lo = before;
                double hi = s;
                for (int it = 0; it < BISECTIONS; it++) {
                    double mid = 0.5 * (lo + hi);
                    if ((bilinear(phi, nx, ny, dx, dy, x0 + mid * ux, y0 + mid * uy) >= level) == reach) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return 0.5 * (lo + hi);
            }
            before = s;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Distance from (x0, y0) inside [0, w] × [0, h] along the unit (ux, uy) to the rectangle's edge. */
    private static double mapEdge(double w, double h, double x0, double y0, double ux, double uy) {
        double sx = ux > 0 ? (w - x0) / ux : ux < 0 ? -x0 / ux : Double.POSITIVE_INFINITY;
        double sy = uy > 0 ? (h - y0) / uy : uy < 0 ? -y0 / uy : Double.POSITIVE_INFINITY;
        return Math.min(sx, sy);
    }

    /** Bilinear interpolation of the cell-centred φ at (x, y), nm (constant beyond the outer centres). */
    static double bilinear(double[] phi, int nx, int ny, double dx, double dy, double x, double y) {
        double fx = Math.min(Math.max(x / dx - 0.5, 0), nx - 1);
        double fy = Math.min(Math.max(y / dy - 0.5, 0), ny - 1);
        int i0 = Math.min((int) fx, Math.max(nx - 2, 0));
        int j0 = Math.min((int) fy, Math.max(ny - 2, 0));
        int i1 = Math.min(i0 + 1, nx - 1);
        int j1 = Math.min(j0 + 1, ny - 1);
        double s = fx - i0;
        double t = fy - j0;
        return (1 - s) * ((1 - t) * phi[j0 * nx + i0] + t * phi[j1 * nx + i0])
                + s * ((1 - t) * phi[j0 * nx + i1] + t * phi[j1 * nx + i1]);
    }
}
