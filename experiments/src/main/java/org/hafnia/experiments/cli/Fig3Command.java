package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.fig3.Fig3Experiment;
import org.hafnia.experiments.fig3.Fig3Experiment.Outcome;
import org.hafnia.experiments.fig3.TrapPotential;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.transport.LeadModel;
import org.hafnia.physics.transport.PointTrap;
import org.hafnia.physics.transport.ScatteringParameters;
import org.hafnia.physics.transport.ScatteringResult;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.plots.LineFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hafnia fig3}: regenerates the published quantum-transport density profiles (Fig. 3b, 3d). */
@Command(name = "fig3", mixinStandardHelpOptions = true,
        header = "Regenerate the quantum transport of Rao et al. 2023 (Fig. 3b, 3d).",
        description = {"Regenerate the multimode scattering simulations of Rao et al., Nature 615, 823 (2023), Fig. 3b and 3d:",
            "electron density along a 6 nm channel segment next to screened trapped electrons, and its Landauer conductance.",
            "Writes fig3b.tsv, fig3d.tsv, fig3.json and fig3.png."})
public final class Fig3Command implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "out/fig3", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--consistent", description = "Fig. 3d with trap B's own distance in its 1/r term (physically consistent) "
            + "instead of the published variant, which used trap A's distance.")
    boolean consistent;

    @Option(names = "--leads", defaultValue = "published", description = "Lead equations: published (continuum k, physics.md §3) "
            + "or lattice (exact for the discrete dispersion, no spurious reflection) (default: ${DEFAULT-VALUE}).")
    String leads;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        TrapPotential variant = consistent ? TrapPotential.CONSISTENT : TrapPotential.PUBLISHED_FIG3D_VARIANT;
        Fig3Experiment experiment = new Fig3Experiment(variant, leadModel(leads));
        long t0 = System.nanoTime();
        List<Outcome> fig3b = Fig3Experiment.run(experiment.fig3b());
        List<Outcome> fig3d = Fig3Experiment.run(experiment.fig3d());
        double seconds = (System.nanoTime() - t0) * 1e-9;

        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.writeString("fig3b.tsv", table(fig3b));
            staged.writeString("fig3d.tsv", table(fig3d));
            staged.write("fig3.json", Json.content(report(experiment, fig3b, fig3d, seconds)));
            LineFigure.writePngRow(staged.file("fig3.png"), List.of(
                    figure("Fig. 3b: island channel, a = 1 nm", fig3b),
                    figure("Fig. 3d: boundary channel, a = 3 nm, trap B " + (consistent ? "consistent" : "as published"), fig3d)), 640, 480);
            staged.commit();
        }

        log.printf(Locale.ROOT, "fig3: %d scattering problems (%d nodes, %d modes, %s leads, trap B %s) in %.2f s%n",
                fig3b.size() + fig3d.size(), fig3b.get(0).scenario().parameters().intervals() + 1,
                fig3b.get(0).result().modes(), experiment.leads().name().toLowerCase(Locale.ROOT), variant.key(), seconds);
        log.printf(Locale.ROOT, "  %-6s %-12s %10s %14s %12s %10s%n", "panel", "case", "λ_D (nm)", "transmission",
                "G (µS)", "G/G0");
        for (Outcome o : concat(fig3b, fig3d)) {
            ScatteringResult r = o.result();
            log.printf(Locale.ROOT, "  %-6s %-12s %10.4g %14.6g %12.6g %10.6g%n", o.scenario().panel(), o.scenario().key(),
                    r.debyeLength(), r.transmission(), r.conductanceSiemens() * 1e6, r.conductanceG0());
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    private static LeadModel leadModel(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "published" -> LeadModel.PUBLISHED;
            case "lattice" -> LeadModel.LATTICE;
            default -> throw new InvalidInputException("--leads: unknown lead model '" + name
                    + "', expected 'published' or 'lattice'");
        };
    }

    private static List<Outcome> concat(List<Outcome> a, List<Outcome> b) {
        List<Outcome> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Header "z_nm" and "density_<case>", then one row per node. */
    static String table(List<Outcome> outcomes) {
        StringBuilder s = new StringBuilder("z_nm");
        for (Outcome o : outcomes) {
            s.append("\tdensity_").append(o.scenario().key());
        }
        s.append('\n');
        double[] z = outcomes.get(0).result().z();
        List<double[]> columns = outcomes.stream().map(o -> o.result().density()).toList();
        for (int l = 0; l < z.length; l++) {
            // Node positions are −L/2 + l dz; rounding to 1e-9 nm removes binary noise like −2.9399999999999995.
            s.append(Math.rint(z[l] * 1e9) / 1e9);
            for (double[] c : columns) {
                s.append('\t').append(c[l]);
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static LineFigure figure(String title, List<Outcome> outcomes) {
        LineFigure fig = new LineFigure(title, "z (nm)", "density Σ|ψ_i|² (relative to incident)");
        for (Outcome o : outcomes) {
            fig.series(legend(o) + String.format(Locale.ROOT, " (T = %.4g)", o.result().transmission()),
                    o.result().z(), o.result().density());
        }
        return fig;
    }

    /** The case in words: "n = 5×10¹⁸ cm⁻³" for Fig. 3b, "no trap", "trap A", "traps A and B" for Fig. 3d. */
    static String legend(Outcome o) {
        return switch (o.scenario().key()) {
            case "no_trap" -> "no trap";
            case "trap_A" -> "trap A";
            case "trap_B" -> "trap B";
            case "both_traps" -> "traps A and B";
            default -> "n = " + powerOfTen(o.scenario().parameters().carrierDensity()) + " cm⁻³";
        };
    }

    /** 5×10¹⁸ for 5e18, 10³⁰ for 1e30. */
    static String powerOfTen(double v) {
        int e = (int) Math.floor(Math.log10(v) + 1e-12);
        double m = v / Math.pow(10, e);
        StringBuilder s = new StringBuilder(Math.abs(m - 1) < 1e-9 ? "" : new java.text.DecimalFormat("0.###",
                java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(m) + "×");
        s.append("10");
        for (char c : Integer.toString(e).toCharArray()) {
            s.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return s.toString();
    }

    private static Map<String, Object> report(Fig3Experiment experiment, List<Outcome> fig3b, List<Outcome> fig3d,
                                              double seconds) {
        ScatteringParameters p = fig3b.get(0).scenario().parameters();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", "Rao et al., Nature 615, 823 (2023), Fig. 3b and 3d; physics.md §3");
        r.put("model", "multimode scattering in a hard-wall channel, screened Coulomb traps U = -q k1 exp(-r/lambda_D)/r, "
                + "central differences in z, open leads; T = sum_prop |t_i|^2 Re(k_i)/k0, G = (2e^2/h) T");
        r.put("trap_B_potential", experiment.trapPotential().key());
        r.put("leads", experiment.leads().name().toLowerCase(Locale.ROOT));
        r.put("conductance_quantum_S", PhysicalConstants.CONDUCTANCE_QUANTUM_S);
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("length_nm", p.length());
        common.put("modes_x", p.modesX());
        common.put("modes_y", p.modesY());
        common.put("energy_eV", p.energy());
        common.put("effective_mass_me", p.effectiveMass());
        common.put("hbar2_over_2me_eV_nm2", p.hbar2Over2me());
        common.put("coulomb_constant_eV_nm", p.coulombConstant());
        common.put("debye_prefactor_nm", p.debyePrefactor());
        common.put("permittivity", p.permittivity());
        common.put("temperature_K", p.temperature());
        common.put("intervals", p.intervals());
        common.put("quadrature_points", p.quadraturePoints());
        r.put("parameters", common);
        r.put("fig3b", panel("island", fig3b));
        r.put("fig3d", panel("boundary", fig3d));
        r.put("seconds", seconds);
        return r;
    }

    private static Map<String, Object> panel(String channel, List<Outcome> outcomes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel);
        m.put("width_nm", outcomes.get(0).scenario().parameters().widthX());
        Map<String, Object> cases = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            cases.put(o.scenario().key(), outcome(o));
        }
        m.put("cases", cases);
        return m;
    }

    private static Map<String, Object> outcome(Outcome o) {
        ScatteringParameters p = o.scenario().parameters();
        ScatteringResult r = o.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("carrier_density_cm3", p.carrierDensity());
        m.put("debye_length_nm", r.debyeLength());
        List<Map<String, Object>> traps = new ArrayList<>();
        for (PointTrap t : p.traps()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("x_nm", t.x());
            tm.put("y_nm", t.y());
            tm.put("z_nm", t.z());
            tm.put("charge_e", t.charge());
            tm.put("coulomb_centre_nm", List.of(t.centreX(), t.centreY(), t.centreZ()));
            traps.add(tm);
        }
        m.put("traps", traps);
        m.put("transmission", r.transmission());
        m.put("reflection", r.reflection());
        m.put("conductance_S", r.conductanceSiemens());
        m.put("conductance_G0", r.conductanceG0());
        m.put("propagating_modes", r.propagatingModes());
        List<Map<String, Object>> modes = new ArrayList<>();
        for (int i = 0; i < r.modes(); i++) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("mode", r.label(i));
            mm.put("energy_eV", r.modeEnergy(i));
            mm.put("k_re_per_nm", r.wavenumber(i).getReal());
            mm.put("k_im_per_nm", r.wavenumber(i).getImaginary());
            mm.put("propagating", r.propagating(i));
            mm.put("r_re", r.reflection(i).getReal());
            mm.put("r_im", r.reflection(i).getImaginary());
            mm.put("t_re", r.transmission(i).getReal());
            mm.put("t_im", r.transmission(i).getImaginary());
            modes.add(mm);
        }
        m.put("modes", modes);
        return m;
    }
}
