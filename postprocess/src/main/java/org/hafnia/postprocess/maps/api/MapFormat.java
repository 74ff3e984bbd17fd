package org.hafnia.postprocess.maps.api;

import java.util.List;

/** A file format that maps are read from and written to, chosen by file extension. */
public interface MapFormat extends MapReader, MapWriter {

    /** Human-readable name, e.g. "Gwyddion Simple Field". */
    String name();

    /** File extensions without the dot, lower case, e.g. {@code gsf}. */
    List<String> extensions();
}
