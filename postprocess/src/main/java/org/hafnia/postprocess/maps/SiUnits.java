package org.hafnia.postprocess.maps;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;

/**
 * SI unit strings with decimal prefixes, as Gwyddion and instrument software write them
 * ({@code nm}, {@code µm}, {@code pA}, {@code A}). A unit splits into a prefix factor and a base
 * unit: {@code nA} = 1e-9 × {@code A}. A string that is itself a known base unit ({@code m},
 * {@code A}) is never read as a prefix; an unknown unit is kept whole with factor 1.
 */
public final class SiUnits {

    /** A unit as factor × base, e.g. {@code pA} = 1e-12 × {@code A}. */
    public record Split(double factor, String base) {
    }

    /** Decimal SI prefixes (BIPM SI Brochure, 9th ed., Table 7); both micro signs and {@code u}. */
    private static final Map<String, Double> PREFIXES = Map.ofEntries(
            Map.entry("Y", 1e24), Map.entry("Z", 1e21), Map.entry("E", 1e18), Map.entry("P", 1e15),
            Map.entry("T", 1e12), Map.entry("G", 1e9), Map.entry("M", 1e6), Map.entry("k", 1e3),
            Map.entry("h", 1e2), Map.entry("da", 1e1), Map.entry("d", 1e-1), Map.entry("c", 1e-2),
            Map.entry("m", 1e-3), Map.entry("µ", 1e-6), Map.entry("μ", 1e-6), Map.entry("u", 1e-6),
            Map.entry("n", 1e-9), Map.entry("p", 1e-12), Map.entry("f", 1e-15), Map.entry("a", 1e-18),
            Map.entry("z", 1e-21), Map.entry("y", 1e-24));

    /** Base units recognised after a prefix. */
    private static final Set<String> BASES = Set.of("m", "A", "V", "s", "S", "Ω", "Ohm", "F", "Hz", "N", "W",
            "J", "eV", "K", "T", "C", "g");

    private SiUnits() {
    }

    /** Splits {@code unit} into prefix factor and base; blank means dimensionless (factor 1, ""). */
    public static Split split(String unit) {
        String u = unit == null ? "" : unit.strip();
        if (u.isEmpty() || BASES.contains(u)) {
            return new Split(1, u);
        }
        for (int n = 2; n >= 1; n--) {
            if (u.length() > n && PREFIXES.containsKey(u.substring(0, n)) && BASES.contains(u.substring(n))) {
                return new Split(PREFIXES.get(u.substring(0, n)), u.substring(n));
            }
        }
        return new Split(1, u);
    }

    /**
     * Whether {@code unit} is one this class reads: dimensionless ({@code ""} or {@code 1}) or a
     * known base unit with an optional SI prefix.
     */
    public static boolean known(String unit) {
        String u = unit == null ? "" : unit.strip();
        return u.isEmpty() || u.equals("1") || BASES.contains(split(u).base());
    }

    /** The units {@link #known} accepts, in words for a message. */
    public static String knownDescription() {
        return "an SI base unit (" + String.join(", ", new java.util.TreeSet<>(BASES))
                + ") with an optional SI prefix, or 1 for dimensionless";
    }

    /**
     * Factor converting values in {@code from} to values in {@code to} (e.g. A → pA: 1e12).
     *
     * @throws InvalidInputException when the two units have different bases
     */
    public static double conversion(String from, String to) {
        Split a = split(from);
        Split b = split(to);
        if (!a.base().equals(b.base())) {
            throw new InvalidInputException("cannot convert values in '" + from + "' to '" + to
                    + "': the units differ in more than an SI prefix");
        }
        return a.factor() / b.factor();
    }

    /**
     * Metres in one {@code unit} (m with any SI prefix, or Å); NaN for reduced units (blank,
     * {@code 1} or {@code reduced}).
     *
     * @throws InvalidInputException when the unit is not a length
     */
    public static double metresPer(String unit) {
        String u = unit == null ? "" : unit.strip();
        if (u.isEmpty() || u.equals("1") || u.toLowerCase(Locale.ROOT).equals("reduced")) {
            return Double.NaN;
        }
        if (u.equals("\u00C5") || u.equals("\u212B")) { // ångström, either code point
            return 1e-10;
        }
        Split s = split(u);
        if (!s.base().equals("m")) {
            throw new InvalidInputException("lateral unit '" + unit + "' is not a length: expected m with an "
                    + "optional SI prefix (nm, µm, …) or blank for reduced units");
        }
        return s.factor();
    }

    /**
     * The grid unit in which to keep a length written in {@code unit}: the same unit when it is
     * nm, µm or reduced, otherwise (base metres as Gwyddion stores them, Å, mm, …) nm below
     * 1 µm, µm below 1 mm and m above.
     *
     * @param metres the length in metres (ignored for reduced units)
     */
    public static LengthUnit gridUnit(String unit, double metres) {
        double per = metresPer(unit);
        if (Double.isNaN(per)) {
            return LengthUnit.REDUCED;
        }
        for (LengthUnit lu : new LengthUnit[] {LengthUnit.NANOMETRE, LengthUnit.MICROMETRE}) {
            if (lu.metres() == per) {
                return lu;
            }
        }
        double a = Math.abs(metres);
        return a < 1e-6 ? LengthUnit.NANOMETRE : a < 1e-3 ? LengthUnit.MICROMETRE : LengthUnit.METRE;
    }

    /** The unit as Gwyddion writes it in text ({@code µm} with the micro sign), blank for reduced. */
    public static String gwyddionSymbol(LengthUnit unit) {
        return switch (unit) {
            case REDUCED -> "";
            case MICROMETRE -> "µm";
            default -> unit.symbol();
        };
    }
}
