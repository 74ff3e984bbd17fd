package org.hafnia.solver.integrators;

import org.hafnia.physics.api.FreeEnergyDensity;

/** f = (α/2) φ²: makes the Allen–Cahn and Cahn–Hilliard equations linear, with exact mode solutions. */
record QuadraticEnergy(double alpha) implements FreeEnergyDensity {

    @Override
    public double value(double phi) {
        return 0.5 * alpha * phi * phi;
    }

    @Override
    public double derivative(double phi) {
        return alpha * phi;
    }

    @Override
    public double maxCurvature() {
        return Math.abs(alpha);
    }

    @Override
    public String name() {
        return "quadratic";
    }
}
