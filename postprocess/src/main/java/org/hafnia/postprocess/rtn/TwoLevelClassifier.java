package org.hafnia.postprocess.rtn;

/** Assigns each current sample of a window to the low or the high level of a telegraph signal. */
public interface TwoLevelClassifier {

    /** Classifies samples {@code [from, to)} of {@code current} (A). */
    TwoLevelSequence classify(double[] current, int from, int to);

    /** Short name used on the command line and in reports. */
    String name();
}
