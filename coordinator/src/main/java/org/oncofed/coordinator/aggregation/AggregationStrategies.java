package org.oncofed.coordinator.aggregation;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Builds strategies from the name and numeric settings an experiment definition stores. */
public final class AggregationStrategies {

  public static final List<String> NAMES =
      List.of(FedAvg.NAME, TrimmedMean.MEDIAN, TrimmedMean.TRIMMED_MEAN, "fedadagrad", "fedadam", "fedyogi");

  private static final String MAX_DELTA_NORM = "maxDeltaNorm";
  private static final String TRIM_FRACTION = "trimFraction";
  private static final double DEFAULT_TRIM_FRACTION = 0.1;

  private AggregationStrategies() {}

  /**
   * The strategy called {@code name}. Every strategy accepts {@code maxDeltaNorm} (no bound when
   * absent); {@code trimmed-mean} accepts {@code trimFraction} (default 0.1); the {@code fedadam},
   * {@code fedyogi} and {@code fedadagrad} server optimisers accept {@code eta}, {@code beta1},
   * {@code beta2} and {@code tau} (defaults in {@link FedOpt}) and average with FedAvg.
   *
   * @throws IllegalArgumentException for unknown names or settings, naming the accepted ones
   */
  public static AggregationStrategy create(String name, Map<String, Double> settings) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(settings, "settings");
    UpdateBounds bounds =
        settings.containsKey(MAX_DELTA_NORM) ? UpdateBounds.maxDeltaNorm(settings.get(MAX_DELTA_NORM)) : UpdateBounds.NONE;
    return switch (name) {
      case FedAvg.NAME -> {
        requireOnly(name, settings, MAX_DELTA_NORM);
        yield new FedAvg(bounds);
      }
      case TrimmedMean.MEDIAN -> {
        requireOnly(name, settings, MAX_DELTA_NORM);
        yield TrimmedMean.median(bounds);
      }
      case TrimmedMean.TRIMMED_MEAN -> {
        requireOnly(name, settings, MAX_DELTA_NORM, TRIM_FRACTION);
        yield TrimmedMean.trimming(settings.getOrDefault(TRIM_FRACTION, DEFAULT_TRIM_FRACTION), bounds);
      }
      case "fedadagrad", "fedadam", "fedyogi" -> {
        requireOnly(name, settings, MAX_DELTA_NORM, "eta", "beta1", "beta2", "tau");
        FedOpt.Variant variant = FedOpt.Variant.valueOf(name.substring(3).toUpperCase(Locale.ROOT));
        yield new FedOpt(
            variant,
            new FedAvg(bounds),
            settings.getOrDefault("eta", FedOpt.DEFAULT_LEARNING_RATE),
            settings.getOrDefault("beta1", FedOpt.DEFAULT_BETA1),
            settings.getOrDefault("beta2", FedOpt.DEFAULT_BETA2),
            settings.getOrDefault("tau", FedOpt.DEFAULT_TAU));
      }
      default -> throw new IllegalArgumentException(
          "unknown aggregation strategy '" + name + "': expected one of " + NAMES);
    };
  }

  private static void requireOnly(String name, Map<String, Double> settings, String... accepted) {
    Set<String> allowed = new HashSet<>(List.of(accepted));
    for (String key : settings.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "unknown setting '" + key + "' for " + name + ": accepted " + List.of(accepted));
      }
    }
  }
}
