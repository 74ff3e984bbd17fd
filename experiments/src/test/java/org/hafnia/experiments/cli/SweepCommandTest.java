package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hafnia sweep}'s refusals of a job, in the user's terms (issue 13); the runs themselves: {@link ArrayCommandTest}. */
class SweepCommandTest {

    @TempDir
    static Path shared;

    static Path tinyCase;

    @BeforeAll
    static void copyTheTinyCase() throws Exception {
        tinyCase = shared.resolve("tiny-array.json");
        try (InputStream in = SweepCommandTest.class.getResourceAsStream("/cases/tiny-array.json")) {
            Files.copy(in, tinyCase);
        }
    }

    /** A sweep of tiny arrays; each refusal below comes before any job extracts or programs a device. */
    private static CommandRun sweep(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", tinyCase.toString(), "--out", out.toString(), "--rows", "1",
                "--cols", "2", "--levels", "2", "--reads", "2", "--threads", "1"));
        a.addAll(List.of(more));
        return CommandRun.of(a.toArray(String[]::new));
    }

    /** The one error line, without the "hafnia sweep: error: " it must begin with. */
    private static String errorLine(CommandRun r) {
        assertThat(r.status()).as(r.err()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("note: ")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("hafnia sweep: error: ");
        return lines.get(0).substring("hafnia sweep: error: ".length());
    }

    @Test
    void aJobTheCaseReaderRefusesIsNamedByTheUsersCaseAndTheVariedValues() throws Exception {
        Path out = shared.resolve("bad-sigma");
        String line = errorLine(sweep(out, "--vary", "array.activation_energy_sigma=-1 eV,0 eV", "--vary", "seed=1,2"));
        // Job 0: the first value of each variation.
        assertThat(line).startsWith(tinyCase + ": job 0 (array.activation_energy_sigma = -1 eV, seed = 1): "
                + "/array/activation_energy_sigma: out of range: -1.0 eV");
        // Not the generated job case, whose lines are not the user's (and which the refusal removed).
        assertThat(line).doesNotContain("job-000.json");
        // A refused sweep leaves no folder it created (OutputFolder), the job's case with it.
        assertThat(out).doesNotExist();
    }

    @Test
    void aJobWhoseArrayOptionIsRefusedNamesTheJobAndTheOption() {
        String line = errorLine(sweep(shared.resolve("bad-option"), "--vary", "seed=3", "--array-option=--delay=-1"));
        assertThat(line).startsWith(tinyCase + ": job 0 (seed = 3): --delay must be");
    }
}
