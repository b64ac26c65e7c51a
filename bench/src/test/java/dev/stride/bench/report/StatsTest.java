package dev.stride.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summaries every reported number goes through; no timing here, only arithmetic. */
class StatsTest {

    @Test
    void percentiles_areNearestRank_soAlwaysAMeasuredValue() {
        List<Double> samples = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            samples.add((double) i);
        }
        Stats.Percentiles percentiles = Stats.percentiles(samples);
        assertThat(percentiles.p50()).isEqualTo(50.0);
        assertThat(percentiles.p99()).isEqualTo(99.0);
        assertThat(percentiles.mean()).isEqualTo(50.5);
        assertThat(percentiles.n()).isEqualTo(100);
    }

    @Test
    void spread_ofAnEvenCount_hasTheMeanOfTheMiddleTwoAsMedian() {
        Stats.Spread spread = Stats.spread(List.of(4.0, 1.0, 3.0, 2.0));
        assertThat(spread.min()).isEqualTo(1.0);
        assertThat(spread.median()).isEqualTo(2.5);
        assertThat(spread.max()).isEqualTo(4.0);
    }

    @Test
    void ratio_againstNoFloor_isNotANumber() {
        assertThat(Stats.ratio(3, 0)).isNaN();
        assertThat(Stats.ratio(3, 2)).isEqualTo(1.5);
    }
}
