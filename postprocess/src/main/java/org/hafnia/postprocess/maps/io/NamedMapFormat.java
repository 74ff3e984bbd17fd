package org.hafnia.postprocess.maps.io;

import java.util.List;

import org.hafnia.postprocess.maps.api.MapFormat;

/** A map format's name and file extensions, shared by the implementations. */
abstract class NamedMapFormat implements MapFormat {

    private final String name;
    private final List<String> extensions;

    NamedMapFormat(String name, String... extensions) {
        this.name = name;
        this.extensions = List.of(extensions);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> extensions() {
        return extensions;
    }
}
