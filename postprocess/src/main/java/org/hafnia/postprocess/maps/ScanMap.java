package org.hafnia.postprocess.maps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;

/**
 * A scanned map such as a C-AFM current map: values on a regular grid with a physical size
 * (the field's {@link Grid2D}: spacing and length unit), the unit of the values, a channel
 * title and free-form metadata. Row 0 is y = 0, the bottom of the plotted map (physics.md §2);
 * formats whose first row is the top are flipped by their readers and writers.
 *
 * @param field     values on the grid (row-major, row = y)
 * @param zUnit     unit of the values, e.g. {@code A} or {@code pA}; blank when dimensionless
 * @param title     channel name, e.g. {@code Current}; blank when unknown
 * @param metadata  further key/value pairs carried from file to file (insertion order kept)
 * @param sizeKnown false when the source gave no physical size and the grid is a unit-spacing
 *                  placeholder in reduced units
 * @param xOffset   x of the map's lower-left corner in the scanner's frame, in the grid's unit
 *                  (Gwyddion's {@code xoff}); 0 when the source gives none
 * @param yOffset   likewise y (Gwyddion's {@code yoff})
 */
public record ScanMap(ScalarField2D field, String zUnit, String title, Map<String, String> metadata,
                      boolean sizeKnown, double xOffset, double yOffset) {

    public ScanMap {
        zUnit = zUnit == null ? "" : zUnit.strip();
        title = title == null ? "" : title.strip();
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (!Double.isFinite(xOffset) || !Double.isFinite(yOffset)) {
            throw new InvalidInputException("map origin offset must be finite, got (" + xOffset + ", " + yOffset + ")");
        }
    }

    /** A map at the origin (offsets 0). */
    public ScanMap(ScalarField2D field, String zUnit, String title, Map<String, String> metadata, boolean sizeKnown) {
        this(field, zUnit, title, metadata, sizeKnown, 0, 0);
    }

    /** The same map with its lower-left corner at ({@code x}, {@code y}) in the grid's unit. */
    public ScanMap withOffset(double x, double y) {
        return new ScanMap(field, zUnit, title, metadata, sizeKnown, x, y);
    }

    /** A map of known size with no metadata. */
    public static ScanMap of(ScalarField2D field, String zUnit, String title) {
        return new ScanMap(field, zUnit, title, Map.of(), true);
    }

    /** Values of unknown physical size: a unit-spacing grid in reduced units. */
    public static ScanMap withoutSize(int nx, int ny, double[] values, String zUnit, String title) {
        return new ScanMap(new ScalarField2D(Grid2D.unitSpacing(nx, ny), values), zUnit, title, Map.of(), false);
    }

    public Grid2D grid() {
        return field.grid();
    }

    public double[] values() {
        return field.values();
    }

    /** The same map with other values on the same grid (units, title, metadata kept). */
    public ScanMap withValues(double[] values) {
        return new ScanMap(new ScalarField2D(field.grid(), values), zUnit, title, metadata, sizeKnown, xOffset, yOffset);
    }

    /** The same values with physical size {@code width × height} in {@code unit}. */
    public ScanMap withSize(double width, double height, LengthUnit unit) {
        if (!(width > 0) || !(height > 0) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new InvalidInputException("map size must be positive and finite, got " + width + " × " + height);
        }
        Grid2D g = Grid2D.ofExtent(grid().nx(), grid().ny(), width, height, unit);
        // The origin follows a change of physical unit; from or to reduced units it is kept as a number.
        double f = sizeKnown && grid().unit() != LengthUnit.REDUCED && unit != LengthUnit.REDUCED
                ? grid().unit().metres() / unit.metres() : 1;
        return new ScanMap(new ScalarField2D(g, field.values()), zUnit, title, metadata, true, xOffset * f, yOffset * f);
    }

    public ScanMap withTitle(String newTitle) {
        return new ScanMap(field, zUnit, newTitle, metadata, sizeKnown, xOffset, yOffset);
    }

    /** The same map labelled with unit {@code unit} (values unchanged). */
    public ScanMap labelledIn(String unit) {
        return new ScanMap(field, unit, title, metadata, sizeKnown, xOffset, yOffset);
    }

    /** The values converted to {@code unit}, which must differ from {@link #zUnit} only by an SI prefix. */
    public ScanMap convertedTo(String unit) {
        double f = SiUnits.conversion(zUnit, unit);
        double[] v = field.values().clone();
        for (int k = 0; k < v.length; k++) {
            v[k] *= f;
        }
        return new ScanMap(new ScalarField2D(field.grid(), v), unit, title, metadata, sizeKnown, xOffset, yOffset);
    }

    /** The same map with metadata entry {@code key = value} added or replaced. */
    public ScanMap withMetadata(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new ScanMap(field, zUnit, title, m, sizeKnown, xOffset, yOffset);
    }

    /**
     * Rejects maps with NaN or infinite values (masked or missing regions), naming the first
     * offender by row and column (row 1 = y = 0) and the count.
     */
    public ScanMap requireFinite(String source) {
        double[] v = field.values();
        int nx = grid().nx();
        int bad = 0;
        int first = -1;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                bad++;
                if (first < 0) {
                    first = k;
                }
            }
        }
        if (bad > 0) {
            throw new InvalidInputException(source + ": " + bad + " of " + v.length
                    + " values are NaN or infinite (a masked or missing region), first at row " + (first / nx + 1)
                    + ", column " + (first % nx + 1) + " counting from y = 0; fill or crop them first");
        }
        return this;
    }

    /** A one-line description, e.g. {@code 51 × 58 px, 500 × 580 nm, values in A}. */
    public String describe() {
        Grid2D g = grid();
        String size = sizeKnown
                ? String.format(Locale.ROOT, "%.6g × %.6g %s", g.width(), g.height(),
                        g.unit() == LengthUnit.REDUCED ? "(reduced units)" : g.unit().symbol())
                : "size unknown";
        String origin = xOffset == 0 && yOffset == 0 ? ""
                : String.format(Locale.ROOT, ", origin (%.6g, %.6g)", xOffset, yOffset);
        return g.nx() + " × " + g.ny() + " px, " + size + origin + ", values in "
                + (zUnit.isEmpty() ? "(no unit)" : zUnit) + (title.isEmpty() ? "" : ", channel '" + title + "'");
    }
}
