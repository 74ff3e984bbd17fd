package org.hafnia.postprocess.compare;

import org.hafnia.meshes.InvalidInputException;

/**
 * Overlap of two masks: Dice = 2 |A ∩ B| / (|A| + |B|) (Sørensen–Dice) and
 * IoU = |A ∩ B| / |A ∪ B| (Jaccard). Both are NaN when both masks are empty.
 *
 * @param dice         Dice coefficient in [0, 1]
 * @param iou          intersection over union in [0, 1]
 * @param areaA        |A| in nodes
 * @param areaB        |B| in nodes
 * @param intersection |A ∩ B| in nodes
 */
public record MaskOverlap(double dice, double iou, int areaA, int areaB, int intersection) {

    public static MaskOverlap of(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new InvalidInputException("masks of " + a.length + " and " + b.length + " nodes cannot be compared");
        }
        int na = 0;
        int nb = 0;
        int both = 0;
        for (int k = 0; k < a.length; k++) {
            na += a[k] ? 1 : 0;
            nb += b[k] ? 1 : 0;
            both += a[k] && b[k] ? 1 : 0;
        }
        int union = na + nb - both;
        return new MaskOverlap(na + nb == 0 ? Double.NaN : 2.0 * both / (na + nb),
                union == 0 ? Double.NaN : (double) both / union, na, nb, both);
    }
}
