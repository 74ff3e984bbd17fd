package org.hafnia.physics.traps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * <p>Placement: the traps are a homogeneous Poisson point process of areal density ρ in the
 * film's plane coordinates, restricted to partially reduced oxide
 * ({@link TrapParameters#partiallyReduced}) within {@link TrapParameters#maxDistance()} of a
 * conducting path. The process is drawn once per square bin of {@link #BIN} nm, fixed in the film
 * and independent of the grid: a Poisson count of mean ρ·{@code BIN}², each candidate at a uniform
 * position in its bin; count and positions are counter-based random numbers of (seed, bin, rank)
 * alone (SplitMix64, as {@link org.hafnia.physics.kinetics.LangevinNoise}), so the same seed gives
 * the same candidates for any thread count and on any grid of the same film. A candidate is a trap
 * while φ interpolated at its own position ({@link #logit}: bilinear in ψ = artanh(2φ − 1)) lies
 * in the window, so it disappears
 * when its region dissolves (φ &lt; φ_min) or completes (φ ≥ φ_channel) there, or no conducting
 * path is left within reach; its occupancy is kept while it stays.
 *
 * <p>Step: the trap's distance d from the nearest conducting path (to the interpolated
 * φ = φ_channel contour) and that path's width a (the side of the square of equal area to the connected
 * conducting region, its area the sub-cell area inside the contour, or to the disc on the path's
 * chord along the contour normal where that is smaller) give, through
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
     * @param key        its counter key: bin × {@link #MAX_PER_BIN} + rank in the bin
     * @param x          position, nm
     * @param y          position, nm
     * @param distance   d, distance to the nearest conducting path (its φ = φ_channel contour), nm
     * @param width      a, the side of the path's square cross-section, nm: that of the square of
     *                   the path's conducting area, or, where smaller, of the disc whose diameter is
     *                   the path's chord along the contour normal where the trap meets it (an
     *                   elongated path)
     * @param charged    whether it holds its charge now
     */
    public record Trap(long key, double x, double y, double distance, double width, boolean charged) {
    }

    /**
     * Side of the square bins in which the point process is drawn, nm. A numerical device, not a
     * parameter: a Poisson process restricted to disjoint bins is the same process for any bin
     * size; 1 nm holds ρ·1 nm² = 0.15 candidates at the default density, so an update draws few
     * uniforms (one per bin plus three per candidate) and the bins do not depend on the grid.
     */
    static final double BIN = 1.0;
    /** Most candidates one bin can hold (the Poisson count is cut there; ρ·BIN² ≪ 64 for any sensible density). */
    static final int MAX_PER_BIN = 64;
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
    /** Work arrays of {@link #update}: component label per node, the labelling queue, area per component (nm²). */
    private int[] label = new int[0];
    private int[] queue = new int[0];
    private double[] area = new double[1];
    /** Work array of {@link #update}: logit φ per node ({@link #logit}), the field the placement interpolates. */
    private double[] psi = new double[0];
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

    /**
     * {@inheritDoc} The grid's unit must be a physical length (nm, µm, m), not reduced. The
     * candidates are visited in key order, so the traps that stay are found in the previous
     * population by one merge over its (sorted) keys; the labelling work arrays are kept between
     * updates.
     */
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
        double width = nx * dx;
        double height = ny * dy;
        if (label.length != phi.length) {
            label = new int[phi.length];
            queue = new int[phi.length];
        }
        if (psi.length != phi.length) {
            psi = new double[phi.length];
        }
        for (int k = 0; k < phi.length; k++) {
            psi[k] = logit(phi[k]);
        }
        double psiMin = logit(parameters.phiMin());
        double psiChannel = logit(parameters.phiChannel());
        int regions = components(phi, nx, ny);
        regionAreas(psi, psiChannel, nx, ny, dx, dy, regions);
        double mean = parameters.arealDensity() * BIN * BIN;
        int binsX = (int) Math.ceil(width / BIN);
        int binsY = (int) Math.ceil(height / BIN);
        int reachX = (int) Math.ceil(parameters.maxDistance() / dx) + 1;
        int reachY = (int) Math.ceil(parameters.maxDistance() / dy) + 1;
        List<Trap> placed = new ArrayList<>();
        List<double[]> placedProfiles = new ArrayList<>();
        int previous = 0;
        for (int by = 0; by < binsY; by++) {
            for (int bx = 0; bx < binsX; bx++) {
                int bin = by * binsX + bx;
                int count = poisson(mean, draw(key(bin, 0), 0, 0));
                for (int k = 0; k < count; k++) {
                    long key = key(bin, k);
                    double tx = (bx + draw(key, 1, 0)) * BIN;
                    double ty = (by + draw(key, 2, 0)) * BIN;
                    if (tx >= width || ty >= height) {
                        continue;
                    }
                    double at = bilinear(psi, nx, ny, dx, dy, tx, ty);
                    if (!(at >= psiMin && at < psiChannel)) {
                        continue;
                    }
                    int i = Math.min((int) (tx / dx), nx - 1);
                    int j = Math.min((int) (ty / dy), ny - 1);
                    int c = nearestConducting(phi, nx, ny, dx, dy, tx, ty, i, j, reachX, reachY);
                    if (c < 0) {
                        continue;
                    }
                    double[] line = path(psi, psiChannel, nx, ny, dx, dy, tx, ty, (c % nx + 0.5) * dx, (c / nx + 0.5) * dy);
                    double d = line[0];
                    if (d > parameters.maxDistance()) {
                        continue;
                    }
                    double a = Math.min(Math.sqrt(area[label[c]]), HALF_ROOT_PI * line[1]);
                    while (previous < keys.length && keys[previous] < key) {
                        previous++;
                    }
                    boolean q = previous < keys.length && keys[previous] == key ? charged[previous]
                            : draw(key, 3, updates) < chargedFraction(lastVolts);
                    placed.add(new Trap(key, tx, ty, d, a, q));
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
            keys[t] = traps[t].key();
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

    /** The traps of the current map, in key order, with their present occupancy. */
    public List<Trap> traps() {
        List<Trap> out = new ArrayList<>(traps.length);
        for (int t = 0; t < traps.length; t++) {
            Trap p = traps[t];
            out.add(new Trap(p.key(), p.x(), p.y(), p.distance(), p.width(), charged[t]));
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

    private static long key(int bin, int k) {
        return (long) bin * MAX_PER_BIN + k;
    }

    /** Uniform in [0, 1) from (seed, key, stream, counter) alone. */
    private double draw(long key, int stream, long counter) {
        return LangevinNoise.uniform(seed, key * STREAMS + stream, counter);
    }

    /** Poisson count of mean {@code mean} by inversion of the uniform {@code u}, cut at {@link #MAX_PER_BIN}. */
    static int poisson(double mean, double u) {
        double p = Math.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (u >= cumulative && k < MAX_PER_BIN - 1) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /**
     * Labels the 4-connected conducting components of the nodes (φ ≥ φ_channel; label −1
     * elsewhere) into {@link #label} and returns their number.
     */
    private int components(double[] phi, int nx, int ny) {
        Arrays.fill(label, -1);
        int id = 0;
        for (int start = 0; start < phi.length; start++) {
            if (label[start] >= 0 || !parameters.conducting(phi[start])) {
                continue;
            }
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
            id++;
        }
        return id;
    }

    /**
     * The area of each conducting component inside the φ = φ_channel contour, nm², into
     * {@link #area}: a sub-cell estimate, not a count of nodes. Over each dual cell (the square
     * between four node centres) the region φ ≥ φ_channel is the polygon of the corners above the
     * level and the crossings of the level on the edges, ψ linear along each edge as in the
     * placement's interpolant (marching squares; the area is second order in the spacing for a smooth
     * contour, where the node count is first order). The half and quarter cells between the outer
     * centres and the map's edge, where the interpolant is constant across, count half and a
     * quarter of the cell over the replicated edge values. A cell's area is shared equally by the
     * components of its corners above the level.
     */
    private void regionAreas(double[] psi, double level, int nx, int ny, double dx, double dy, int regions) {
        if (area.length < regions) {
            area = new double[Math.max(regions, 2 * area.length)];
        }
        Arrays.fill(area, 0, regions, 0);
        for (int j = -1; j < ny; j++) {
            int j0 = Math.max(j, 0);
            int j1 = Math.min(j + 1, ny - 1);
            double wy = j < 0 || j == ny - 1 ? 0.5 : 1;
            for (int i = -1; i < nx; i++) {
                int i0 = Math.max(i, 0);
                int i1 = Math.min(i + 1, nx - 1);
                int c0 = j0 * nx + i0;
                int c1 = j0 * nx + i1;
                int c2 = j1 * nx + i1;
                int c3 = j1 * nx + i0;
                int inside = (label[c0] >= 0 ? 1 : 0) + (label[c1] >= 0 ? 1 : 0) + (label[c2] >= 0 ? 1 : 0)
                        + (label[c3] >= 0 ? 1 : 0);
                if (inside == 0) {
                    continue;
                }
                double wx = i < 0 || i == nx - 1 ? 0.5 : 1;
                double cell = wx * wy * dx * dy * (inside == 4 ? 1
                        : insideFraction(psi[c0] - level, psi[c1] - level, psi[c2] - level, psi[c3] - level));
                double share = cell / inside;
                share(c0, share);
                share(c1, share);
                share(c2, share);
                share(c3, share);
            }
        }
    }

    private void share(int node, double cellArea) {
        if (label[node] >= 0) {
            area[label[node]] += cellArea;
        }
    }

    /**
     * Fraction of the unit square with corner values v0 (0, 0), v1 (1, 0), v2 (1, 1), v3 (0, 1)
     * (φ − level) where the edge-linear field is ≥ 0: the shoelace area of the polygon of the
     * corners ≥ 0 and the edges' zero crossings, in order round the square.
     */
    static double insideFraction(double v0, double v1, double v2, double v3) {
        // Corners anticlockwise (0, 0), (1, 0), (1, 1), (0, 1); the polygon's vertices are visited in the same order.
        double sum = 0;
        double firstX = Double.NaN;
        double firstY = 0;
        double lastX = 0;
        double lastY = 0;
        for (int k = 0; k < 8; k++) {
            int c = k >> 1;
            int n = (c + 1) & 3;
            double vc = c == 0 ? v0 : c == 1 ? v1 : c == 2 ? v2 : v3;
            double vn = n == 0 ? v0 : n == 1 ? v1 : n == 2 ? v2 : v3;
            double px = c == 1 || c == 2 ? 1 : 0;
            double py = c >= 2 ? 1 : 0;
            double x;
            double y;
            if ((k & 1) == 0) {
                if (vc < 0) {
                    continue;
                }
                x = px;
                y = py;
            } else {
                if ((vc >= 0) == (vn >= 0)) {
                    continue;
                }
                double f = vc / (vc - vn);
                x = px + f * ((n == 1 || n == 2 ? 1 : 0) - px);
                y = py + f * ((n >= 2 ? 1 : 0) - py);
            }
            if (Double.isNaN(firstX)) {
                firstX = x;
                firstY = y;
            } else {
                sum += lastX * y - x * lastY;
            }
            lastX = x;
            lastY = y;
        }
        return Double.isNaN(firstX) ? 0 : 0.5 * Math.abs(sum + lastX * firstY - firstX * lastY);
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
     * trap are tried: along the gradient of the interpolated φ (the contour normal) and towards the
     * nearest conducting centre {@code (cx, cy)} (which always reaches the path); on each, d is
     * where φ first reaches φ_channel, and since both end on the contour the smaller is kept. The
     * chord runs from that contour point P along the gradient of φ at P (the contour normal: through
     * the centre of a round channel, across an elongated one) to where φ falls below φ_channel
     * again or the map ends. {@code field} is ψ ({@link #logit}) and {@code level} ψ at φ_channel.
     */
    private double[] path(double[] field, double level, int nx, int ny, double dx, double dy, double tx, double ty,
                          double cx, double cy) {
        double h = 0.5 * Math.min(dx, dy);
        double ux = cx - tx;
        double uy = cy - ty;
        double d = entry(field, level, nx, ny, dx, dy, tx, ty, ux, uy);
        double[] g = gradient(field, nx, ny, dx, dy, tx, ty, h);
        if (g[0] != 0 || g[1] != 0) {
            double normal = entry(field, level, nx, ny, dx, dy, tx, ty, g[0], g[1]);
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
        double[] n = gradient(field, nx, ny, dx, dy, px, py, h);
        if (n[0] == 0 && n[1] == 0) {
            n = new double[] {ux, uy};
        }
        double chord = edge(field, level, nx, ny, dx, dy, px, py, n[0], n[1], false, Math.hypot(nx * dx, ny * dy));
        return new double[] {d, chord};
    }

    /** Central differences of the interpolated field at (x, y) over ± h (unnormalised direction of steepest ascent). */
    private static double[] gradient(double[] field, int nx, int ny, double dx, double dy, double x, double y, double h) {
        return new double[] {bilinear(field, nx, ny, dx, dy, x + h, y) - bilinear(field, nx, ny, dx, dy, x - h, y),
            bilinear(field, nx, ny, dx, dy, x, y + h) - bilinear(field, nx, ny, dx, dy, x, y - h)};
    }

    /** Distance from (tx, ty) along (ux, uy) to where the interpolated φ first reaches φ_channel; +∞ beyond maxDistance or the map. */
    private double entry(double[] field, double level, int nx, int ny, double dx, double dy, double tx, double ty, double ux, double uy) {
        if (bilinear(field, nx, ny, dx, dy, tx, ty) >= level) {
            return 0;
        }
        return edge(field, level, nx, ny, dx, dy, tx, ty, ux, uy, true, parameters.maxDistance() + Math.min(dx, dy));
    }

    /**
     * Along (ux, uy) from (x0, y0): the first distance where "interpolated φ ≥ φ_channel" (field ≥ level) becomes
     * {@code reach}, marched in quarter spacings up to {@code to} nm and bisected. Leaving the map
     * first gives +∞ when looking for the path and the distance to the map's edge when looking for
     * its end; not finding it by {@code to} gives +∞.
     */
    private double edge(double[] field, double level, int nx, int ny, double dx, double dy, double x0, double y0,
                        double ux, double uy, boolean reach, double to) {
        double norm = Math.hypot(ux, uy);
        ux /= norm;
        uy /= norm;
        double march = 0.25 * Math.min(dx, dy);
        double before = 0;
        for (double s = march; s <= to + march; s += march) {
            double x = x0 + s * ux;
            double y = y0 + s * uy;
            if (x < 0 || y < 0 || x > nx * dx || y > ny * dy) {
                return reach ? Double.POSITIVE_INFINITY : mapEdge(nx * dx, ny * dy, x0, y0, ux, uy);
            }
            if ((bilinear(field, nx, ny, dx, dy, x, y) >= level) == reach) {
                double lo = before;
                double hi = s;
                for (int it = 0; it < BISECTIONS; it++) {
                    double mid = 0.5 * (lo + hi);
                    if ((bilinear(field, nx, ny, dx, dy, x0 + mid * ux, y0 + mid * uy) >= level) == reach) {
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

    /** Bounds of φ in {@link #logit}: |ψ| ≤ 10.4, far beyond the window's ψ (±1.1 at φ = 0.1, 0.9). */
    private static final double PHI_FLOOR = 1e-9;

    /**
     * ψ = artanh(2φ − 1) = ½ ln(φ/(1 − φ)), φ held in [10⁻⁹, 1 − 10⁻⁹]: the interpolated field of
     * the placement. The double well's interface profile φ = ½(1 + tanh(s/w)) (physics.md §1.1)
     * has ψ = s/w, linear in the signed distance s across the interface, so the bilinear
     * interpolant of ψ puts a φ level on a straight interface exactly and on a curved one with an
     * error of order (h²/8)/R, where bilinear φ is off by (h²/8)|φ''|/|φ'| = (h²/4)|tanh(s/w)|/w
     * (0.07 nm at the 0.9 contour of the default device, 0.5 nm spacing, w = 0.7 nm). ψ is
     * monotone in φ, so its contours are φ's and its gradient points along φ's.
     */
    static double logit(double phi) {
        double p = Math.min(Math.max(phi, PHI_FLOOR), 1 - PHI_FLOOR);
        return 0.5 * Math.log(p / (1 - p));
    }

    /**
     * φ of the map at (x, y) as the placement sees it ({@link #interpolated}), with x, y in nm: the
     * test a trap at that position passes or fails. Allocates a work array: for analysis, not for a
     * time step.
     */
    public static double phiAt(Grid2D grid, double[] phi, double x, double y) {
        double nm = grid.unit().metres() * 1e9;
        return interpolated(phi, grid.nx(), grid.ny(), grid.dx() * nm, grid.dy() * nm, x, y);
    }

    /** φ at (x, y), nm, as the placement sees it: ½(1 + tanh ψ̃), ψ̃ the bilinear interpolant of {@link #logit} φ. */
    static double interpolated(double[] phi, int nx, int ny, double dx, double dy, double x, double y) {
        double[] psi = new double[phi.length];
        for (int k = 0; k < phi.length; k++) {
            psi[k] = logit(phi[k]);
        }
        return 0.5 * (1 + Math.tanh(bilinear(psi, nx, ny, dx, dy, x, y)));
    }

    /** Bilinear interpolation of the cell-centred field f at (x, y), nm (constant beyond the outer centres). */
    static double bilinear(double[] f, int nx, int ny, double dx, double dy, double x, double y) {
        double fx = Math.min(Math.max(x / dx - 0.5, 0), nx - 1);
        double fy = Math.min(Math.max(y / dy - 0.5, 0), ny - 1);
        int i0 = Math.min((int) fx, Math.max(nx - 2, 0));
        int j0 = Math.min((int) fy, Math.max(ny - 2, 0));
        int i1 = Math.min(i0 + 1, nx - 1);
        int j1 = Math.min(j0 + 1, ny - 1);
        double s = fx - i0;
        double t = fy - j0;
        return (1 - s) * ((1 - t) * f[j0 * nx + i0] + t * f[j1 * nx + i0])
                + s * ((1 - t) * f[j0 * nx + i1] + t * f[j1 * nx + i1]);
    }
}
