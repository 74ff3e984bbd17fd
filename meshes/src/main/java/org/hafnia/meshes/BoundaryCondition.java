package org.hafnia.meshes;

/**
 * Condition on one face of a grid for a cell-centred finite-difference stencil. The value of
 * the ghost node outside the face is {@code ghostOffset() + ghostScale() · inside}: zero flux
 * mirrors the inside node (∂φ/∂n = 0 at the face, second order); Dirichlet makes the face
 * value, the mean of ghost and inside node, equal to {@code value}. Periodic faces wrap round
 * and have no ghost formula.
 */
public sealed interface BoundaryCondition
        permits BoundaryCondition.ZeroFlux, BoundaryCondition.Dirichlet, BoundaryCondition.Periodic {

    static BoundaryCondition zeroFlux() {
        return ZeroFlux.INSTANCE;
    }

    static BoundaryCondition dirichlet(double value) {
        return new Dirichlet(value);
    }

    static BoundaryCondition periodic() {
        return Periodic.INSTANCE;
    }

    /** Constant part of the ghost value. */
    double ghostOffset();

    /** Factor on the inside value in the ghost value. */
    double ghostScale();

    /** Homogeneous Neumann: ghost = inside. */
    record ZeroFlux() implements BoundaryCondition {
        static final ZeroFlux INSTANCE = new ZeroFlux();

        @Override
        public double ghostOffset() {
            return 0;
        }

        @Override
        public double ghostScale() {
            return 1;
        }
    }

    /** Fixed face value: ghost = 2 value − inside. */
    record Dirichlet(double value) implements BoundaryCondition {
        public Dirichlet {
            if (!Double.isFinite(value)) {
                throw new InvalidInputException("Dirichlet boundary value must be finite, got " + value);
            }
        }

        @Override
        public double ghostOffset() {
            return 2 * value;
        }

        @Override
        public double ghostScale() {
            return -1;
        }
    }

    /** Wrap-around: the neighbour of the first node is the last. */
    record Periodic() implements BoundaryCondition {
        static final Periodic INSTANCE = new Periodic();

        @Override
        public double ghostOffset() {
            throw new UnsupportedOperationException("a periodic face wraps round; it has no ghost value");
        }

        @Override
        public double ghostScale() {
            throw new UnsupportedOperationException("a periodic face wraps round; it has no ghost value");
        }
    }
}
