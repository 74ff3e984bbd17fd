package org.hafnia.postprocess.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.ScalarField3D;

/**
 * Collects datasets and attributes, then writes one HDF5 file through jhdf in a single pass
 * (jhdf writes a whole file at close and cannot append). Paths are absolute, e.g.
 * {@code /phi/relaxed}; groups are created as needed. A 2D field becomes an
 * {@code ny × nx} float64 dataset (rows = y), a 3D one {@code nz × ny × nx}, as h5py users expect.
 *
 * <p>Units are part of the file: every dataset carries a string attribute {@code unit}, and every
 * numeric attribute {@code NAME} a string attribute {@code NAME_unit} beside it ("1" for a pure
 * number); {@link #write} refuses a file that lacks one. Strings are UTF-8. jhdf 0.13.0 (the newest
 * on Maven Central) writes only fixed-length strings, which h5py returns as {@code bytes}
 * ({@code .decode()} gives the text); it sizes them by UTF-16 length, so non-ASCII text is padded
 * here to its UTF-8 byte length before jhdf sees it.
 */
public final class Hdf5Writer {

    private record Entry(String path, Object data, Map<String, Object> attributes) {
    }

    /** Suffix of the attribute that holds a numeric attribute's unit. */
    public static final String UNIT_SUFFIX = "_unit";

    private final Map<String, Object> rootAttributes = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    /** Adds a string attribute to the root group. */
    public Hdf5Writer attribute(String name, String value) {
        rootAttributes.put(name, value);
        return this;
    }

    /** Adds a numeric attribute (a number or an array of them) and its {@code NAME_unit} to the root group. */
    public Hdf5Writer attribute(String name, Object value, String unit) {
        rootAttributes.put(name, value);
        rootAttributes.put(name + UNIT_SUFFIX, unit);
        return this;
    }

    /**
     * Adds a dataset at {@code path} holding {@code data} (a Java array of numbers); the
     * attributes must include its {@code unit}.
     */
    public Hdf5Writer dataset(String path, Object data, Map<String, Object> attributes) {
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("dataset path must be absolute, got " + path);
        }
        entries.add(new Entry(path, data, new LinkedHashMap<>(attributes)));
        return this;
    }

    /** Adds a 2D field as an {@code ny × nx} dataset with its grid spacing as attributes. */
    public Hdf5Writer field(String path, ScalarField2D field, Map<String, Object> attributes) {
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        spacing(a, "dx", field.grid().dx(), field.grid().unit().symbol());
        spacing(a, "dy", field.grid().dy(), field.grid().unit().symbol());
        a.putIfAbsent("length_unit", field.grid().unit().symbol());
        a.putIfAbsent("layout", "rows = y (row 0 is y = 0), columns = x");
        return dataset(path, rows(field), a);
    }

    /** Adds a 3D field as an {@code nz × ny × nx} dataset with its grid spacing as attributes. */
    public Hdf5Writer field(String path, ScalarField3D field, Map<String, Object> attributes) {
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        spacing(a, "dx", field.grid().dx(), field.grid().unit().symbol());
        spacing(a, "dy", field.grid().dy(), field.grid().unit().symbol());
        spacing(a, "dz", field.grid().dz(), field.grid().unit().symbol());
        a.putIfAbsent("length_unit", field.grid().unit().symbol());
        a.putIfAbsent("layout", "[z][y][x], index 0 at the origin of each axis");
        double[][][] v = new double[field.grid().nz()][][];
        for (int k = 0; k < v.length; k++) {
            v[k] = rows(field.layer(k));
        }
        return dataset(path, v, a);
    }

    private static void spacing(Map<String, Object> a, String name, double value, String unit) {
        a.putIfAbsent(name, value);
        a.putIfAbsent(name + UNIT_SUFFIX, unit);
    }

    /** The field as {@code double[ny][nx]}. */
    public static double[][] rows(ScalarField2D field) {
        double[][] r = new double[field.grid().ny()][];
        for (int j = 0; j < r.length; j++) {
            r[j] = field.row(j);
        }
        return r;
    }

    /** Writes the file atomically (jhdf does not truncate, so it always writes a fresh file). */
    public void write(Path target) {
        checkUnits("/", rootAttributes);
        for (Entry e : entries) {
            if (!(e.attributes().get("unit") instanceof String)) {
                throw new IllegalStateException("dataset " + e.path() + " has no string attribute 'unit'");
            }
            checkUnits(e.path(), e.attributes());
        }
        AtomicFiles.writePath(target, tmp -> {
            Files.deleteIfExists(tmp);
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                rootAttributes.forEach((k, v) -> hdf.putAttribute(k, v instanceof String t ? utf8Sized(t) : v));
                Map<String, WritableGroup> groups = new LinkedHashMap<>();
                for (Entry e : entries) {
                    int slash = e.path().lastIndexOf('/');
                    WritableGroup parent = group(hdf, groups, e.path().substring(0, slash));
                    WritableDataset ds = parent.putDataset(e.path().substring(slash + 1), e.data());
                    putAll(ds, e.attributes());
                }
            }
        });
    }

    private static WritableGroup group(WritableHdfFile hdf, Map<String, WritableGroup> groups, String path) {
        if (path.isEmpty()) {
            return hdf;
        }
        WritableGroup g = groups.get(path);
        if (g == null) {
            int slash = path.lastIndexOf('/');
            g = group(hdf, groups, path.substring(0, slash)).putGroup(path.substring(slash + 1));
            groups.put(path, g);
        }
        return g;
    }

    private static void checkUnits(String where, Map<String, Object> attributes) {
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            Object v = a.getValue();
            boolean numeric = v instanceof Number || v != null && v.getClass().isArray() && !(v instanceof String[]);
            if (numeric && !(attributes.get(a.getKey() + UNIT_SUFFIX) instanceof String)) {
                throw new IllegalStateException(where + ": numeric attribute '" + a.getKey() + "' has no '"
                        + a.getKey() + UNIT_SUFFIX + "'");
            }
        }
    }

    private static void putAll(WritableNode node, Map<String, Object> attributes) {
        attributes.forEach((k, v) -> node.putAttribute(k, v instanceof String t ? utf8Sized(t) : v));
    }

    /**
     * {@code text} padded with NULs to its UTF-8 length: jhdf 0.13 sizes a fixed-length string by
     * {@link String#length()} and would cut a multi-byte character; HDF5 readers stop at the first
     * NUL of a null-terminated or null-padded string.
     */
    static String utf8Sized(String text) {
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return bytes == text.length() ? text : text + "\0".repeat(bytes - text.length());
    }
}
