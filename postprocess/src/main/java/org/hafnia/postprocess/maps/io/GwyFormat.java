package org.hafnia.postprocess.maps.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/**
 * Gwyddion's native {@code .gwy} format (formats.md; Gwyddion user guide, "Format of Gwyddion
 * Files"): {@code GWYP}, then a {@code GwyContainer} whose component {@code /0/data} is a
 * {@code GwyDataField} ({@code xres}, {@code yres}, {@code xreal}, {@code yreal} in base SI
 * units, {@code si_unit_xy}/{@code si_unit_z} as {@code GwySIUnit} objects, {@code data} as
 * float64, top row first, X fastest) and {@code /0/data/title} the channel name. Metadata is the
 * string container {@code /0/meta}, as Gwyddion stores it.
 *
 * <p>Reading takes the lowest-numbered channel {@code /N/data} and skips every other component.
 * Written in base SI units (m, and values converted from e.g. pA to A); values keep full
 * float64 precision.
 */
public final class GwyFormat extends NamedMapFormat {

    public static final GwyFormat INSTANCE = new GwyFormat();

    private static final byte[] MAGIC = "GWYP".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CHANNEL = Pattern.compile("/(\\d{1,9})/data");

    private GwyFormat() {
        super("Gwyddion native", "gwy");
    }

    @Override
    public ScanMap read(Path file) {
        byte[] bytes = MapFiles.readAll(file);
        if (bytes.length < 4 || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1] || bytes[2] != MAGIC[2] || bytes[3] != MAGIC[3]) {
            throw new InvalidInputException(file + ": not a Gwyddion native file: it must start with 'GWYP'"
                    + " (the older 'GWYO' version is not supported)");
        }
        GwyObject.Cursor in = new GwyObject.Cursor(bytes, 4, file.toString());
        GwyObject top = GwyObject.parse(in);
        if (!top.type().equals("GwyContainer")) {
            throw new InvalidInputException(file + ": the top-level object is a " + top.type() + ", expected GwyContainer");
        }
        int channel = -1;
        for (String key : top.components().keySet()) {
            Matcher m = CHANNEL.matcher(key);
            if (m.matches() && top.components().get(key) instanceof GwyObject o && o.type().equals("GwyDataField")) {
                int c = Integer.parseInt(m.group(1));
                channel = channel < 0 ? c : Math.min(channel, c);
            }
        }
        if (channel < 0) {
            throw new InvalidInputException(file + ": the file holds no image channel (no /N/data GwyDataField)");
        }
        GwyObject field = (GwyObject) top.components().get("/" + channel + "/data");
        String where = file + ": /" + channel + "/data: ";
        int xres = integer(field, "xres", where);
        int yres = integer(field, "yres", where);
        MapFiles.checkedCount(file, xres, yres);
        if (!(field.components().get("data") instanceof double[] data)) {
            throw new InvalidInputException(where + "component 'data' (an array of float64) is missing");
        }
        if (data.length != (long) xres * yres) {
            throw new InvalidInputException(where + "xres × yres = " + xres + " × " + yres + " = " + (long) xres * yres
                    + " but 'data' holds " + data.length + " values");
        }
        String zText = unit(field, "si_unit_z");
        SiUnits.Split z = SiUnits.split(zText);
        double[] v = GwyddionLayout.bottomRowFirst(data, xres, yres, z.factor());
        Map<String, String> meta = new LinkedHashMap<>();
        if (top.components().get("/" + channel + "/meta") instanceof GwyObject m) {
            m.components().forEach((k, val) -> {
                if (val instanceof String s) {
                    meta.put(k, s);
                }
            });
        }
        boolean sizeKnown = meta.remove(GwyddionLayout.SIZE_UNKNOWN_KEY) == null;
        String title = top.components().get("/" + channel + "/data/title") instanceof String s ? s : "";
        ScanMap map = new ScanMap(new ScalarField2D(Grid2D.unitSpacing(xres, yres), v), z.base(), title, meta, false)
                .requireFinite(where.substring(0, where.length() - 2));
        if (!sizeKnown) {
            return map;
        }
        return MapFiles.sized(file, map, real(field, "xreal"), real(field, "yreal"),
                unit(field, "si_unit_xy"));
    }

    private static int integer(GwyObject o, String key, String where) {
        if (!(o.components().get(key) instanceof Integer i)) {
            throw new InvalidInputException(where + "component '" + key + "' (int32) is missing");
        }
        return i;
    }

    private static double real(GwyObject o, String key) {
        Object v = o.components().get(key);
        return v instanceof Double d ? d : 1.0; // Gwyddion's default physical size
    }

    private static String unit(GwyObject o, String key) {
        return o.components().get(key) instanceof GwyObject u && u.components().get("unitstr") instanceof String s ? s : "";
    }

    @Override
    public void write(ScanMap map, Path file) {
        Grid2D g = map.grid();
        double toMetres = GwyddionLayout.metresPerUnit(g);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("xres", g.nx());
        f.put("yres", g.ny());
        f.put("xreal", g.width() * toMetres);
        f.put("yreal", g.height() * toMetres);
        f.put("xoff", 0.0);
        f.put("yoff", 0.0);
        f.put("si_unit_xy", siUnit(GwyddionLayout.xyUnit(g)));
        f.put("si_unit_z", siUnit(GwyddionLayout.zBase(map)));
        f.put("data", GwyddionLayout.topRowFirst(map));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("/0/data", new GwyObject("GwyDataField", f));
        c.put("/0/data/title", map.title().isEmpty() ? "Data" : map.title());
        Map<String, Object> meta = new LinkedHashMap<>(map.metadata());
        if (!map.sizeKnown()) {
            meta.put(GwyddionLayout.SIZE_UNKNOWN_KEY, GwyddionLayout.SIZE_UNKNOWN_VALUE);
        }
        if (!meta.isEmpty()) {
            c.put("/0/meta", new GwyObject("GwyContainer", meta));
        }
        byte[] body = new GwyObject("GwyContainer", c).serialize();
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(body);
        });
    }

    private static GwyObject siUnit(String unit) {
        return new GwyObject("GwySIUnit", Map.of("unitstr", unit));
    }
}
