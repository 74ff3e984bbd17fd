package org.hafnia.physics.materials;

import org.hafnia.meshes.InvalidInputException;

/**
 * Device-scale material parameters of an HfO2 film (SI units). Every default lies inside the
 * range physics.md §6 gives from the HfO2 RRAM modelling literature:
 * <ul>
 * <li>σ_on = 7×10⁴ S/m (range 10⁴–10⁵ S/m for the oxygen-deficient phase): with a channel of
 *     3 nm diameter through a 5 nm film it gives G = σ π r²/t ≈ 99 µS ≈ 1.28 G0, the
 *     conductance of the measured device in {@code reference/rtn} (≈ 98 µS, §6);</li>
 * <li>σ_off = 10⁻² S/m (insulating HfO2, "below 1 S/m");</li>
 * <li>k_th = 0.7 W/(m K) (thin amorphous HfO2, 0.5–1 W/(m K));</li>
 * <li>E_a = 1.0 eV (oxygen-vacancy migration in HfO2, 0.7–1.5 eV);</li>
 * <li>film thickness 5 nm (5–10 nm) and electrode temperature 300 K (electrodes are heat
 *     sinks at ambient temperature, the usual first model).</li>
 * </ul>
 *
 * @param sigmaOn             σ_on, S/m
 * @param sigmaOff            σ_off, S/m
 * @param thermalConductivity k_th, W/(m K)
 * @param activationEnergy    E_a, eV
 * @param thickness           film thickness t, m
 * @param ambientTemperature  electrode temperature T0, K
 */
public record HafniaMaterial(double sigmaOn, double sigmaOff, double thermalConductivity,
                             double activationEnergy, double thickness, double ambientTemperature) {

    public static final HafniaMaterial DEFAULT = new HafniaMaterial(7e4, 1e-2, 0.7, 1.0, 5e-9, 300);

    public HafniaMaterial {
        Conductivities.requireRange(sigmaOff, sigmaOn);
        positive("thermal conductivity k_th (W/(m K))", thermalConductivity);
        positive("activation energy E_a (eV)", activationEnergy);
        positive("film thickness (m)", thickness);
        positive("ambient temperature (K)", ambientTemperature);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(what + " must be positive and finite, got " + v);
        }
    }
}
