package org.hafnia.postprocess.maps.io;

import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.postprocess.io.Hdf5Writer;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * HDF5 maps (jhdf). Written by {@link Hdf5Writer#field}: dataset {@code /map}, {@code ny × nx}
 * float64 (row 0 = y = 0), with attributes {@code unit} (= {@code z_unit}; empty when unknown),
 * {@code dx}, {@code dy}, {@code length_unit}, {@code width}, {@code height}, {@code xoff},
 * {@code yoff} (the origin; each number with its
 * {@code NAME_unit}), {@code z_unit}, {@code title}, {@code size_known} and one {@code meta:KEY}
 * per metadata entry.
 * Read: {@code /map}, or else the only 2-D dataset in the file; without {@code dx}/
 * {@code dy} attributes the size is unknown.
 */
public final class Hdf5MapFormat extends NamedMapFormat {

    public static final Hdf5MapFormat INSTANCE = new Hdf5MapFormat();

    static final String DATASET = "/map";
    private static final String META = "meta:";

    private Hdf5MapFormat() {
        super("HDF5", "h5", "hdf5");
    }

    @Override
    public ScanMap read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": file not found");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return read(file, hdf);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // jhdf reports a damaged file through a variety of unchecked exceptions.
            throw new InvalidInputException(file + ": not a readable HDF5 map: " + e, e);
        }
    }

    private static ScanMap read(Path file, HdfFile hdf) {
        Dataset ds = dataset(file, hdf);
        verifyStorage(file, ds);
        int[] dims = ds.getDimensions();
        Object data = ds.getData();
        int ny = dims[0];
        int nx = dims[1];
        MapFiles.checkedCount(file, nx, ny);
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            Object row = Array.get(data, j);
            for (int i = 0; i < nx; i++) {
                Object x = Array.get(row, i);
                if (!(x instanceof Number n)) {
                    throw new InvalidInputException(file + ": dataset " + ds.getPath() + " is not numeric");
                }
                v[j * nx + i] = n.doubleValue();
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : ds.getAttributes().entrySet()) {
            if (a.getKey().startsWith(META)) {
                meta.put(a.getKey().substring(META.length()), String.valueOf(scalar(a.getValue())));
            }
        }
        ScanMap m = new ScanMap(ScanMap.withoutSize(nx, ny, v, "", "").field(), string(ds, "z_unit"),
                string(ds, "title"), meta, false).requireFinite(file + ": dataset " + ds.getPath());
        Object dx = attribute(ds, "dx");
        Object dy = attribute(ds, "dy");
        Object known = attribute(ds, "size_known");
        if (dx == null && dy == null || "false".equals(String.valueOf(known))) {
            return m;
        }
        if (!(dx instanceof Number x) || !(dy instanceof Number y)) {
            throw new InvalidInputException(file + ": dataset " + ds.getPath()
                    + " needs numeric attributes 'dx' and 'dy' (grid spacing) or neither");
        }
        // The extent attributes, when present, avoid the round-off of dx · nx.
        double width = attribute(ds, "width") instanceof Number w ? w.doubleValue() : x.doubleValue() * nx;
        double height = attribute(ds, "height") instanceof Number h ? h.doubleValue() : y.doubleValue() * ny;
        ScanMap sized = MapFiles.sized(file, m, width, height, unitOf(string(ds, "length_unit")));
        // xoff, yoff are in length_unit, like dx and dy.
        double xOff = attribute(ds, "xoff") instanceof Number n ? n.doubleValue() : 0;
        double yOff = attribute(ds, "yoff") instanceof Number n ? n.doubleValue() : 0;
        return sized.withOffset(xOff, yOff);
    }

    /**
     * Checks that the dataset's bytes are in the file before they are read: jhdf maps the
     * file, and a truncated file reads as zeros or garbage past its end, not as an error.
     * Structure: a numeric element type whose size times the number of elements is the
     * dataset's size; storage: a contiguous dataset's data lie inside the file, and no
     * dataset stores more bytes than the file has.
     */
    private static void verifyStorage(Path file, Dataset ds) {
        long length;
        try {
            length = Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Class<?> type = ds.getJavaType();
        if (type == null || !(type.isPrimitive() && type != boolean.class && type != char.class)) {
            throw new InvalidInputException(file + ": dataset " + ds.getPath() + " is not numeric ("
                    + (type == null ? "unknown type" : type.getSimpleName()) + ")");
        }
        long elements = 1;
        for (long d : ds.getDimensionsAsLong()) {
            elements *= d;
        }
        long expected = elements * ds.getDataType().getSize();
        if (ds.getSizeInBytes() != expected) {
            throw new InvalidInputException(file + ": dataset " + ds.getPath() + " holds " + ds.getSizeInBytes()
                    + " bytes, but " + elements + " elements of " + ds.getDataType().getSize() + " bytes need " + expected);
        }
        String truncated = file + ": truncated or damaged: dataset " + ds.getPath() + " ("
                + String.join(" × ", java.util.Arrays.stream(ds.getDimensions()).mapToObj(Integer::toString).toList())
                + ", " + expected + " bytes) ";
        if (ds instanceof io.jhdf.api.dataset.ContiguousDataset c && expected > 0) {
            long address = c.getDataAddress();
            if (address < 0 || address > length - expected) {
                throw new InvalidInputException(truncated + (address < 0 ? "has no data written"
                        : "ends at byte " + (address + expected) + " of a " + length + "-byte file"));
            }
        } else if (ds.getStorageInBytes() > length) {
            throw new InvalidInputException(truncated + "stores " + ds.getStorageInBytes() + " bytes in a " + length
                    + "-byte file");
        }
    }

    private static String unitOf(String lengthUnit) {
        return lengthUnit.equals(LengthUnit.REDUCED.symbol()) ? "" : lengthUnit;
    }

    private static Dataset dataset(Path file, HdfFile hdf) {
        Node n = hdf.getChildren().get(DATASET.substring(1));
        if (n == null) {
            List<Dataset> twoD = new ArrayList<>();
            collect2d(hdf, twoD, 0);
            if (twoD.size() != 1) {
                throw new InvalidInputException(file + ": expected dataset " + DATASET + " or exactly one 2-D dataset, found "
                        + (twoD.isEmpty() ? "none" : twoD.size() + ": " + twoD.stream().map(Dataset::getPath)
                                .collect(Collectors.joining(", "))));
            }
            n = twoD.get(0);
        }
        if (!(n instanceof Dataset d) || d.getDimensions().length != 2) {
            throw new InvalidInputException(file + ": " + n.getPath() + " is not a 2-D dataset");
        }
        return d;
    }

    /** Every 2-D dataset below {@code g} (groups nested at most 16 deep). */
    private static void collect2d(Group g, List<Dataset> out, int depth) {
        for (Node c : g.getChildren().values()) {
            if (c instanceof Dataset d && d.getDimensions().length == 2) {
                out.add(d);
            } else if (c instanceof Group sub && depth < 16) {
                collect2d(sub, out, depth + 1);
            }
        }
    }

    private static Object attribute(Dataset ds, String name) {
        Attribute a = ds.getAttributes().get(name);
        return a == null ? null : scalar(a);
    }

    private static Object scalar(Attribute a) {
        Object v = a.getData();
        return v != null && v.getClass().isArray() && Array.getLength(v) == 1 ? Array.get(v, 0) : v;
    }

    private static String string(Dataset ds, String name) {
        Object v = attribute(ds, name);
        return v == null ? "" : String.valueOf(v);
    }

    @Override
    public void write(ScanMap map, Path file) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("unit", map.zUnit());
        attrs.put("z_unit", map.zUnit());
        attrs.put("title", map.title());
        attrs.put("size_known", Boolean.toString(map.sizeKnown()));
        Grid2D g = map.grid();
        attrs.put("width", g.width());
        attrs.put("width_unit", g.unit().symbol());
        attrs.put("height", g.height());
        attrs.put("height_unit", g.unit().symbol());
        attrs.put("xoff", map.xOffset());
        attrs.put("xoff_unit", g.unit().symbol());
        attrs.put("yoff", map.yOffset());
        attrs.put("yoff_unit", g.unit().symbol());
        map.metadata().forEach((k, v) -> attrs.put(META + k, v));
        new Hdf5Writer().field(DATASET, map.field(), attrs).write(file);
    }
}
