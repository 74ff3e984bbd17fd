package org.hafnia.physics.electrostatics;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.operators.FiniteVolumeDiffusion;

/**
 * A film of conductivity σ(x, y, z) (S/m) between a grounded bottom electrode (z = 0) and a top
 * electrode at voltage V (z = t), with insulating (zero-flux) side walls: the problem
 * ∇·(σ ∇V) = 0 of physics.md §1.3, discretised by {@link FiniteVolumeDiffusion}.
 *
 * <p>A 2D plan-view map φ(x, y) is the film {@linkplain #extruded extruded} through the
 * thickness: every node a vertical column of conductance g = σ(φ) A / t, coupled laterally to
 * its neighbours through the faces between columns (the quasi-3D film; with one layer it is
 * the 2D+1 model). For σ independent of z the exact potential is V z / t in every column, so
 * no current crosses between columns and G = Σ g, the columns in parallel; lateral coupling
 * carries current as soon as σ varies with depth (a 3D field, or a map confined to part of the
 * thickness). Rayleigh's monotonicity law bounds any film: cutting the lateral faces gives
 * {@link #columnsInParallel()} ≤ G, shorting every layer gives G ≤ {@link #layersInSeries()}.
 */
public final class ConductingFilm {

    private final Grid3D grid;
    private final double[] sigma;

    /**
     * @param grid  film grid in a physical length unit; z runs from the bottom to the top electrode
     * @param sigma conductivity per cell, S/m (> 0), not copied
     */
    public ConductingFilm(Grid3D grid, double[] sigma) {
        if (grid.unit() == LengthUnit.REDUCED) {
            throw new InvalidInputException("a conducting film needs a grid in physical length units (nm, um or m), not reduced units");
        }
        if (sigma.length != grid.size()) {
            throw new IllegalArgumentException("σ has " + sigma.length + " values, grid has " + grid.size());
        }
        this.grid = grid;
        this.sigma = sigma;
    }

    /** The film of a 3D phase field φ(x, y, z) under a conductivity model. */
    public static ConductingFilm of(ScalarField3D phi, ConductivityModel model) {
        double[] s = new double[phi.values().length];
        model.conductivity(phi.values(), s);
        return new ConductingFilm(phi.grid(), s);
    }

    /**
     * The plan-view map φ(x, y) extruded through a film of thickness {@code thickness} (in the
     * map's length unit) in {@code layers} layers.
     */
    public static ConductingFilm extruded(ScalarField2D phi, ConductivityModel model, double thickness, int layers) {
        Grid2D g = phi.grid();
        if (!(thickness > 0) || layers < 1) {
            throw new InvalidInputException("film thickness must be positive and layers ≥ 1, got " + thickness + ", " + layers);
        }
        Grid3D g3 = new Grid3D(g.nx(), g.ny(), layers, g.dx(), g.dy(), thickness / layers, g.unit());
        int plane = g.size();
        double[] s = new double[plane * layers];
        double[] column = new double[plane];
        model.conductivity(phi.values(), column);
        for (int k = 0; k < layers; k++) {
            System.arraycopy(column, 0, s, k * plane, plane);
        }
        return new ConductingFilm(g3, s);
    }

    public Grid3D grid() {
        return grid;
    }

    /** σ per cell, S/m (shared). */
    public double[] conductivity() {
        return sigma;
    }

    /** Film thickness t in metres. */
    public double thickness() {
        return grid.nz() * grid.dz() * grid.unit().metres();
    }

    /** Plan-view area in m². */
    public double area() {
        double m = grid.unit().metres();
        return grid.nx() * grid.dx() * m * grid.ny() * grid.dy() * m;
    }

    /** The discrete operator with the bottom electrode at 0 V and the top one at {@code voltage}. */
    public FiniteVolumeDiffusion operator(double voltage) {
        return new FiniteVolumeDiffusion(grid, electrodes(voltage), sigma);
    }

    /** The faces of the conduction problem: bottom electrode 0 V, top {@code voltage}, insulating sides. */
    public static BoundaryConditions3D electrodes(double voltage) {
        return new BoundaryConditions3D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux(),
                new AxisBoundary(BoundaryCondition.dirichlet(0), BoundaryCondition.dirichlet(voltage)));
    }

    /**
     * Conductance of the columns without lateral coupling, Σ_columns (Σ_k dz/(σ_k dA))⁻¹, in S:
     * exact for σ independent of z, a lower bound otherwise.
     */
    public double columnsInParallel() {
        int plane = grid.nx() * grid.ny();
        double dA = area() / plane;
        double dz = thickness() / grid.nz();
        double g = 0;
        for (int c = 0; c < plane; c++) {
            double r = 0;
            for (int k = 0; k < grid.nz(); k++) {
                r += dz / (sigma[k * plane + c] * dA);
            }
            g += 1 / r;
        }
        return g;
    }

    /**
     * Conductance of the layers in series with each layer's cells in parallel,
     * (Σ_k dz / (Σ_cells σ dA))⁻¹, in S: exact for σ independent of x and y, an upper bound otherwise.
     */
    public double layersInSeries() {
        int plane = grid.nx() * grid.ny();
        double dA = area() / plane;
        double dz = thickness() / grid.nz();
        double r = 0;
        for (int k = 0; k < grid.nz(); k++) {
            double g = 0;
            for (int c = 0; c < plane; c++) {
                g += sigma[k * plane + c] * dA;
            }
            r += dz / g;
        }
        return 1 / r;
    }

    /** Mean over the z layers of each (x, y) column: a plan-view field from per-cell values. */
    public double[] columnMean(double[] cells) {
        int plane = grid.nx() * grid.ny();
        double[] out = new double[plane];
        for (int k = 0; k < grid.nz(); k++) {
            for (int c = 0; c < plane; c++) {
                out[c] += cells[k * plane + c];
            }
        }
        for (int c = 0; c < plane; c++) {
            out[c] /= grid.nz();
        }
        return out;
    }
}
