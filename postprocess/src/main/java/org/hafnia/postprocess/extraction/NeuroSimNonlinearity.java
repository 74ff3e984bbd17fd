package org.hafnia.postprocess.extraction;

/**
 * The nonlinearity label NL reported for NeuroSim, and its convention.
 *
 * <p>NeuroSim's device model is G(P) = B (1 − e^(−P/A)) + Gmin over P ∈ [0, maxNumLevel]; its
 * Cell.cpp computes the constant as {@code paramALTP = getParamA(NL_LTP) * maxNumLevelLTP}, i.e. it
 * works with the normalised constant a = A / maxNumLevel and takes the label NL as the user-facing
 * knob, positive for potentiation and negative for depression (as in its Param.cpp). The
 * lookup table inside {@code getParamA} is NeuroSim's own and is not reproduced here. Our
 * convention is NL = 1/a with maxNumLevel = the pulses to 95 % of the range (as exported), 0 for a
 * linear response and growing with curvature, the LTD label negated; the
 * exporters always write the normalised a next to it so that the exact constant is never lost.
 */
public final class NeuroSimNonlinearity {

    private NeuroSimNonlinearity() {
    }

    /** NL = 1/a for the normalised A, a = A / maxNumLevel (NaN stays NaN). */
    public static double label(double normalisedA) {
        return 1 / normalisedA;
    }

    /** The normalised A for a label: a = 1/|NL|. */
    public static double normalisedA(double label) {
        return 1 / Math.abs(label);
    }
}
