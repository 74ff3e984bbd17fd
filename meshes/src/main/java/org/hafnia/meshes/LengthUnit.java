package org.hafnia.meshes;

import java.util.Locale;

/** Unit of a grid's spacing. {@link #REDUCED} is the dimensionless unit of the published runs. */
public enum LengthUnit {
    REDUCED("1", Double.NaN),
    METRE("m", 1.0),
    MICROMETRE("um", 1e-6),
    NANOMETRE("nm", 1e-9);

    private final String symbol;
    private final double metres;

    LengthUnit(String symbol, double metres) {
        this.symbol = symbol;
        this.metres = metres;
    }

    /** The unit's symbol as written in files ({@code nm}, {@code um}, {@code m}, {@code 1}). */
    public String symbol() {
        return symbol;
    }

    /** Length of one unit in metres; NaN for {@link #REDUCED}, which has no physical length. */
    public double metres() {
        return metres;
    }

    /** Parses a symbol such as {@code nm}, {@code µm}, {@code um}, {@code m} or {@code reduced}. */
    public static LengthUnit parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        switch (s) {
            case "1": case "reduced": case "": return REDUCED;
            case "m": case "metre": case "meter": return METRE;
            case "um": case "micrometre": case "micrometer": return MICROMETRE;
            case "nm": case "nanometre": case "nanometer": return NANOMETRE;
            default:
                throw new InvalidInputException("unknown length unit '" + text
                        + "': expected one of nm, um, m or reduced");
        }
    }
}
