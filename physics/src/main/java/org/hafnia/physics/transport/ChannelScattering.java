package org.hafnia.physics.transport;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.complex.ComplexField;
import org.apache.commons.math3.linear.Array2DRowFieldMatrix;
import org.apache.commons.math3.linear.FieldMatrix;
import org.hafnia.meshes.InvalidInputException;

/**
 * Multimode scattering of an electron through a hard-wall channel past screened point traps
 * (physics.md §3; Rao et al., Nature 615, 823 (2023), Fig. 3b, 3d). The wave function is
 * expanded in the transverse modes, ψ(x, y, z) = Σ_i ψ_i(z) χ_i(x, y), and −c ψ'' + (ε_i + U) ψ
 * = E ψ is discretised on nz + 1 nodes by the second-order central difference:
 * <pre>
 *   Σ_j U_ij(z_l) ψ_j(z_l) + (ε_i − E + 2c/dz²) ψ_i(z_l) − (c/dz²)(ψ_i(z_{l−1}) + ψ_i(z_{l+1})) = 0,
 * </pre>
 * l = 1 … nz − 1, closed by the open-lead equations of {@link LeadModel} for the reflection
 * amplitudes r_i and transmission amplitudes t_i of a unit wave incident from the left.
 * Unknown blocks (r, ψ(z_0), …, ψ(z_nz), t) and the equations in that order make the system
 * block-tridiagonal with M × M blocks (M transverse modes); {@link BlockTridiagonalSystem}
 * solves it for every propagating incident mode at once.
 */
public final class ChannelScattering {

    private static final ComplexField FIELD = ComplexField.getInstance();

    private final ScatteringParameters parameters;
    private final TransverseModes modes;
    private final double[] z;
    private final double[] coupling;
    private final Complex[] wavenumber;
    private final Complex[] outgoing;
    private final Complex[] incoming;
    private final int[] incident;

    public ChannelScattering(ScatteringParameters p) {
        this.parameters = p;
        double c = p.kineticScale();
        double dz = p.spacing();
        modes = new TransverseModes(p.widthX(), p.widthY(), p.modesX(), p.modesY(), c);
        z = p.nodes();
        ScreenedCoulombPotential u = new ScreenedCoulombPotential(p.traps(), p.coulombConstant(), p.debyeLength());
        coupling = ModeCouplingMatrices.compute(modes, p.widthX(), p.widthY(), p.quadraturePoints(), u, z);
        int m = modes.count();
        wavenumber = new Complex[m];
        outgoing = new Complex[m];
        incoming = new Complex[m];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            double k2 = (p.energy() - modes.energy(i)) / c;
            wavenumber[i] = LeadModel.wavenumber(k2);
            outgoing[i] = p.leads().outgoing(k2, dz);
            incoming[i] = p.leads().incoming(k2, dz);
            if (outgoing[i].getReal() > 0) {
                open.add(i);
            }
        }
        if (open.isEmpty() || open.get(0) != 0) {
            throw new InvalidInputException("energy_eV: E = " + p.energy() + " eV does not propagate in the lowest mode on a grid of dz = "
                    + dz + " nm with " + p.leads() + " leads (the lattice band ends at 4c/dz² = " + 4 * c / (dz * dz) + " eV)");
        }
        incident = open.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The discrete system, with one right-hand side per propagating incident mode. */
    public BlockTridiagonalSystem system() {
        int m = modes.count();
        int nz = parameters.intervals();
        double c = parameters.kineticScale();
        double dz = parameters.spacing();
        double hop = c / (dz * dz);
        Complex iOverDz = new Complex(0, 1 / dz);
        int n = nz + 3;
        List<FieldMatrix<Complex>> lower = new ArrayList<>(n);
        List<FieldMatrix<Complex>> diagonal = new ArrayList<>(n);
        List<FieldMatrix<Complex>> upper = new ArrayList<>(n);
        List<FieldMatrix<Complex>> rhs = new ArrayList<>(n);

        // Block row 0: ψ_i(z_0) − r_i = δ_im.
        lower.add(null);
        diagonal.add(scaledIdentity(m, Complex.ONE.negate()));
        upper.add(scaledIdentity(m, Complex.ONE));
        FieldMatrix<Complex> delta = zeros(m, incident.length);
        FieldMatrix<Complex> kDelta = zeros(m, incident.length);
        for (int col = 0; col < incident.length; col++) {
            delta.setEntry(incident[col], col, Complex.ONE);
            kDelta.setEntry(incident[col], col, incoming[incident[col]]);
        }
        rhs.add(delta);
        // Block row 1: K_i r_i + (i/dz)(ψ_i(z_0) − ψ_i(z_1)) = K'_i δ_im.
        lower.add(diagonalMatrix(outgoing));
        diagonal.add(scaledIdentity(m, iOverDz));
        upper.add(scaledIdentity(m, iOverDz.negate()));
        rhs.add(kDelta);
        // Interior nodes l = 1 … nz − 1.
        FieldMatrix<Complex> offDiagonal = scaledIdentity(m, new Complex(-hop, 0));
        for (int l = 1; l < nz; l++) {
            FieldMatrix<Complex> d = zeros(m, m);
            int base = l * m * m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double v = coupling[base + i * m + j];
                    if (i == j) {
                        v += modes.energy(i) - parameters.energy() + 2 * hop;
                    }
                    d.setEntry(i, j, new Complex(v, 0));
                }
            }
            lower.add(offDiagonal);
            diagonal.add(d);
            upper.add(offDiagonal);
            rhs.add(zeros(m, incident.length));
        }
        // Block row nz + 1: K_i t_i + (i/dz)(ψ_i(z_nz) − ψ_i(z_{nz−1})) = 0.
        lower.add(scaledIdentity(m, iOverDz.negate()));
        diagonal.add(scaledIdentity(m, iOverDz));
        upper.add(diagonalMatrix(outgoing));
        rhs.add(zeros(m, incident.length));
        // Block row nz + 2: t_i − ψ_i(z_nz) = 0.
        lower.add(scaledIdentity(m, Complex.ONE.negate()));
        diagonal.add(scaledIdentity(m, Complex.ONE));
        upper.add(null);
        rhs.add(zeros(m, incident.length));
        return new BlockTridiagonalSystem(lower, diagonal, upper, rhs);
    }

    /** Solves the scattering problem. */
    public ScatteringResult solve() {
        return result(system().solve());
    }

    /** The result from the solution blocks (r, ψ(z_0), …, ψ(z_nz), t) of {@link #system()}. */
    ScatteringResult result(List<FieldMatrix<Complex>> x) {
        int m = modes.count();
        int nodes = z.length;
        double[] weight = new double[m];
        for (int i = 0; i < m; i++) {
            weight[i] = Math.max(0, outgoing[i].getReal());
        }
        double[] transmissionByIncident = new double[incident.length];
        for (int col = 0; col < incident.length; col++) {
            FieldMatrix<Complex> t = x.get(nodes + 1);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += t.getEntry(i, col).abs() * t.getEntry(i, col).abs() * weight[i];
            }
            transmissionByIncident[col] = sum / weight[incident[col]];
        }
        Complex[] psi = new Complex[nodes * m];
        for (int l = 0; l < nodes; l++) {
            for (int i = 0; i < m; i++) {
                psi[l * m + i] = x.get(l + 1).getEntry(i, 0);
            }
        }
        Complex[] r = x.get(0).getColumn(0);
        Complex[] t = x.get(nodes + 1).getColumn(0);
        String[] labels = new String[m];
        double[] eps = new double[m];
        for (int i = 0; i < m; i++) {
            labels[i] = modes.label(i);
            eps[i] = modes.energy(i);
        }
        return new ScatteringResult(z, psi, r, t, wavenumber, weight, labels, eps, incident, transmissionByIncident,
                parameters.debyeLength());
    }

    private static FieldMatrix<Complex> zeros(int rows, int cols) {
        return new Array2DRowFieldMatrix<>(FIELD, rows, cols);
    }

    private static FieldMatrix<Complex> scaledIdentity(int m, Complex s) {
        FieldMatrix<Complex> d = zeros(m, m);
        for (int i = 0; i < m; i++) {
            d.setEntry(i, i, s);
        }
        return d;
    }

    private static FieldMatrix<Complex> diagonalMatrix(Complex[] v) {
        FieldMatrix<Complex> d = zeros(v.length, v.length);
        for (int i = 0; i < v.length; i++) {
            d.setEntry(i, i, v[i]);
        }
        return d;
    }
}
