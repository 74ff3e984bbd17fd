package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WindowConsensusTest {

    @Test
    void commonWindowsAreTheIntersectionsOverAgreeingTraces() {
        Map<String, List<VoltageWindow>> w = new LinkedHashMap<>();
        w.put("a", List.of(new VoltageWindow(1998, 7004, -0.151), new VoltageWindow(7495, 12505, -0.202)));
        w.put("b", List.of(new VoltageWindow(2001, 7002, -0.150), new VoltageWindow(7497, 12507, -0.201)));
        w.put("c", List.of(new VoltageWindow(1999, 7006, -0.152), new VoltageWindow(7493, 12503, -0.203)));
        WindowConsensus c = WindowConsensus.of(w, 10, 0.005);
        assertThat(c.disagreeing()).isEmpty();
        assertThat(c.windows()).hasSize(2);
        assertThat(c.windows().get(0).start()).isEqualTo(2001);
        assertThat(c.windows().get(0).end()).isEqualTo(7002);
        assertThat(c.windows().get(1).start()).isEqualTo(7497);
        assertThat(c.windows().get(1).end()).isEqualTo(12503);
        assertThat(c.windows().get(0).voltage()).isCloseTo(-0.151, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.maxDeviation()).isEqualTo(2);
    }

    @Test
    void flagsTracesWithOtherWindowsOrVoltages() {
        Map<String, List<VoltageWindow>> w = new LinkedHashMap<>();
        w.put("a", List.of(new VoltageWindow(2000, 7000, -0.15), new VoltageWindow(7500, 12500, -0.20)));
        w.put("b", List.of(new VoltageWindow(2000, 7000, -0.15), new VoltageWindow(7500, 12500, -0.20)));
        w.put("short", List.of(new VoltageWindow(2000, 7000, -0.15)));
        w.put("shifted", List.of(new VoltageWindow(2000, 7000, -0.15), new VoltageWindow(7600, 12500, -0.20)));
        w.put("other-voltage", List.of(new VoltageWindow(2000, 7000, -0.15), new VoltageWindow(7500, 12500, -0.30)));
        WindowConsensus c = WindowConsensus.of(w, 10, 0.005);
        assertThat(c.disagreeing()).containsOnlyKeys("short", "shifted", "other-voltage");
        assertThat(c.disagreeing().get("short")).startsWith("1 voltage windows");
        assertThat(c.disagreeing().get("shifted")).startsWith("voltage window 2 is [7600, 12500)");
        assertThat(c.windows()).containsExactly(new VoltageWindow(2000, 7000, -0.15), new VoltageWindow(7500, 12500, -0.20));
    }
}
