package org.hafnia.experiments.cases;

import java.nio.file.Path;

/**
 * A case of {@code hafnia run} as {@link CaseReader} reads it: a plan-view case driven through the
 * one device model ({@link DeviceRunCase}) or a 3D film run ({@link RunCase}).
 */
public sealed interface RunDeck permits DeviceRunCase, RunCase {

    /** Case name (output titles, default output folder). */
    String name();

    /** The case file. */
    Path file();

    /** SHA-256 of the case file's bytes. */
    String fingerprint();
}
