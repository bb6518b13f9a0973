package org.oncofed.coordinator.aggregation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Adaptive server optimisation (Reddi et al., "Adaptive Federated Optimization", ICLR 2021): the
 * round's combined update, minus the global model, is treated as a pseudo-gradient {@code Δ} and
 * applied with Adagrad, Adam or Yogi on the server:
 *
 * <pre>
 *   m ← β1·m + (1−β1)·Δ
 *   v ← v + Δ²                              (FedAdagrad)
 *   v ← β2·v + (1−β2)·Δ²                    (FedAdam)
 *   v ← v − (1−β2)·Δ²·sign(v − Δ²)          (FedYogi)
 *   x ← x + η·m / (√v + τ)
 * </pre>
 *
 * with {@code m = 0}, {@code v = τ²} before the first round and, as in the paper, no bias
 * correction. The per-coordinate step normalisation helps when sites' data differ (updates of
 * uneven scale). The combined update comes from an inner stateless strategy, {@link FedAvg} by
 * default, or a {@link TrimmedMean} for robustness. {@code m}, {@code v} and the step count live
 * in the {@link ServerOptimizerState} passed in and returned, never in this object.
 */
final class FedOpt implements AggregationStrategy {

  /** The server optimiser applied to the pseudo-gradient. */
  public enum Variant {
    ADAGRAD,
    ADAM,
    YOGI;

    /** {@code fedadagrad}, {@code fedadam}, {@code fedyogi}. */
    public String strategyName() {
      return "fed" + name().toLowerCase(Locale.ROOT);
    }
  }

  public static final double DEFAULT_LEARNING_RATE = 0.01;
  public static final double DEFAULT_BETA1 = 0.9;
  public static final double DEFAULT_BETA2 = 0.99;
  public static final double DEFAULT_TAU = 1e-3;

  private final Variant variant;
  private final AggregationStrategy inner;
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double tau;

  /**
   * @param inner a stateless strategy producing the round's combined model
   * @param learningRate server step size η, positive
   * @param beta1 first-moment decay, in [0, 1)
   * @param beta2 second-moment decay, in [0, 1) (unused by Adagrad)
   * @param tau adaptivity floor τ, positive: larger values make steps less adaptive
   */
  public FedOpt(
      Variant variant, AggregationStrategy inner, double learningRate, double beta1, double beta2, double tau) {
    this.variant = Objects.requireNonNull(variant, "variant");
    this.inner = Objects.requireNonNull(inner, "inner");
    if (inner.initialState() != StrategyState.NONE) {
      throw new IllegalArgumentException("the inner strategy must be stateless, found " + inner.name());
    }
    requirePositive("learning rate", learningRate);
    requireDecay("beta1", beta1);
    requireDecay("beta2", beta2);
    requirePositive("tau", tau);
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.tau = tau;
  }

  static final StrategySetting ETA = StrategySetting.real("eta", DEFAULT_LEARNING_RATE, 0, 10);
  static final StrategySetting BETA1 = StrategySetting.real("beta1", DEFAULT_BETA1, 0, 1);
  static final StrategySetting BETA2 = StrategySetting.real("beta2", DEFAULT_BETA2, 0, 1);
  static final StrategySetting TAU = StrategySetting.real("tau", DEFAULT_TAU, 0, 1);
  static final List<StrategySetting> SETTINGS = List.of(ETA, BETA1, BETA2, TAU);

  /** The variant over the {@code inner} aggregate, with the settings given (defaults for the others). */
  static FedOpt create(Variant variant, AggregationStrategy inner, Map<String, Double> values) {
    String name = variant.strategyName();
    return new FedOpt(variant, inner, ETA.valueIn(name, values), BETA1.valueIn(name, values),
        BETA2.valueIn(name, values), TAU.valueIn(name, values));
  }

  /** {@code fedadam}, or {@code fedadam+trimmed-mean} when the inner strategy is not FedAvg. */
  @Override
  public String name() {
    return inner.name().equals(FedAvg.NAME) ? variant.strategyName() : variant.strategyName() + "+" + inner.name();
  }

  @Override
  public Map<String, Double> settings() {
    Map<String, Double> settings = new TreeMap<>(inner.settings());
    settings.put("eta", learningRate);
    settings.put("beta1", beta1);
    if (variant != Variant.ADAGRAD) {
      settings.put("beta2", beta2);
    }
    settings.put("tau", tau);
    return Map.copyOf(settings);
  }

  @Override
  public UpdateBounds bounds() {
    return inner.bounds();
  }

  @Override
  public StrategyState initialState() {
    return ServerOptimizerState.FRESH;
  }

  @Override
  public Aggregation beginRound(float[] globalParameters, StrategyState state) {
    Objects.requireNonNull(globalParameters, "globalParameters");
    if (!(state instanceof ServerOptimizerState optimizer)) {
      throw new IllegalArgumentException(name() + " needs a server optimiser state, found " + state);
    }
    if (!optimizer.fresh() && optimizer.firstMoment().length != globalParameters.length) {
      throw new IllegalArgumentException(
          name() + " state holds moments for " + optimizer.firstMoment().length + " parameters, but the model has "
              + globalParameters.length);
    }
    Aggregation combining = inner.beginRound(globalParameters, StrategyState.NONE);
    return new Aggregation() {
      @Override
      public void fold(ModelUpdate update) {
        combining.fold(update);
      }

      @Override
      public int foldedUpdates() {
        return combining.foldedUpdates();
      }

      @Override
      public long totalSamples() {
        return combining.totalSamples();
      }

      @Override
      public AggregationResult finish() {
        AggregationResult combined = combining.finish();
        return step(globalParameters, combined, optimizer);
      }
    };
  }

  private AggregationResult step(float[] global, AggregationResult combined, ServerOptimizerState state) {
    int n = global.length;
    float[] target = combined.parameters();
    float[] m = new float[n];
    float[] v = new float[n];
    float[] next = new float[n];
    boolean fresh = state.fresh();
    float[] m0 = state.firstMoment();
    float[] v0 = state.secondMoment();
    double initialV = tau * tau;
    boolean adagrad = variant == Variant.ADAGRAD;
    boolean adam = variant == Variant.ADAM;
    for (int i = 0; i < n; i++) {
      double delta = (double) target[i] - global[i];
      double prevM = fresh ? 0 : m0[i];
      double prevV = fresh ? initialV : v0[i];
      double squared = delta * delta;
      double mi = beta1 * prevM + (1 - beta1) * delta;
      double vi;
      if (adagrad) {
        vi = prevV + squared;
      } else if (adam) {
        vi = beta2 * prevV + (1 - beta2) * squared;
      } else {
        vi = prevV - (1 - beta2) * squared * Math.signum(prevV - squared);
      }
      m[i] = (float) mi;
      v[i] = (float) vi;
      next[i] = (float) (global[i] + learningRate * mi / (Math.sqrt(vi) + tau));
    }
    return new AggregationResult(
        next, new ServerOptimizerState(state.step() + 1, m, v), combined.updates(), combined.totalSamples());
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, found " + value);
    }
  }

  private static void requireDecay(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), found " + value);
    }
  }
}
