package org.hafnia.postprocess.maps.api;

import java.nio.file.Path;

import org.hafnia.postprocess.maps.ScanMap;

/**
 * Reads a {@link ScanMap} from a file. Every defect of the input — unreadable, truncated,
 * inconsistent (size versus header, ragged rows), NaN regions — is reported as an
 * {@link org.hafnia.meshes.InvalidInputException} naming the file and what was expected; no
 * other exception escapes a reader.
 */
public interface MapReader {

    ScanMap read(Path file);
}
