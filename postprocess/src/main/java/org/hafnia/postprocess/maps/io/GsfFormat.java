package org.hafnia.postprocess.maps.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;
import org.hafnia.postprocess.maps.api.MapFormat;

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
public final class GsfFormat implements MapFormat {

    public static final GsfFormat INSTANCE = new GsfFormat();

    static final String MAGIC = "Gwyddion Simple Field 1.0\n";
    private static final Set<String> STANDARD = Set.of("XRes", "YRes", "XReal", "YReal", "XOffset", "YOffset",
            "Title", "XYUnits", "ZUnits");

    private GsfFormat() {
    }

    @Override
    public String name() {
        return "Gwyddion Simple Field";
    }

    @Override
    public List<String> extensions() {
        return List.of("gsf");
    }

    @Override
    public boolean storesSize() {
        return true;
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
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, (int) expected).order(ByteOrder.LITTLE_ENDIAN);
        int nx = (int) xres;
        int ny = (int) yres;
        double zFactor = SiUnits.split(header.getOrDefault("ZUnits", "")).factor();
        double[] v = new double[nx * ny];
        for (int j = ny - 1; j >= 0; j--) { // the first stored row is the top
            for (int i = 0; i < nx; i++) {
                v[j * nx + i] = b.getFloat() * zFactor;
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        header.forEach((k, val) -> {
            if (!STANDARD.contains(k)) {
                meta.put(k, val);
            }
        });
        String zUnit = SiUnits.split(header.getOrDefault("ZUnits", "")).base();
        ScanMap m = new ScanMap(new ScalarField2D(Grid2D.unitSpacing(nx, ny), v), zUnit,
                header.getOrDefault("Title", ""), meta, false).requireFinite(file.toString());
        if (!header.containsKey("XReal") && !header.containsKey("YReal")) {
            return m;
        }
        return MapFiles.sized(file, m, real(file, header, "XReal"), real(file, header, "YReal"),
                header.getOrDefault("XYUnits", ""));
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
        int nx = g.nx();
        int ny = g.ny();
        boolean reduced = g.unit() == LengthUnit.REDUCED;
        double toMetres = reduced ? 1 : g.unit().metres();
        SiUnits.Split z = SiUnits.split(map.zUnit());
        StringBuilder h = new StringBuilder(MAGIC);
        h.append("XRes = ").append(nx).append('\n');
        h.append("YRes = ").append(ny).append('\n');
        if (map.sizeKnown()) {
            h.append("XReal = ").append(fmt(g.width() * toMetres)).append('\n');
            h.append("YReal = ").append(fmt(g.height() * toMetres)).append('\n');
            if (!reduced) {
                h.append("XYUnits = m\n");
            }
        }
        if (!z.base().isEmpty()) {
            h.append("ZUnits = ").append(oneLine(z.base())).append('\n');
        }
        if (!map.title().isEmpty()) {
            h.append("Title = ").append(oneLine(map.title())).append('\n');
        }
        map.metadata().forEach((k, val) -> {
            String key = oneLine(k).replace('=', '_');
            if (!key.isEmpty() && !STANDARD.contains(key)) {
                h.append(key).append(" = ").append(oneLine(val)).append('\n');
            }
        });
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        int padding = 4 - head.length % 4; // 1 to 4 NUL bytes, so that the data starts at a multiple of 4
        ByteBuffer data = ByteBuffer.allocate(4 * nx * ny).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = map.values();
        for (int j = ny - 1; j >= 0; j--) {
            for (int i = 0; i < nx; i++) {
                data.putFloat((float) (v[j * nx + i] * z.factor()));
            }
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
