package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.oncofed.common.hash.CanonicalJson;

class TrainingConfigTest {

  @Test
  void roundTripsThroughTheWireForm() {
    TrainingConfig config = new TrainingConfig(3, 32, Optimizer.NESTEROVS, 0.05, 1e-4, true, true, 11, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);

    assertThat(TrainingConfig.fromProto(config.toProto())).isEqualTo(config);
    assertThat(config.toProto().getOptimizer()).isEqualTo("nesterovs");
  }

  @Test
  void rejectsUnknownOptimizerListingTheKnownOnes() {
    var proto = new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0)
        .toProto().toBuilder().setOptimizer("rmsprop").build();

    assertThatThrownBy(() -> TrainingConfig.fromProto(proto))
        .hasMessage("unknown optimizer 'rmsprop': expected one of [adam, sgd, nesterovs]");
  }

  @Test
  void rejectsOutOfRangeHyperParameters() {
    assertThatThrownBy(() -> new TrainingConfig(0, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0))
        .hasMessage("training config: epochs must be at least 1, found 0");
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, Double.NaN, 0, false, false, 0, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0))
        .hasMessage("training config: learning rate must be a positive finite number, found NaN");
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, 0.1, -1, false, false, 0, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0))
        .hasMessage("training config: weight decay must be a finite number >= 0, found -1.0");
  }

  @Test
  void carriesTheDataPreparationSettingsOverTheWire() {
    TrainingConfig config = new TrainingConfig(3, 32, Optimizer.ADAM, 0.05, 0, false, true, 11, -600, 1500,
        Normalisation.Z_SCORE, ResizePolicy.PHYSICAL, 0.7, true, true, 0.2, 3);

    assertThat(TrainingConfig.fromProto(config.toProto())).isEqualTo(config);
    assertThat(config.withEpochs(30)).isEqualTo(TrainingConfig.fromProto(config.toProto().toBuilder()
        .setEpochs(30).build()));
  }

  @Test
  void leavesSettingsAtTheirFormerMeaningOutOfTheJson() {
    TrainingConfig former = new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);
    TrainingConfig physical = new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400,
        Normalisation.MIN_MAX, ResizePolicy.PHYSICAL, 0.7, false, false, 0, 0);

    assertThat(CanonicalJson.encode(former)).doesNotContain("normalisation", "resizePolicy", "pixelSpacingMm",
        "neighbourSlices", "oversample", "holdoutFraction", "patience");
    assertThat(CanonicalJson.encode(physical)).contains("\"normalisation\":\"min-max\"",
        "\"resizePolicy\":\"physical\"", "\"pixelSpacingMm\":0.7");
  }

  @Test
  void refusesConflictingSettingsNamingTheSetting() {
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400,
        Normalisation.WINDOW, ResizePolicy.PHYSICAL, 0, false, false, 0, 0))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("pixelSpacingMm"));
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, true, false, 0, 40, 400,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, true, 0, 0))
        .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("oversample"));
    assertThatThrownBy(() -> new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 2))
        .hasMessageContaining("patience: early stopping within a round compares epochs on held-out patients");
    TrainingConfig neighbours = new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, true, false, 0, 0);
    assertThatThrownBy(() -> neighbours.checkChannels(1))
        .hasMessage("neighbourSlices: neighbouring slices fill the 3 input channels (previous, this, next), so the "
            + "model needs 3 channels; found 1");
  }

  @Test
  void refusesUnknownNormalisationsAndPoliciesOnTheWire() {
    var proto = new TrainingConfig(1, 8, Optimizer.ADAM, 0.001, 0, false, false, 0, 40, 400, Normalisation.WINDOW,
        ResizePolicy.ASPECT, 0, false, false, 0, 0).toProto();

    assertThatThrownBy(() -> TrainingConfig.fromProto(proto.toBuilder().setNormalisation("").build()))
        .hasMessage("unknown normalisation '': expected one of [window, min-max, histogram-equalisation, z-score]");
    assertThatThrownBy(() -> TrainingConfig.fromProto(proto.toBuilder().setResizePolicy("stretch").build()))
        .hasMessage("unknown resize policy 'stretch': expected one of [aspect, physical]");
  }

  @Test
  void nesterovsUsesMomentumPointNine() {
    assertThat(Optimizer.NESTEROVS.updater(0.1)).isEqualTo(new Nesterovs(0.1, 0.9));
  }
}
