package org.oncofed.node.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oncofed.proto.federation.v1.PrivacyConfig;

class PrivacyFilterTest {

  private final PrivacyFilter filter = new PrivacyFilter(new Random(3));

  @Test
  void clipsTheChangeFromTheGlobalModelToTheNormBound() {
    float[] base = {1, 1, 1, 1};
    float[] trained = {4, 5, 1, 1};

    var applied = filter.apply(base, trained, PrivacyConfig.newBuilder().setClipNorm(1).build());

    assertThat(applied.deltaNormBefore()).isCloseTo(5.0, within(1e-9));
    assertThat(applied.clipped()).isTrue();
    assertThat(trained).containsExactly(1.6f, 1.8f, 1f, 1f);
  }

  @Test
  void leavesAnUpdateWithinTheBoundUnchanged() {
    float[] trained = {1.5f, 1f};

    var applied = filter.apply(new float[] {1, 1}, trained, PrivacyConfig.newBuilder().setClipNorm(1).build());

    assertThat(applied.clipped()).isFalse();
    assertThat(trained).containsExactly(1.5f, 1f);
  }

  @Test
  void addsGaussianNoiseScaledByTheClipNorm() {
    int n = 200_000;
    float[] base = new float[n];
    float[] trained = new float[n];

    filter.apply(base, trained, PrivacyConfig.newBuilder().setClipNorm(0.5).setNoiseMultiplier(2).build());

    double sum = 0;
    double sumSquares = 0;
    for (float value : trained) {
      sum += value;
      sumSquares += (double) value * value;
    }
    double mean = sum / n;
    assertThat(mean).isCloseTo(0, within(0.01));
    assertThat(Math.sqrt(sumSquares / n - mean * mean)).isCloseTo(1.0, within(0.01));
  }

  @Test
  void refusesNoiseWithoutAClipNorm() {
    assertThatThrownBy(() -> filter.apply(new float[1], new float[1],
            PrivacyConfig.newBuilder().setNoiseMultiplier(1).build()))
        .hasMessageContaining("clip norm");
  }
}
