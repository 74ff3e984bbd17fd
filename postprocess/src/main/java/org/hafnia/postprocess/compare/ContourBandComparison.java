package org.hafnia.postprocess.compare;

import org.hafnia.meshes.InvalidInputException;

/**
 * Agreement of a simulated map with a panel read back from a filled-contour figure. The
 * figure's {@code levels} contour levels evenly spaced on [0, 1] make levels − 1 colour bands;
 * each reference value is a band midpoint, so it is exact to ± half a band. A simulated value
 * (in the same display units) is assigned the band it falls in and compared band by band.
 *
 * @param nodes                number of nodes compared
 * @param nodesInOtherBand     nodes whose band differs from the reference band
 * @param fractionInOtherBand  nodesInOtherBand / nodes
 * @param maxBandDifference    largest |band(simulated) − band(reference)|
 * @param rmseDisplay          root-mean-square of simulated − reference, in display units
 * @param bandWidth            width of one band in display units
 */
public record ContourBandComparison(int nodes, int nodesInOtherBand, double fractionInOtherBand,
                                    int maxBandDifference, double rmseDisplay, double bandWidth) {

    /** Compares display-unit values {@code simulated} with band midpoints {@code reference}. */
    public static ContourBandComparison of(double[] simulated, double[] reference, int levels) {
        if (simulated.length != reference.length) {
            throw new InvalidInputException("cannot compare maps of " + simulated.length + " and "
                    + reference.length + " nodes");
        }
        int bands = levels - 1;
        int differ = 0;
        int maxDiff = 0;
        double ss = 0;
        for (int k = 0; k < simulated.length; k++) {
            int d = Math.abs(band(simulated[k], bands) - band(reference[k], bands));
            if (d > 0) {
                differ++;
            }
            maxDiff = Math.max(maxDiff, d);
            double e = simulated[k] - reference[k];
            ss += e * e;
        }
        int n = simulated.length;
        return new ContourBandComparison(n, differ, (double) differ / n, maxDiff, Math.sqrt(ss / n), 1.0 / bands);
    }

    /** Band index of a display value on [0, 1] with {@code bands} equal bands. */
    public static int band(double v, int bands) {
        return Math.max(0, Math.min(bands - 1, (int) Math.floor(v * bands)));
    }
}
