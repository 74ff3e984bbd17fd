package org.hafnia.postprocess.maps.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Reading takes one channel {@code /N/data}: the one chosen by number or title
 * ({@link #read(Path, String)}), by default the lowest-numbered; {@link #channels} lists them.
 * The origin offsets {@code xoff}, {@code yoff} (metres) are kept. Written in base SI units (m, and
 * values converted from e.g. pA to A); values keep full float64 precision.
 */
public final class GwyFormat extends NamedMapFormat {

    public static final GwyFormat INSTANCE = new GwyFormat();

    private static final byte[] MAGIC = "GWYP".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CHANNEL = Pattern.compile("/(\\d{1,9})/data");

    private GwyFormat() {
        super("Gwyddion native", "gwy");
    }

    /** A channel of a {@code .gwy} file: its number N of {@code /N/data} and its title. */
    public record Channel(int number, String title) {
        @Override
        public String toString() {
            return number + " '" + title + "'";
        }
    }

    @Override
    public ScanMap read(Path file) {
        return read(file, null);
    }

    /** The image channels of {@code file}, in increasing number. */
    public List<Channel> channels(Path file) {
        return channels(container(file));
    }

    private static List<Channel> channels(GwyObject top) {
        List<Channel> out = new ArrayList<>();
        for (String key : top.components().keySet()) {
            Matcher m = CHANNEL.matcher(key);
            if (m.matches() && top.components().get(key) instanceof GwyObject o && o.type().equals("GwyDataField")) {
                int c = Integer.parseInt(m.group(1));
                out.add(new Channel(c, top.components().get(key + "/title") instanceof String t ? t : ""));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Channel::number));
        return out;
    }

    /**
     * Reads channel {@code choice}: its number N, or else its title (exact, then ignoring case);
     * null for the lowest-numbered channel.
     */
    public ScanMap read(Path file, String choice) {
        GwyObject top = container(file);
        List<Channel> all = channels(top);
        if (all.isEmpty()) {
            throw new InvalidInputException(file + ": the file holds no image channel (no /N/data GwyDataField)");
        }
        int channel = choose(file, all, choice).number();
        return read(file, top, channel);
    }

    private static Channel choose(Path file, List<Channel> all, String choice) {
        if (choice == null) {
            return all.get(0);
        }
        for (Channel c : all) {
            if (choice.strip().equals(Integer.toString(c.number()))) {
                return c;
            }
        }
        for (Channel c : all) {
            if (c.title().equals(choice)) {
                return c;
            }
        }
        for (Channel c : all) {
            if (c.title().equalsIgnoreCase(choice.strip())) {
                return c;
            }
        }
        throw new InvalidInputException(file + ": --channel '" + choice + "': no such channel number or title; the file holds "
                + all.stream().map(Channel::toString).collect(java.util.stream.Collectors.joining(", ")));
    }

    private static GwyObject container(Path file) {
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
        return top;
    }

    private static ScanMap read(Path file, GwyObject top, int channel) {
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
        ScanMap sized = MapFiles.sized(file, map, real(field, "xreal"), real(field, "yreal"),
                unit(field, "si_unit_xy"));
        // xoff, yoff are in the lateral base unit, like xreal (metres when si_unit_xy is m).
        double per = MapFiles.metresPerOr1(unit(field, "si_unit_xy"));
        return MapFiles.offset(sized, offset(field, "xoff") * per, offset(field, "yoff") * per);
    }

    private static double offset(GwyObject o, String key) {
        return o.components().get(key) instanceof Double d && Double.isFinite(d) ? d : 0;
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
        writeChannels(List.of(map), file);
    }

    /** Writes {@code maps} as channels 0, 1, … of one file (each with its own size, units, title, metadata). */
    public void writeChannels(List<ScanMap> maps, Path file) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (int n = 0; n < maps.size(); n++) {
            ScanMap map = maps.get(n);
            Grid2D g = map.grid();
            double toMetres = GwyddionLayout.metresPerUnit(g);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("xres", g.nx());
            f.put("yres", g.ny());
            f.put("xreal", g.width() * toMetres);
            f.put("yreal", g.height() * toMetres);
            f.put("xoff", map.xOffset() * toMetres);
            f.put("yoff", map.yOffset() * toMetres);
            f.put("si_unit_xy", siUnit(GwyddionLayout.xyUnit(g)));
            f.put("si_unit_z", siUnit(GwyddionLayout.zBase(map)));
            f.put("data", GwyddionLayout.topRowFirst(map));
            c.put("/" + n + "/data", new GwyObject("GwyDataField", f));
            c.put("/" + n + "/data/title", map.title().isEmpty() ? "Data" : map.title());
            Map<String, Object> meta = new LinkedHashMap<>(map.metadata());
            if (!map.sizeKnown()) {
                meta.put(GwyddionLayout.SIZE_UNKNOWN_KEY, GwyddionLayout.SIZE_UNKNOWN_VALUE);
            }
            if (!meta.isEmpty()) {
                c.put("/" + n + "/meta", new GwyObject("GwyContainer", meta));
            }
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
