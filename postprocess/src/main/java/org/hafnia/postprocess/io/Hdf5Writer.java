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
 */
public final class Hdf5Writer {

    private record Entry(String path, Object data, Map<String, Object> attributes) {
    }

    private final Map<String, Object> rootAttributes = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    /** Adds an attribute to the root group (strings, numbers, arrays of them). */
    public Hdf5Writer attribute(String name, Object value) {
        rootAttributes.put(name, value);
        return this;
    }

    /** Adds a dataset at {@code path} holding {@code data} (a Java array of numbers). */
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
        a.putIfAbsent("dx", field.grid().dx());
        a.putIfAbsent("dy", field.grid().dy());
        a.putIfAbsent("length_unit", field.grid().unit().symbol());
        a.putIfAbsent("layout", "rows = y (row 0 is y = 0), columns = x");
        return dataset(path, rows(field), a);
    }

    /** Adds a 3D field as an {@code nz × ny × nx} dataset with its grid spacing as attributes. */
    public Hdf5Writer field(String path, ScalarField3D field, Map<String, Object> attributes) {
        Map<String, Object> a = new LinkedHashMap<>(attributes);
        a.putIfAbsent("dx", field.grid().dx());
        a.putIfAbsent("dy", field.grid().dy());
        a.putIfAbsent("dz", field.grid().dz());
        a.putIfAbsent("length_unit", field.grid().unit().symbol());
        a.putIfAbsent("layout", "[z][y][x], index 0 at the origin of each axis");
        double[][][] v = new double[field.grid().nz()][][];
        for (int k = 0; k < v.length; k++) {
            v[k] = rows(field.layer(k));
        }
        return dataset(path, v, a);
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
        AtomicFiles.writePath(target, tmp -> {
            Files.deleteIfExists(tmp);
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                rootAttributes.forEach((k, v) -> hdf.putAttribute(k, v));
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

    private static void putAll(WritableNode node, Map<String, Object> attributes) {
        attributes.forEach(node::putAttribute);
    }
}
