package org.hafnia.solver.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.protocol.ScheduleRunner;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static Checkpoint sample() {
        double[] phi = {0.1, Math.PI / 7, -0.0, Double.MIN_VALUE, 1};
        return new Checkpoint("abc123", new ScheduleRunner.Position(3, 17, 12345L), 24690L, phi,
                Map.of("mobility", new double[] {1, 2.5e7, 3}),
                List.of(new Checkpoint.Read("pulse 1 read", 1, 40, new double[] {-0.15, 1e-6, Double.NaN})),
                List.of(new Checkpoint.EnergySample(0, -1.5, 0.3), new Checkpoint.EnergySample(10, -1.75, 0.29)),
                List.of(new Checkpoint.SnapshotEntry("initial", 0)));
    }

    private static byte[] bytes(Checkpoint c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.write(out);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsEveryBit() throws IOException {
        Checkpoint c = sample();
        Checkpoint back = Checkpoint.read(new ByteArrayInputStream(bytes(c)), "cp");
        assertThat(back.fingerprint()).isEqualTo("abc123");
        assertThat(back.position()).isEqualTo(c.position());
        assertThat(back.stepperCounter()).isEqualTo(24690L);
        assertThat(Arrays.stream(back.phi()).mapToLong(Double::doubleToRawLongBits).toArray())
                .isEqualTo(Arrays.stream(c.phi()).mapToLong(Double::doubleToRawLongBits).toArray());
        assertThat(back.fields().get("mobility")).containsExactly(1, 2.5e7, 3);
        assertThat(back.reads().get(0).label()).isEqualTo("pulse 1 read");
        assertThat(back.reads().get(0).values()).containsExactly(-0.15, 1e-6, Double.NaN);
        assertThat(back.energies()).isEqualTo(c.energies());
        assertThat(back.snapshots()).isEqualTo(c.snapshots());
        assertThat(bytes(back)).isEqualTo(bytes(c));
    }

    @Test
    void aDamagedOrTruncatedOrForeignFileIsRefused() throws IOException {
        byte[] b = bytes(sample());
        byte[] flipped = b.clone();
        flipped[40] ^= 1;
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(flipped), "cp"))
                .isInstanceOf(InvalidInputException.class).hasMessage("cp: checkpoint is damaged (checksum mismatch)");
        byte[] cut = Arrays.copyOf(b, b.length / 2);
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream(cut), "cp"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("cp: checkpoint is");
        assertThatThrownBy(() -> Checkpoint.read(new ByteArrayInputStream("{\"not\": \"a checkpoint\"}".getBytes()), "cp"))
                .isInstanceOf(InvalidInputException.class).hasMessage("cp: not a hafnia checkpoint");
    }
}
