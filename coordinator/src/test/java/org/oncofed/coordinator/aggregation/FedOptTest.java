package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FedOptTest {

  private static final double ETA = 0.1;
  private static final double B1 = 0.9;
  private static final double B2 = 0.99;
  private static final double TAU = 0.001;
  private static final float[] GLOBAL = {1, 0};
  private static final float[] UPDATE = {1.5f, 0};

  private static FedOpt fedOpt(FedOpt.Variant variant) {
    return new FedOpt(variant, new FedAvg(UpdateBounds.NONE), ETA, B1, B2, TAU);
  }

  private static AggregationResult round(FedOpt strategy, float[] global, StrategyState state, float[] update) {
    Aggregation round = strategy.beginRound(global, state);
    round.fold(new ModelUpdate("site-a", update, 10));
    return round.finish();
  }

  @Test
  void fedAdamStepsAlongTheNormalisedPseudoGradient() {
    AggregationResult result = round(fedOpt(FedOpt.Variant.ADAM), GLOBAL, ServerOptimizerState.FRESH, UPDATE);

    // Δ = 0.5; m = 0.1 * 0.5 = 0.05; v = 0.99 * τ² + 0.01 * 0.25 = 0.00250099
    double v = 0.99 * 1e-6 + 0.01 * 0.25;
    assertThat(result.parameters()).containsExactly((float) (1 + ETA * 0.05 / (Math.sqrt(v) + TAU)), 0f);
    ServerOptimizerState state = (ServerOptimizerState) result.state();
    assertThat(state.step()).isEqualTo(1);
    assertThat(state.firstMoment()).containsExactly(0.05f, 0f);
    assertThat(state.secondMoment()).containsExactly((float) v, (float) (0.99 * 1e-6));
  }

  @Test
  void fedYogiAndFedAdagradDifferOnlyInTheSecondMoment() {
    ServerOptimizerState yogi = (ServerOptimizerState)
        round(fedOpt(FedOpt.Variant.YOGI), GLOBAL, ServerOptimizerState.FRESH, UPDATE).state();
    ServerOptimizerState adagrad = (ServerOptimizerState)
        round(fedOpt(FedOpt.Variant.ADAGRAD), GLOBAL, ServerOptimizerState.FRESH, UPDATE).state();

    // Yogi: v = τ² - 0.01 * 0.25 * sign(τ² - 0.25) = τ² + 0.0025; Adagrad: v = τ² + 0.25.
    assertThat(yogi.secondMoment()[0]).isEqualTo((float) (1e-6 + 0.0025));
    assertThat(adagrad.secondMoment()[0]).isEqualTo((float) (1e-6 + 0.25));
    assertThat(yogi.firstMoment()).containsExactly(adagrad.firstMoment());
  }

  @Test
  void secondRoundContinuesFromThePersistedStateWithoutChangingIt() {
    FedOpt adam = fedOpt(FedOpt.Variant.ADAM);
    AggregationResult first = round(adam, GLOBAL, ServerOptimizerState.FRESH, UPDATE);
    ServerOptimizerState stored =
        (ServerOptimizerState) StrategyState.decode(first.state().encode());
    float x1 = first.parameters()[0];

    AggregationResult second = round(adam, first.parameters(), stored, new float[] {x1 + 0.5f, 0});

    double delta = (double) (x1 + 0.5f) - x1;
    double m = B1 * stored.firstMoment()[0] + (1 - B1) * delta;
    double v = B2 * stored.secondMoment()[0] + (1 - B2) * delta * delta;
    assertThat(second.parameters()[0]).isEqualTo((float) (x1 + ETA * m / (Math.sqrt(v) + TAU)));
    assertThat(((ServerOptimizerState) second.state()).step()).isEqualTo(2);
    assertThat(stored.firstMoment()).containsExactly(((ServerOptimizerState) first.state()).firstMoment());
  }

  @Test
  void refusesStateThatIsMissingOrSizedForAnotherModel() {
    FedOpt adam = fedOpt(FedOpt.Variant.ADAM);

    assertThatThrownBy(() -> adam.beginRound(GLOBAL, StrategyState.NONE))
        .hasMessage("fedadam needs a server optimiser state, found StrategyState.NONE");
    ServerOptimizerState other = new ServerOptimizerState(3, new float[5], new float[5]);
    assertThatThrownBy(() -> adam.beginRound(GLOBAL, other))
        .hasMessage("fedadam state holds moments for 5 parameters, but the model has 2");
  }

  @Test
  void stateEncodingIsVersionedAndChecked() {
    ServerOptimizerState state = new ServerOptimizerState(4, new float[] {1, -2}, new float[] {3, 4});
    byte[] encoded = state.encode();

    ServerOptimizerState decoded = (ServerOptimizerState) StrategyState.decode(encoded);

    assertThat(decoded.step()).isEqualTo(4);
    assertThat(decoded.firstMoment()).containsExactly(1, -2);
    assertThat(decoded.secondMoment()).containsExactly(3, 4);
    assertThat(StrategyState.decode(StrategyState.NONE.encode())).isSameAs(StrategyState.NONE);
    encoded[1] = 9;
    assertThatThrownBy(() -> StrategyState.decode(encoded))
        .hasMessage("server optimiser state version 9 is not supported: this release reads version 1");
    assertThatThrownBy(() -> StrategyState.decode(new byte[] {7}))
        .hasMessage("unknown strategy state encoding: 1 bytes starting with tag 7");
  }

  @Test
  void robustInnerStrategyNamesTheCombination() {
    FedOpt robust = new FedOpt(FedOpt.Variant.YOGI, TrimmedMean.median(UpdateBounds.NONE), ETA, B1, B2, TAU);

    assertThat(robust.name()).isEqualTo("fedyogi+median");
    assertThat(robust.settings()).containsEntry("eta", ETA).containsEntry("tau", TAU);
    assertThatThrownBy(() -> new FedOpt(FedOpt.Variant.ADAM, robust, ETA, B1, B2, TAU))
        .hasMessage("the inner strategy must be stateless, found fedyogi+median");
  }
}
