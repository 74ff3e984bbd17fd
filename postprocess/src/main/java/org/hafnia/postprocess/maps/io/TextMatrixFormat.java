package org.hafnia.postprocess.maps.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStreamWriter;
import java.io.BufferedReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.io.NumericMatrix;
import org.hafnia.meshes.io.NumericMatrixReader;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.MatrixText;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/**
 * Text matrices with an optional {@code #} header in the style of Gwyddion's "text matrix of
 * data values" export (formats.md): {@code # Channel: Current}, {@code # Width: 500.000 nm},
 * {@code # Height: 580.000 nm}, {@code # Value units: A}; other {@code # Key: value} lines are
 * kept as metadata. Without Width/Height the size is unknown (the caller reports what it
 * assumes). The numbers are parsed by {@link NumericMatrixReader} (decimal dot; every defect
 * reported by line and column).
 *
 * <p>{@link #CSV} and {@link #TSV} store row 0 = y = 0 first (the project's convention, as
 * {@code fig4} writes them); {@link #GWYDDION_TEXT} ({@code .txt}) stores the top row first, as
 * Gwyddion does, and is flipped on reading and writing.
 */
public final class TextMatrixFormat extends NamedMapFormat {

    public static final TextMatrixFormat CSV = new TextMatrixFormat("CSV matrix", "csv", ",", false);
    public static final TextMatrixFormat TSV = new TextMatrixFormat("TSV matrix", "tsv", "\t", false);
    public static final TextMatrixFormat GWYDDION_TEXT =
            new TextMatrixFormat("Gwyddion text matrix", "txt", "\t", true);

    private static final Pattern HEADER = Pattern.compile("#\\s*([^:]+?)\\s*:\\s*(.*?)\\s*");
    private static final Pattern LENGTH = Pattern.compile("([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\s*(\\S*)");

    private final String separator;
    private final boolean topRowFirst;

    private TextMatrixFormat(String name, String extension, String separator, boolean topRowFirst) {
        super(name, extension);
        this.separator = separator;
        this.topRowFirst = topRowFirst;
    }

    @Override
    public ScanMap read(Path file) {
        // Streamed, so no file-size cap: the matrix reader checks the values against the heap.
        Map<String, String> meta = new LinkedHashMap<>();
        String[] widthText = null;
        String[] heightText = null;
        String[][] offsetText = new String[2][];
        String title = "";
        String zUnit = "";
        int lineNo = 0;
        // Streamed twice, header lines then numbers, never held as text: a 10000² map is 1 GB of text.
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                String t = line.strip();
                Matcher m;
                if (!t.startsWith("#") || !(m = HEADER.matcher(t)).matches()) {
                    continue;
                }
                String key = m.group(1);
                String value = m.group(2);
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "channel" -> title = value;
                    case "width" -> widthText = new String[] {value, Integer.toString(lineNo)};
                    case "height" -> heightText = new String[] {value, Integer.toString(lineNo)};
                    case "value units" -> zUnit = value;
                    case "x offset" -> offsetText[0] = new String[] {value, Integer.toString(lineNo)};
                    case "y offset" -> offsetText[1] = new String[] {value, Integer.toString(lineNo)};
                    default -> meta.put(key, value);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(file + ": line " + (lineNo + 1) + ": not UTF-8 text (a binary file?)", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found", e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        NumericMatrix m = new NumericMatrixReader().read(file);
        double[] values = m.values();
        ScanMap map = new ScanMap(new ScalarField2D(Grid2D.unitSpacing(m.cols(), m.rows()), values),
                zUnit, title, meta, false);
        if (topRowFirst) {
            map = map.withValues(map.field().flippedVertically().values());
        }
        if (widthText == null && heightText == null) {
            return map;
        }
        if (widthText == null || heightText == null) {
            throw new InvalidInputException(file + ": the header gives " + (widthText == null ? "Height" : "Width")
                    + " but not " + (widthText == null ? "Width" : "Height") + "; give both or neither");
        }
        Matcher w = length(file, widthText);
        Matcher h = length(file, heightText);
        double width = Double.parseDouble(w.group(1));
        double height = Double.parseDouble(h.group(1));
        if (!w.group(2).equals(h.group(2))) {
            // Gwyddion picks the prefix of each length separately (e.g. 1.5 µm × 580 nm).
            double wm = metresPer(file, w.group(2));
            double hm = metresPer(file, h.group(2));
            if (Double.isNaN(wm) || Double.isNaN(hm)) {
                throw new InvalidInputException(file + ": Width is in '" + w.group(2) + "' but Height in '"
                        + h.group(2) + "'; expected both lengths or both in reduced units");
            }
            height = height * hm / wm;
        }
        ScanMap sized = MapFiles.sized(file, map, width, height, w.group(2));
        double[] origin = new double[2];
        for (int a = 0; a < 2; a++) {
            if (offsetText[a] != null) {
                Matcher o = length(file, offsetText[a]);
                origin[a] = Double.parseDouble(o.group(1)) * MapFiles.metresPerOr1(o.group(2));
            }
        }
        return MapFiles.offset(sized, origin[0], origin[1]);
    }

    private static double metresPer(Path file, String unit) {
        try {
            return SiUnits.metresPer(unit);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        }
    }

    private static Matcher length(Path file, String[] valueAndLine) {
        Matcher m = LENGTH.matcher(valueAndLine[0]);
        if (!m.matches()) {
            throw new InvalidInputException(file + ": line " + valueAndLine[1] + ": '" + valueAndLine[0]
                    + "' is not a length, expected a number and a unit such as '500.000 nm'");
        }
        try {
            Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ": line " + valueAndLine[1] + ": '" + m.group(1) + "' is not a number");
        }
        return m;
    }

    @Override
    public void write(ScanMap map, Path file) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (!map.title().isEmpty()) {
                w.write("# Channel: " + oneLine(map.title()) + "\n");
            }
            if (map.sizeKnown()) {
                Grid2D g = map.grid();
                String unit = g.unit() == LengthUnit.REDUCED ? "" : " " + SiUnits.gwyddionSymbol(g.unit());
                w.write("# Width: " + decimal(g.width()) + unit + "\n");
                w.write("# Height: " + decimal(g.height()) + unit + "\n");
                if (map.xOffset() != 0 || map.yOffset() != 0) {
                    w.write("# X offset: " + decimal(map.xOffset()) + unit + "\n");
                    w.write("# Y offset: " + decimal(map.yOffset()) + unit + "\n");
                }
            }
            if (!map.zUnit().isEmpty()) {
                w.write("# Value units: " + oneLine(map.zUnit()) + "\n");
            }
            for (Map.Entry<String, String> e : map.metadata().entrySet()) {
                w.write("# " + oneLine(e.getKey()).replace(':', '_') + ": " + oneLine(e.getValue()) + "\n");
            }
            w.flush();
            MatrixText.write(topRowFirst ? map.field().flippedVertically() : map.field(), separator, out);
        });
    }

    /** 15 significant digits: hides the round-off of nx · (width / nx) and is exact to 1e-15 relative. */
    private static String decimal(double x) {
        return new BigDecimal(String.format(Locale.ROOT, "%.15g", x)).stripTrailingZeros().toPlainString();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
