package org.hafnia.postprocess.maps.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/**
 * Gwyddion Simple Field {@code .gsf} (formats.md; Gwyddion user guide, "Simple Field Files"):
 * the magic line {@code Gwyddion Simple Field 1.0}, {@code name = value} header lines
 * ({@code XRes}, {@code YRes} required; {@code XReal}, {@code YReal}, {@code XOffset},
 * {@code YOffset}, {@code Title}, {@code XYUnits}, {@code ZUnits} and free keys optional), one to
 * four NUL bytes padding the header to a multiple of 4, then {@code XRes × YRes} little-endian
 * float32 values, top row first, X fastest.
 *
 * <p>Written in base SI units (lateral size in m, values converted from e.g. pA to A) so every
 * reader sees the same numbers; values are rounded to float32 (relative error ≤ 2⁻²⁴). Free
 * keys carry the metadata. Without {@code XReal}/{@code YReal} the size is unknown.
 */
public final class GsfFormat extends NamedMapFormat {

    public static final GsfFormat INSTANCE = new GsfFormat();

    static final String MAGIC = "Gwyddion Simple Field 1.0\n";
    private static final Set<String> STANDARD = Set.of("XRes", "YRes", "XReal", "YReal", "XOffset", "YOffset",
            "Title", "XYUnits", "ZUnits");

    private GsfFormat() {
        super("Gwyddion Simple Field", "gsf");
    }

    @Override
    public ScanMap read(Path file) {
        byte[] bytes = MapFiles.readAll(file);
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < magic.length || !new String(bytes, 0, magic.length, StandardCharsets.US_ASCII).equals(MAGIC)) {
            throw new InvalidInputException(file + ": not a Gwyddion Simple Field file: it must start with '"
                    + MAGIC.strip() + "'");
        }
        int nul = magic.length;
        while (nul < bytes.length && bytes[nul] != 0) {
            nul++;
        }
        if (nul == bytes.length) {
            throw new InvalidInputException(file + ": truncated: the header is not ended by a NUL byte");
        }
        Map<String, String> header = new LinkedHashMap<>();
        String[] lines = new String(bytes, magic.length, nul - magic.length, StandardCharsets.UTF_8).split("\n");
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException(file + ": header line " + (k + 2) + ": '" + line
                        + "' is not of the form 'name = value'");
            }
            header.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        long xres = integer(file, header, "XRes");
        long yres = integer(file, header, "YRes");
        long count = MapFiles.checkedCount(file, xres, yres);
        int offset = (nul / 4 + 1) * 4;
        for (int k = nul; k < Math.min(offset, bytes.length); k++) {
            if (bytes[k] != 0) {
                throw new InvalidInputException(file + ": byte " + k + " of the header padding is not NUL");
            }
        }
        long expected = 4 * count;
        long found = Math.max(0, bytes.length - offset);
        if (found != expected) {
            throw new InvalidInputException(file + ": " + (found < expected ? "truncated: " : "") + "XRes × YRes = "
                    + xres + " × " + yres + " needs " + expected + " bytes of data after the header, found " + found);
        }
        int nx = (int) xres;
        int ny = (int) yres;
        float[] stored = new float[nx * ny];
        ByteBuffer.wrap(bytes, offset, (int) expected).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(stored);
        double[] asDouble = new double[stored.length];
        for (int k = 0; k < stored.length; k++) {
            asDouble[k] = stored[k];
        }
        double[] v = GwyddionLayout.bottomRowFirst(asDouble, nx, ny,
                SiUnits.split(header.getOrDefault("ZUnits", "")).factor());
        Map<String, String> meta = new LinkedHashMap<>();
        header.forEach((k, val) -> {
            if (!STANDARD.contains(k)) {
                meta.put(k, val);
            }
        });
        String zUnit = SiUnits.split(header.getOrDefault("ZUnits", "")).base();
        ScanMap m = new ScanMap(new ScalarField2D(Grid2D.unitSpacing(nx, ny), v), zUnit,
                header.getOrDefault("Title", ""), meta, false).requireFinite(file.toString());
        if (meta.remove(GwyddionLayout.SIZE_UNKNOWN_KEY) != null) {
            return new ScanMap(m.field(), m.zUnit(), m.title(), meta, false);
        }
        if (!header.containsKey("XReal") && !header.containsKey("YReal")) {
            return m;
        }
        ScanMap sized = MapFiles.sized(file, m, real(file, header, "XReal"), real(file, header, "YReal"),
                header.getOrDefault("XYUnits", ""));
        // XOffset, YOffset are in XYUnits, like XReal (0 when absent).
        double per = MapFiles.metresPerOr1(header.getOrDefault("XYUnits", ""));
        return MapFiles.offset(sized, offset(file, header, "XOffset") * per, offset(file, header, "YOffset") * per);
    }

    private static double offset(Path file, Map<String, String> header, String key) {
        return header.containsKey(key) ? real(file, header, key) : 0;
    }

    private static long integer(Path file, Map<String, String> header, String key) {
        String s = header.get(key);
        if (s == null) {
            throw new InvalidInputException(file + ": header lacks the required key " + key);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": header key " + key + " = '" + s + "' is not an integer");
        }
    }

    private static double real(Path file, Map<String, String> header, String key) {
        String s = header.getOrDefault(key, "1"); // the format's default physical size
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": header key " + key + " = '" + s + "' is not a number");
        }
    }

    @Override
    public void write(ScanMap map, Path file) {
        Grid2D g = map.grid();
        double toMetres = GwyddionLayout.metresPerUnit(g);
        StringBuilder h = new StringBuilder(MAGIC);
        h.append("XRes = ").append(g.nx()).append('\n');
        h.append("YRes = ").append(g.ny()).append('\n');
        h.append("XReal = ").append(fmt(g.width() * toMetres)).append('\n');
        h.append("YReal = ").append(fmt(g.height() * toMetres)).append('\n');
        if (map.xOffset() != 0 || map.yOffset() != 0) {
            h.append("XOffset = ").append(fmt(map.xOffset() * toMetres)).append('\n');
            h.append("YOffset = ").append(fmt(map.yOffset() * toMetres)).append('\n');
        }
        if (!GwyddionLayout.xyUnit(g).isEmpty()) {
            h.append("XYUnits = ").append(GwyddionLayout.xyUnit(g)).append('\n');
        }
        if (!map.sizeKnown()) {
            h.append(GwyddionLayout.SIZE_UNKNOWN_KEY).append(" = ").append(GwyddionLayout.SIZE_UNKNOWN_VALUE).append('\n');
        }
        if (!GwyddionLayout.zBase(map).isEmpty()) {
            h.append("ZUnits = ").append(oneLine(GwyddionLayout.zBase(map))).append('\n');
        }
        if (!map.title().isEmpty()) {
            h.append("Title = ").append(oneLine(map.title())).append('\n');
        }
        map.metadata().forEach((k, val) -> {
            String key = oneLine(k).replace('=', '_');
            if (!key.isEmpty() && !STANDARD.contains(key) && !key.equals(GwyddionLayout.SIZE_UNKNOWN_KEY)) {
                h.append(key).append(" = ").append(oneLine(val)).append('\n');
            }
        });
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        int padding = 4 - head.length % 4; // 1 to 4 NUL bytes, so that the data starts at a multiple of 4
        double[] values = GwyddionLayout.topRowFirst(map);
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : values) {
            data.putFloat((float) x);
        }
        AtomicFiles.write(file, out -> {
            out.write(head);
            out.write(new byte[padding]);
            out.write(data.array());
        });
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.17g", x).strip();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\0', ' ').strip();
    }
}
