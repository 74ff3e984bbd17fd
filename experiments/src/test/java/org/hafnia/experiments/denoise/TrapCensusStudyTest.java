package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hafnia.experiments.characterisation.Characterisation;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.postprocess.rtn.TrapCensus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The census study's summaries against the censuses they summarise, recomputed here. */
class TrapCensusStudyTest {

    private static DeviceCaseFile c;
    private static List<TrapCensusStudy.DeviceCensus> devices;
    private static Map<String, Object> doc;

    @BeforeAll
    static void census() {
        c = DeviceCaseFile.read(Path.of("src/test/resources/cases/denoise-small.json"));
        devices = TrapCensusStudy.run(c, 4, c.seed(), 2, i -> { });
        doc = TrapCensusStudy.document(c.name(), c, devices);
    }

    private static TrapCensus at(TrapCensusStudy.DeviceCensus d, int state) {
        return state == 0 ? d.fresh() : d.levels().get(state - 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(int k) {
        return ((List<Map<String, Object>>) doc.get("states")).get(k);
    }

    @Test
    void deviceIIsTheCensusOfSeedPlusI() {
        for (int i = 0; i < devices.size(); i++) {
            TrapCensusStudy.DeviceCensus d = devices.get(i);
            assertThat(d.seed()).isEqualTo(c.seed() + i);
            double[] made = c.device(c.seed() + i).phi();
            assertThat(d.fresh().phi()).containsExactly(made);
            assertThat(d.fresh().traps()).isEqualTo(TrapCensus.of(c.traps(), c.seed() + i, c.model().grid(), made,
                    c.device(c.seed() + i).conductance(), c.readVoltage(), c.readWidth(), c.model().heat().ambient()).traps());
        }
    }

    @Test
    void eachStatesSummaryIsTheEnsembleOfItsCensuses() {
        assertThat(devices).hasSize(4);
        assertThat(devices.get(0).levels()).hasSize(Characterisation.levelFractions().length);
        for (int k = 0; k < TrapCensusStudy.states().size(); k++) {
            double g = 0;
            double traps = 0;
            double rel = 0;
            double readRel = 0;
            List<Double> widths = new ArrayList<>();
            for (TrapCensusStudy.DeviceCensus d : devices) {
                TrapCensus t = at(d, k);
                g += t.conductance() / devices.size();
                traps += (double) t.traps().size() / devices.size();
                rel += Math.sqrt(t.telegraphVariance()) / t.conductance() / devices.size();
                readRel += t.readSigma() / t.conductance() / devices.size();
                t.traps().forEach(e -> widths.add(e.trap().width()));
            }
            double[] w = widths.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = w.length % 2 == 1 ? w[w.length / 2] : 0.5 * (w[w.length / 2 - 1] + w[w.length / 2]);
            Map<String, Object> s = state(k);
            // Sums in another order: equal to a few ulps.
            assertThat((double) s.get("g_mean_S")).isCloseTo(g, within(1e-12 * g));
            assertThat((double) s.get("traps_per_device")).isCloseTo(traps, within(1e-12));
            assertThat((double) s.get("telegraph_sigma_rel_mean")).isCloseTo(rel, within(1e-12 * rel));
            assertThat((double) s.get("read_sigma_rel_mean")).isCloseTo(readRel, within(1e-12 * readRel));
            assertThat((double) s.get("width_median_nm")).isEqualTo(median);
            assertThat(s.get("set_pulses")).isEqualTo(k == 0 ? null
                    : (int) Math.round(Characterisation.levelFractions()[k - 1] * c.protocol().trainPulses()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachLevelsAttributionSumsTheDevicesAndNamesTheLargestTerm() {
        String[] terms = {"vanished_dissolved", "vanished_completed", "vanished_out_of_reach", "appeared",
            "persisting_step_change"};
        for (int k = 1; k < TrapCensusStudy.states().size(); k++) {
            double before = 0;
            double[] v = new double[terms.length];
            for (TrapCensusStudy.DeviceCensus d : devices) {
                TrapCensus.Attribution a = at(d, k).against(d.fresh());
                before += a.before();
                double[] t = {-a.dissolved(), -a.completed(), -a.outOfReach(), a.appeared(), a.persisting()};
                for (int i = 0; i < t.length; i++) {
                    v[i] += t[i];
                }
            }
            Map<String, Object> m = (Map<String, Object>) state(k).get("attribution");
            Map<String, Object> f = (Map<String, Object>) m.get("fraction_of_fresh");
            assertThat((double) m.get("telegraph_variance_fresh_S2")).isCloseTo(before, within(1e-12 * before));
            int largest = 0;
            for (int i = 0; i < terms.length; i++) {
                assertThat((double) m.get(terms[i] + "_S2")).as(terms[i]).isCloseTo(v[i], within(1e-12 * before));
                assertThat((double) f.get(terms[i])).as(terms[i]).isCloseTo(v[i] / before, within(1e-12));
                largest = Math.abs(v[i]) > Math.abs(v[largest]) ? i : largest;
            }
            assertThat(m.get("dominant")).isEqualTo(terms[largest]);
            assertThat(Arrays.stream(v).map(Math::abs).max().orElseThrow()).isPositive();
        }
    }
}
