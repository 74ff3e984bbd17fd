package org.hafnia.postprocess.maps.preprocess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.postprocess.maps.ScanMap;

/**
 * What a preprocessing operation did: its name and its parameters and results (numbers, strings
 * or lists, ready for JSON), in a stable order.
 *
 * @param operation  e.g. {@code plane-levelling}
 * @param parameters e.g. the fitted plane's coefficients
 */
public record PreprocessingStep(String operation, Map<String, Object> parameters) {

    public PreprocessingStep {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The result of an operation: the new map and the record of what was done. */
    public record Result(ScanMap map, PreprocessingStep step) {
    }
}
