package org.hafnia.experiments.fig3;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.physics.transport.ChannelScattering;
import org.hafnia.physics.transport.LeadModel;
import org.hafnia.physics.transport.PointTrap;
import org.hafnia.physics.transport.ScatteringParameters;
import org.hafnia.physics.transport.ScatteringResult;

/**
 * The published cases of Fig. 3 (physics.md §3): Fig. 3b, an island-like channel (a = 1 nm)
 * with one trapped electron 1 nm outside the x = 0 wall at y = a/2, z = 0, for carrier
 * densities 5·10¹⁸, 10¹⁹ and 10³⁰ cm⁻³ (the last screens the trap completely); Fig. 3d, a
 * boundary-like channel (a = 3 nm, n = 5·10¹⁸ cm⁻³) with no trap, trap B, trap A, or both.
 */
public final class Fig3Experiment {

    /** Carrier densities of Fig. 3b, cm⁻³. */
    public static final double[] FIG3B_DENSITIES = {5e18, 1e19, 1e30};

    /** Width of the island channel of Fig. 3b, nm. */
    public static final double ISLAND_WIDTH_NM = 1.0;

    /** Width of the boundary channel of Fig. 3d, nm. */
    public static final double BOUNDARY_WIDTH_NM = 3.0;

    /** Carrier density of Fig. 3d, cm⁻³. */
    public static final double FIG3D_DENSITY = 5e18;

    /** One calculation: the panel it belongs to, its key in the outputs and its inputs. */
    public record Case(String panel, String key, ScatteringParameters parameters) {
    }

    /** A case with its solution. */
    public record Outcome(Case scenario, ScatteringResult result) {
    }

    private final TrapPotential trapPotential;
    private final LeadModel leads;

    public Fig3Experiment(TrapPotential trapPotential, LeadModel leads) {
        this.trapPotential = trapPotential;
        this.leads = leads;
    }

    /** The island trap of Fig. 3b: x = −1 nm, y = a/2, z = 0, one electron. */
    public static PointTrap islandTrap() {
        return PointTrap.electron(-1.0, ISLAND_WIDTH_NM / 2, 0);
    }

    /** Trap A of Fig. 3d: x = −1.0 nm, y = a/2 + 0.5 nm, z = 0. */
    public static PointTrap trapA() {
        return PointTrap.electron(-1.0, BOUNDARY_WIDTH_NM / 2 + 0.5, 0);
    }

    /** Trap B of Fig. 3d as physically placed: x = −0.8 nm, y = a/2 − 0.5 nm, z = 0. */
    public static PointTrap trapB() {
        return PointTrap.electron(-0.8, BOUNDARY_WIDTH_NM / 2 - 0.5, 0);
    }

    /** The Fig. 3b cases, keyed {@code n_5e18_cm3} etc. */
    public List<Case> fig3b() {
        ScatteringParameters base = ScatteringParameters.builder().width(ISLAND_WIDTH_NM).traps(islandTrap())
                .leads(leads).build();
        List<Case> cases = new ArrayList<>();
        for (double n : FIG3B_DENSITIES) {
            cases.add(new Case("fig3b", "n_" + densityLabel(n) + "_cm3", base.toBuilder().carrierDensity(n).build()));
        }
        return cases;
    }

    /** The Fig. 3d cases in column order: no trap, trap B only, trap A only, both traps. */
    public List<Case> fig3d() {
        ScatteringParameters base = ScatteringParameters.builder().width(BOUNDARY_WIDTH_NM)
                .carrierDensity(FIG3D_DENSITY).leads(leads).build();
        PointTrap a = trapA();
        PointTrap b = trapPotential.trapB(trapB(), a);
        return List.of(
                new Case("fig3d", "no_trap", base),
                new Case("fig3d", "trap_B", base.toBuilder().traps(b).build()),
                new Case("fig3d", "trap_A", base.toBuilder().traps(a).build()),
                new Case("fig3d", "both_traps", base.toBuilder().traps(a, b).build()));
    }

    /** Solves the cases in order. */
    public static List<Outcome> run(List<Case> cases) {
        return cases.stream().map(c -> new Outcome(c, new ChannelScattering(c.parameters()).solve())).toList();
    }

    /** "5e18" for 5·10¹⁸: mantissa and exponent without padding. */
    static String densityLabel(double n) {
        int exponent = (int) Math.floor(Math.log10(n));
        double mantissa = n / Math.pow(10, exponent);
        String m = Math.abs(mantissa - Math.rint(mantissa)) < 1e-9 ? Long.toString(Math.round(mantissa))
                : Double.toString(mantissa);
        return m + "e" + exponent;
    }

    public TrapPotential trapPotential() {
        return trapPotential;
    }

    public LeadModel leads() {
        return leads;
    }
}
