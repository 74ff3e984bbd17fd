package org.hafnia.solver.protocol;

import org.hafnia.meshes.InvalidInputException;

/**
 * Maps the voltage V applied to the top electrode (bottom electrode grounded) to the bias term
 * b of the Allen–Cahn equation ∂φ/∂t = L (−f'(φ) + κ∇²φ − b) (physics.md §1.1, §1.3).
 * Sign convention: b &gt; 0 lowers φ. Positive V is the SET polarity (the channel grows, b &lt; 0);
 * negative V is the RESET polarity (weak channel regions dissolve, b &gt; 0), so the published
 * denoising bias b = 30 corresponds to a negative, RESET-polarity pulse.
 */
public sealed interface BiasLaw permits BiasLaw.IonHopping, BiasLaw.Threshold {

    /** The bias b for the voltage {@code volts} (in the energy unit of the free energy). */
    double bias(double volts);

    /** Short description with the parameters, for reports. */
    String describe();

    /**
     * Field-accelerated ion hopping: b(V) = −b0 · sinh(V / V0).
     *
     * <p>The drift velocity of ions hopping over a barrier lowered by the field is
     * v ∝ exp(−E_a / k_B T) · sinh(q a E / (2 k_B T)) (Mott–Gurney), the law behind the
     * exponential voltage–time dependence of switching in oxide RRAM: D. B. Strukov and
     * R. S. Williams, Appl. Phys. A 94, 515 (2009); D. Ielmini, IEEE Trans. Electron Devices
     * 58, 4309 (2011); S. Menzel et al., Adv. Funct. Mater. 21, 4487 (2011). With E = V / d,
     * V0 = 2 k_B T d / (q a): for d = 5 nm, a = 0.3 nm and T = 300 K, V0 ≈ 0.86 V. The Arrhenius
     * factor is the mobility L and the time scale τ0; b0 sets the bias scale. The law has no
     * threshold: a small "subthreshold" pulse still drives the field weakly, which is what the
     * denoising trains rely on.
     *
     * @param b0 bias scale (energy unit of f), &gt; 0
     * @param v0 characteristic voltage V0 (V), &gt; 0
     */
    record IonHopping(double b0, double v0) implements BiasLaw {
        public IonHopping {
            positive("b0", b0);
            positive("v0", v0);
        }

        @Override
        public double bias(double volts) {
            return -b0 * Math.sinh(volts / v0);
        }

        @Override
        public String describe() {
            return "ion-hopping b = -b0 sinh(V/V0), b0 = " + b0 + ", V0 = " + v0 + " V";
        }
    }

    /**
     * Threshold law of the VTEAM model (S. Kvatinsky et al., IEEE Trans. Circuits Syst. II 62,
     * 786 (2015)): no drive between the thresholds v_off &lt; 0 &lt; v_on, and beyond them
     * b = −k_on (V / v_on − 1)^α_on for V &gt; v_on, b = +k_off (V / v_off − 1)^α_off for V &lt; v_off.
     *
     * @param kOn     SET rate constant (energy unit of f), ≥ 0
     * @param vOn     SET threshold (V), &gt; 0
     * @param alphaOn SET exponent, &gt; 0
     * @param kOff    RESET rate constant, ≥ 0
     * @param vOff    RESET threshold (V), &lt; 0
     * @param alphaOff RESET exponent, &gt; 0
     */
    record Threshold(double kOn, double vOn, double alphaOn, double kOff, double vOff, double alphaOff)
            implements BiasLaw {
        public Threshold {
            nonNegative("k_on", kOn);
            positive("v_on", vOn);
            positive("alpha_on", alphaOn);
            nonNegative("k_off", kOff);
            positive("-v_off", -vOff);
            positive("alpha_off", alphaOff);
        }

        @Override
        public double bias(double volts) {
            if (volts > vOn) {
                return -kOn * Math.pow(volts / vOn - 1, alphaOn);
            }
            if (volts < vOff) {
                return kOff * Math.pow(volts / vOff - 1, alphaOff);
            }
            return 0;
        }

        @Override
        public String describe() {
            return "threshold (VTEAM) k_on = " + kOn + ", v_on = " + vOn + " V, alpha_on = " + alphaOn
                    + ", k_off = " + kOff + ", v_off = " + vOff + " V, alpha_off = " + alphaOff;
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(name + " must be positive and finite, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(name + " must be ≥ 0 and finite, got " + v);
        }
    }
}
