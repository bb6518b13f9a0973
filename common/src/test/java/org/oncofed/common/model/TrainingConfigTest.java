package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Nesterovs;

class TrainingConfigTest {

  @Test
  void roundTripsThroughTheWireForm() {
    TrainingConfig config = new TrainingConfig(3, 32, Optimizer.NESTEROVS, 0.05, 1e-4, true, true, 11, 40, 400);

    assertThat(TrainingConfig.fromProto(config.toProto())).isEqualTo(config);
    assertThat(config.toProto().getOptimizer()).isEqualTo("nesterovs");
  }

  @Test
  void rejectsUnknownOptimizerListingTheKnownOnes() {
    var proto = new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400)
        .toProto().toBuilder().setOptimizer("rmsprop").build();

    assertThatThrownBy(() -> TrainingConfig.fromProto(proto))
        .hasMessage("unknown optimizer 'rmsprop': expected one of [adam, sgd, nesterovs]");
  }

  @Test
  void rejectsOutOfRangeHyperParameters() {
    assertThatThrownBy(() -> new TrainingConfig(0, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400))
        .hasMessage("training config: epochs must be at least 1, found 0");
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, Double.NaN, 0, false, false, 0, 40, 400))
        .hasMessage("training config: learning rate must be a positive finite number, found NaN");
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, 0.1, -1, false, false, 0, 40, 400))
        .hasMessage("training config: weight decay must be a finite number >= 0, found -1.0");
  }

  @Test
  void nesterovsUsesMomentumPointNine() {
    assertThat(Optimizer.NESTEROVS.updater(0.1)).isEqualTo(new Nesterovs(0.1, 0.9));
  }
}
