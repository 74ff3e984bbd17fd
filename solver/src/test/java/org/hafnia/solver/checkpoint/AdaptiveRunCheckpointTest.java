package org.hafnia.solver.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.integrators.AdaptiveTimeStepper;
import org.junit.jupiter.api.Test;

class AdaptiveRunCheckpointTest {

    private static Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("--nodes", "32");
        p.put("--tolerance", "1.0E-4");
        return p;
    }

    private static AdaptiveRunCheckpoint sample() {
        return new AdaptiveRunCheckpoint(parameters(), 1, 3, Math.PI, new AdaptiveTimeStepper.State(0.0123, 41, 2, 9.9e-5),
                new double[] {0.5, -0.0, Double.MIN_VALUE, 1 / 3.0},
                List.of(List.of(new double[] {0, 319.05}, new double[] {1, 318.8}), List.of(new double[] {0, 319.04})),
                new double[] {1.25, 0.5});
    }

    private static byte[] bytes(AdaptiveRunCheckpoint c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.write(out);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsEveryBit() throws IOException {
        AdaptiveRunCheckpoint c = sample();
        AdaptiveRunCheckpoint back = AdaptiveRunCheckpoint.read(new ByteArrayInputStream(bytes(c)), "cp");
        assertThat(back.parameters()).containsExactlyEntriesOf(parameters());
        assertThat(back.run()).isEqualTo(1);
        assertThat(back.nextReport()).isEqualTo(3);
        assertThat(back.time()).isEqualTo(Math.PI);
        assertThat(back.stepper()).isEqualTo(c.stepper());
        assertThat(Arrays.stream(back.state()).mapToLong(Double::doubleToRawLongBits).toArray())
                .isEqualTo(Arrays.stream(c.state()).mapToLong(Double::doubleToRawLongBits).toArray());
        assertThat(back.samples()).hasSize(2);
        assertThat(back.samples().get(0).get(1)).containsExactly(1, 318.8);
        assertThat(back.seconds()).containsExactly(1.25, 0.5);
        assertThat(bytes(back)).isEqualTo(bytes(c));
    }

    @Test
    void aDamagedFileOrAnotherKindOfCheckpointIsRefused() throws IOException {
        byte[] b = bytes(sample());
        byte[] flipped = b.clone();
        flipped[30] ^= 1;
        assertThatThrownBy(() -> AdaptiveRunCheckpoint.read(new ByteArrayInputStream(flipped), "cp"))
                .isInstanceOf(InvalidInputException.class).hasMessage("cp: checkpoint is damaged (checksum mismatch)");
        ByteArrayOutputStream protocol = new ByteArrayOutputStream();
        new Checkpoint("x", new org.hafnia.solver.protocol.ScheduleRunner.Position(0, 0, 0), 0, new double[1], Map.of(),
                List.of(), List.of(), List.of()).write(protocol);
        assertThatThrownBy(() -> AdaptiveRunCheckpoint.read(new ByteArrayInputStream(protocol.toByteArray()), "cp"))
                .isInstanceOf(InvalidInputException.class).hasMessage("cp: not a hafnia checkpoint");
    }

    @Test
    void otherParametersAreRefusedNamingTheFirstThatDiffers() {
        Map<String, String> other = parameters();
        other.put("--tolerance", "2.0E-4");
        assertThatThrownBy(() -> sample().requireParameters(other, "out/checkpoint.bin"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("out/checkpoint.bin was written with --tolerance 1.0E-4, this run has --tolerance 2.0E-4");
        Map<String, String> more = parameters();
        more.put("--until", "50.0");
        assertThatThrownBy(() -> sample().requireParameters(more, "cp"))
                .hasMessageStartingWith("cp was written without --until, this run has --until 50.0");
        sample().requireParameters(parameters(), "cp");
    }
}
