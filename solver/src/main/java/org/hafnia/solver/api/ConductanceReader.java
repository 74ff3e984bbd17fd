package org.hafnia.solver.api;

/**
 * Reads the conductance of a device whose channel state is φ: G = I / V at the read voltage V,
 * with I the current through the device. Implementations solve the device's electrostatics
 * (or sum column conductances) for the given state; they must not change {@code phi}.
 */
@FunctionalInterface
public interface ConductanceReader {

    /**
     * @param phi   channel order parameter, one value per node
     * @param volts read voltage V (V), not 0
     * @return conductance G (S)
     */
    double conductance(double[] phi, double volts);
}
