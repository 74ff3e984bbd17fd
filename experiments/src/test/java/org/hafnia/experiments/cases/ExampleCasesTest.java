package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.device.FilmDevice;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every case shipped in {@code experiments/cases/} runs to completion with consistent outputs. */
class ExampleCasesTest {

    private static final Path CASES = Path.of("cases");

    @TempDir
    Path dir;

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            // Device cases (a "device" section: hafnia extract, program, denoise) are run by DeviceCaseFileTest.
            return s.filter(p -> p.toString().endsWith(".json") && !isDeviceCase(p)).sorted().toList();
        }
    }

    private static boolean isDeviceCase(Path p) {
        try {
            return Files.readString(p).contains("\"device\": {");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theShippedCasesIncludeTheDeviceRunsAndTheFilmCase() throws IOException {
        assertThat(cases()).contains(CASES.resolve("denoise-2d.json"), CASES.resolve("joule-2d.json"),
                CASES.resolve("set-reset-2d.json"), CASES.resolve("film-3d.json"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void runsToCompletion(Path caseFile) throws IOException {
        RunDeck deck = new CaseReader(() -> ReferenceData.locate(null)).read(caseFile);
        Path out = dir.resolve(deck.name());
        assertThat(run(caseFile.toString(), "--out", out.toString(), "--threads", "1")).isZero();

        assertThat(out.resolve(CaseRun.CHECKPOINT)).doesNotExist();
        assertThat(out.resolve("run.json")).exists();
        assertThat(out.resolve("energy.png")).exists();
        List<String> reads = Files.readAllLines(out.resolve("conductance.tsv"));
        double gOff;
        double gOn;
        // Relative tolerance of the bounds: the CG solve's relative residual (1e-10) bounds the error
        // of I in 3D; the device's G is a sum of σ a²/t over the nodes (round-off, far below 1e-9).
        if (deck instanceof DeviceRunCase d) {
            assertThat(reads).hasSize(1 + d.reads());
            // G_f lies between the all-insulating and the all-conducting film (columns in parallel),
            // and the terminals see G_f in series with R_s, monotone in G_f.
            FilmDevice.Model m = d.model();
            double area = m.grid().width() * m.grid().height() * 1e-18;
            gOff = series(m.sigma().offConductivity() * area / m.thickness(), m.seriesResistance());
            gOn = series(m.sigma().onConductivity() * area / m.thickness(), m.seriesResistance());
        } else {
            RunCase c = (RunCase) deck;
            assertThat(reads).hasSize(1 + c.schedule().measurements());
            // Rayleigh bounds: G lies between the all-insulating and the all-conducting film.
            RunCase.Conductance g = c.physics().conductance();
            double area = c.initial().grid().layer().width() * c.initial().grid().layer().height() * 1e-18;
            double thickness = g.thickness() * 1e-9;
            gOff = g.sigma().offConductivity() * area / thickness;
            gOn = g.sigma().onConductivity() * area / thickness;
        }
        int column = List.of(reads.get(0).split("\t")).indexOf("conductance_S");
        for (String row : reads.subList(1, reads.size())) {
            double siemens = Double.parseDouble(row.split("\t")[column]);
            assertThat(siemens).isBetween(gOff * (1 - 1e-9), gOn * (1 + 1e-9));
        }
        String xmf = Files.readString(out.resolve("phi.xmf"));
        try (Stream<Path> snaps = Files.list(out.resolve(CaseRun.SNAPSHOTS))) {
            List<Path> files = snaps.toList();
            assertThat(files).isNotEmpty();
            for (Path f : files) {
                // "final" repeats the time of the last snapshot when the run ends on one; the index
                // leaves such a repeat out (ParaView would merge the two grids).
                if (!f.getFileName().toString().equals("final.h5")) {
                    assertThat(xmf).contains(CaseRun.SNAPSHOTS + "/" + f.getFileName() + ":/phi");
                }
            }
        }
        List<Double> times = xmf.lines().filter(l -> l.contains("<Time Value="))
                .map(l -> Double.parseDouble(l.replaceAll(".*Value=\"([^\"]*)\".*", "$1"))).toList();
        for (int k = 1; k < times.size(); k++) {
            assertThat(times.get(k)).isGreaterThan(times.get(k - 1));
        }
        assertThat(out.resolve(CaseRun.SNAPSHOTS).resolve("final.h5")).exists();
    }

    private static double series(double film, double resistance) {
        return film / (1 + resistance * film);
    }

    @Test
    void stoppingAtMaxStepsAndResumingGivesTheFullRun() throws IOException {
        // joule-2d: a device run of 9 segments; stopping after 5 (inside the checkpoint interval
        // of 2) makes the resumed run start from the device state saved between segments.
        Path caseFile = CASES.resolve("joule-2d.json");
        Path full = dir.resolve("full");
        Path split = dir.resolve("split");
        assertThat(run(caseFile.toString(), "--out", full.toString())).isZero();
        assertThat(run(caseFile.toString(), "--out", split.toString(), "--max-steps", "5")).isZero();
        assertThat(split.resolve(CaseRun.CHECKPOINT)).exists();
        assertThat(split.resolve("run.json")).doesNotExist();
        assertThat(run(caseFile.toString(), "--out", split.toString())).as("refuses to overwrite an unfinished run")
                .isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(run(caseFile.toString(), "--out", split.toString(), "--resume")).isZero();
        for (String f : List.of("run.json", "conductance.tsv", "energy.tsv", "phi.xmf", "snapshots/final.h5")) {
            assertThat(Files.readAllBytes(split.resolve(f))).as(f).isEqualTo(Files.readAllBytes(full.resolve(f)));
        }
    }

    @Test
    void anUnstableTimeStepIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path caseFile = dir.resolve("unstable.json");
        Files.writeString(caseFile, Files.readString(CASES.resolve("film-3d.json"))
                .replace("\"kappa\": \"4 eV nm^2\"", "\"kappa\": \"4000 eV nm^2\""));
        Path out = dir.resolve("unstable");
        StringWriter err = new StringWriter();
        CommandLine cl = Hafnia.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("run", caseFile.toString(), "--out", out.toString())).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unstable.json: /time: time step Δt =", "breaks the explicit stability limit");
        assertThat(out).doesNotExist();
    }

    /** {@code hafnia run ARGS} in this JVM with its output discarded; the exit status. */
    static int run(String... args) {
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }
}
