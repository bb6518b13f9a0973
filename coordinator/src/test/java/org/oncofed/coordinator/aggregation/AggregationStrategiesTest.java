package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationStrategiesTest {

  @Test
  void buildsEveryNamedStrategyWithItsSettings() {
    for (String name : AggregationStrategies.NAMES) {
      assertThat(AggregationStrategies.create(name, Map.of("maxDeltaNorm", 5.0)).name()).isEqualTo(name);
    }
    assertThat(AggregationStrategies.create("trimmed-mean", Map.of("trimFraction", 0.2)).settings())
        .isEqualTo(Map.of("trimFraction", 0.2));
    assertThat(AggregationStrategies.create("fedadam", Map.of("eta", 0.05)).settings())
        .containsEntry("eta", 0.05).containsEntry("beta2", FedOpt.DEFAULT_BETA2);
  }

  @Test
  void rejectsUnknownNamesAndSettingsListingTheAcceptedOnes() {
    assertThatThrownBy(() -> AggregationStrategies.create("krum", Map.of()))
        .hasMessage("unknown aggregation strategy 'krum': expected one of "
            + "[fedavg, median, trimmed-mean, fedadagrad, fedadam, fedyogi]");
    assertThatThrownBy(() -> AggregationStrategies.create("fedavg", Map.of("eta", 1.0)))
        .hasMessage("unknown setting 'eta' for fedavg: accepted [maxDeltaNorm]");
  }
}
