package org.hafnia.postprocess.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hafnia.postprocess.maps.ScanMap;
import org.junit.jupiter.api.Test;

/** The compare report stays small for noisy maps: counts of every island, a list of the largest. */
class MapComparisonReportTest {

    @Test
    void aNoisyMapListsItsLargestIslandsAndCountsAll() {
        int n = 200;
        SplittableRandom r = new SplittableRandom(11);
        double[] v = new double[n * n];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextBoolean() ? 1 : 0;
        }
        ScanMap m = ScanMap.withoutSize(n, n, v, "", "");
        Map<String, Object> report = MapComparison.of(m, m, ConnectedComponents.Connectivity.FOUR, Double.NaN).report();
        // Site percolation at p = 1/2 below threshold: thousands of 4-connected islands on 200².
        assertThat((Integer) report.get("islands_a")).isGreaterThan(MapComparison.MAX_LISTED_COMPONENTS);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) report.get("components_a");
        assertThat(listed).hasSize(MapComparison.MAX_LISTED_COMPONENTS);
        int largest = ConnectedComponents.of(OtsuThreshold.mask(v, OtsuThreshold.of(v)), m.grid(), ConnectedComponents.Connectivity.FOUR).get(0).nodes();
        assertThat(listed.get(0).get("nodes")).isEqualTo(largest);
    }
}
