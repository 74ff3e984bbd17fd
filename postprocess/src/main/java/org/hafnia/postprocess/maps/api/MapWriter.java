package org.hafnia.postprocess.maps.api;

import java.nio.file.Path;

import org.hafnia.postprocess.maps.ScanMap;

/** Writes a {@link ScanMap} to a file atomically (a temporary file renamed over the target). */
public interface MapWriter {

    void write(ScanMap map, Path file);
}
