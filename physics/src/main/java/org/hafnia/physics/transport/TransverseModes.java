package org.hafnia.physics.transport;

/**
 * Hard-wall transverse modes of an a × b cross-section:
 * χ_pq(x, y) = (2/sqrt(ab)) sin(pπx/a) sin(qπy/b), p = 1 … P, q = 1 … Q, ordered with p fastest
 * ((1,1), (2,1), (1,2), (2,2) for P = Q = 2, physics.md §3), orthonormal on the cross-section.
 * Mode energies above the lowest: ε_pq = c [(p² − 1)(π/a)² + (q² − 1)(π/b)²], which is
 * c (p² + q² − 2)(π/a)² for a square.
 */
public final class TransverseModes {

    private final double a;
    private final double b;
    private final int[] p;
    private final int[] q;
    private final double[] energy;

    /**
     * @param a              width along x, nm
     * @param b              width along y, nm
     * @param modesX         P
     * @param modesY         Q
     * @param kineticScale   c = ħ²/2m*, eV nm²
     */
    public TransverseModes(double a, double b, int modesX, int modesY, double kineticScale) {
        this.a = a;
        this.b = b;
        int n = modesX * modesY;
        p = new int[n];
        q = new int[n];
        energy = new double[n];
        for (int j = 0; j < modesY; j++) {
            for (int i = 0; i < modesX; i++) {
                int m = j * modesX + i;
                p[m] = i + 1;
                q[m] = j + 1;
                energy[m] = kineticScale * ((p[m] * p[m] - 1) * sq(Math.PI / a) + (q[m] * q[m] - 1) * sq(Math.PI / b));
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    public int count() {
        return p.length;
    }

    public int p(int mode) {
        return p[mode];
    }

    public int q(int mode) {
        return q[mode];
    }

    /** ε_i above the lowest transverse level, eV. */
    public double energy(int mode) {
        return energy[mode];
    }

    /** χ_i(x, y), nm⁻¹. */
    public double value(int mode, double x, double y) {
        return 2 / Math.sqrt(a * b) * Math.sin(p[mode] * Math.PI * x / a) * Math.sin(q[mode] * Math.PI * y / b);
    }

    /** Mode label "(p,q)". */
    public String label(int mode) {
        return "(" + p[mode] + "," + q[mode] + ")";
    }
}
