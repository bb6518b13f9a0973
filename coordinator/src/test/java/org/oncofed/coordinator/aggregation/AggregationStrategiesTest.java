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
    assertThatThrownBy(() -> AggregationStrategies.create("krun", Map.of()))
        .hasMessage("unknown aggregation strategy 'krun': expected one of "
            + "[fedavg, median, trimmed-mean, krum, multi-krum, bulyan, fedadagrad, fedadam, fedyogi], "
            + "or a server optimiser over an aggregate, such as fedadam+krum");
    assertThatThrownBy(() -> AggregationStrategies.create("fedsgd+krum", Map.of()))
        .hasMessage("unknown server optimiser 'fedsgd' in 'fedsgd+krum': expected one of "
            + "[fedadagrad, fedadam, fedyogi]");
    assertThatThrownBy(() -> AggregationStrategies.create("fedavg", Map.of("eta", 1.0)))
        .hasMessage("unknown setting 'eta' for fedavg: accepted [maxDeltaNorm]");
    assertThatThrownBy(() -> AggregationStrategies.create("krum", Map.of("f", 1.5)))
        .hasMessage("setting 'f' of krum must be a whole number in [0, 100], found 1.5");
  }

  @Test
  void combinesAServerOptimiserWithARobustAggregate() {
    AggregationStrategy strategy = AggregationStrategies.create("fedadam+krum", Map.of("f", 1.0, "eta", 0.05));

    assertThat(strategy.name()).isEqualTo("fedadam+krum");
    assertThat(strategy.settings()).containsEntry("f", 1.0).containsEntry("eta", 0.05);
    assertThat(strategy.initialState()).isInstanceOf(ServerOptimizerState.class);
    assertThatThrownBy(() -> AggregationStrategies.create("fedadam+krum", Map.of("trimFraction", 0.1)))
        .hasMessage("unknown setting 'trimFraction' for fedadam+krum: accepted [maxDeltaNorm, f, eta, beta1, beta2, tau]");
  }
}
