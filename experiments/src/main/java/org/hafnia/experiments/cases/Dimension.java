package org.hafnia.experiments.cases;

import java.util.Locale;
import java.util.Map;

/**
 * Physical dimensions a case file may carry, each with the unit symbols it accepts and their
 * factor to the SI (or stated) base unit. Micro may be written µ, μ or u.
 */
public enum Dimension {
    /** Base unit m. */
    LENGTH("a length", "m", "5 nm", Map.of("m", 1.0, "um", 1e-6, "nm", 1e-9, "pm", 1e-12)),
    /** Base unit s. */
    TIME("a time", "s", "10 ns", Map.of("s", 1.0, "ms", 1e-3, "us", 1e-6, "ns", 1e-9, "ps", 1e-12)),
    /** Base unit V. */
    VOLTAGE("a voltage", "V", "-0.3 V", Map.of("V", 1.0, "mV", 1e-3)),
    /** Base unit S. */
    CONDUCTANCE("a conductance", "S", "60 uS", Map.of("S", 1.0, "mS", 1e-3, "uS", 1e-6, "nS", 1e-9)),
    /** Base unit S/m. */
    CONDUCTIVITY("a conductivity", "S/m", "1e5 S/m", Map.of("S/m", 1.0, "S/cm", 100.0)),
    /** Base unit eV (the energy unit of the free-energy profile). */
    ENERGY("an energy", "eV", "2.9 eV", Map.of("eV", 1.0, "meV", 1e-3)),
    /** Base unit eV·m² (gradient coefficient κ: energy × length²). */
    ENERGY_AREA("an energy × area", "eV m^2", "3700 eV nm^2",
            Map.of("eV m^2", 1.0, "eV um^2", 1e-12, "eV nm^2", 1e-18)),
    /** Base unit eV/m (gradient coefficient κ of an energy density: energy per length). */
    ENERGY_PER_LENGTH("an energy per length", "eV/m", "30 eV/nm", Map.of("eV/m", 1.0, "eV/nm", 1e9)),
    /** Base unit m³. */
    VOLUME("a volume", "m^3", "0.036 nm^3", Map.of("m^3", 1.0, "nm^3", 1e-27)),
    /** Base unit J/(m³ K) (volumetric heat capacity ρc_p). */
    HEAT_CAPACITY("a volumetric heat capacity", "J/(m^3 K)", "2.8 MJ/(m^3 K)",
            Map.of("J/(m^3 K)", 1.0, "MJ/(m^3 K)", 1e6, "J/m^3/K", 1.0)),
    /** Base unit 1/s. */
    FREQUENCY("a frequency", "Hz", "1e13 Hz", Map.of("Hz", 1.0, "1/s", 1.0, "THz", 1e12)),
    /** Base unit 1/m² (traps per area). */
    AREAL_DENSITY("an areal density", "m^-2", "0.15 nm^-2", Map.of("m^-2", 1.0, "nm^-2", 1e18, "cm^-2", 1e4)),
    /** Base unit 1/m³ (carriers per volume). */
    NUMBER_DENSITY("a number density", "m^-3", "8.1e19 cm^-3", Map.of("m^-3", 1.0, "cm^-3", 1e6, "nm^-3", 1e27)),
    /** Base unit Ω. */
    RESISTANCE("a resistance", "Ohm", "1 kOhm", Map.of("Ohm", 1.0, "kOhm", 1e3, "Ω", 1.0, "kΩ", 1e3)),
    /** Base unit W/(m K). */
    THERMAL_CONDUCTIVITY("a thermal conductivity", "W/(m K)", "0.7 W/(m K)", Map.of("W/(m K)", 1.0, "W/m/K", 1.0)),
    /** Base unit K. */
    TEMPERATURE("a temperature", "K", "300 K", Map.of("K", 1.0)),
    /** Base unit F. */
    CAPACITANCE("a capacitance", "F", "0.5 pF", Map.of("F", 1.0, "nF", 1e-9, "pF", 1e-12, "fF", 1e-15)),
    /** Base unit m²/(V s) (carrier mobility). */
    MOBILITY("a mobility", "m^2/(V s)", "1 cm^2/(V s)",
            Map.of("m^2/(V s)", 1.0, "cm^2/(V s)", 1e-4, "m^2/V/s", 1.0, "cm^2/V/s", 1e-4));

    private final String description;
    private final String base;
    private final String example;
    private final Map<String, Double> units;

    Dimension(String description, String base, String example, Map<String, Double> units) {
        this.description = description;
        this.base = base;
        this.example = example;
        this.units = units;
    }

    /** E.g. "a length". */
    public String description() {
        return description;
    }

    /** Symbol of the base unit that values are returned in. */
    public String base() {
        return base;
    }

    /** An example value with a unit, e.g. "5 nm". */
    public String example() {
        return example;
    }

    /** Factor of {@code symbol} to the base unit, or null when it is not a unit of this dimension. */
    public Double factor(String symbol) {
        String s = symbol.trim().replace('µ', 'u').replace('μ', 'u').replace('*', ' ').replace('·', ' ')
                .replace("²", "^2").replaceAll("\\s+", " ");
        return units.get(s);
    }

    /** The accepted unit symbols, sorted, for messages. */
    public String accepted() {
        return String.join(", ", units.keySet().stream().sorted().toList());
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
