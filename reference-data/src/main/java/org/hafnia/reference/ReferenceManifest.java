package org.hafnia.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The files Hafnia expects in the reference folder, from the bundled
 * {@code org/hafnia/reference/manifest.json}.
 *
 * @param version manifest format version
 * @param source  citation of the data
 * @param files   one entry per file
 */
public record ReferenceManifest(int version, String source, List<Entry> files) {

    /**
     * One expected file.
     *
     * @param path       path relative to the reference folder, with '/' separators
     * @param bytes      size in bytes
     * @param sha256     SHA-256 of the content, lower-case hex
     * @param units      units of the columns or values
     * @param provenance where the data come from
     */
    public record Entry(String path, long bytes, String sha256, String units, String provenance) {
    }

    private static final String RESOURCE = "manifest.json";

    /** The manifest bundled with this module. */
    public static ReferenceManifest bundled() {
        try (InputStream in = ReferenceManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled reference manifest " + RESOURCE + " is missing from the build");
            }
            return new ObjectMapper().readValue(in, ReferenceManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled reference manifest: " + e.getMessage(), e);
        }
    }

    public Optional<Entry> entry(String path) {
        return files.stream().filter(e -> e.path().equals(path)).findFirst();
    }
}
