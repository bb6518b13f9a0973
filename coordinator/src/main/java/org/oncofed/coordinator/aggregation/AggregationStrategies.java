package org.oncofed.coordinator.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds strategies from the name and numeric settings an experiment definition stores. A name is
 * an aggregate ({@code fedavg}, {@code median}, {@code trimmed-mean}, {@code krum}, {@code
 * multi-krum}, {@code bulyan}), a server optimiser over FedAvg ({@code fedadam}, {@code fedyogi},
 * {@code fedadagrad}), or an optimiser over another aggregate joined by {@code +} ({@code
 * fedadam+krum}). Each strategy declares its own settings; every one also accepts {@code
 * maxDeltaNorm} (no bound when absent).
 */
public final class AggregationStrategies {

  /** The aggregates: adding one is a class with a {@link StrategyKind} and a line here. */
  private static final List<StrategyKind> AGGREGATES = List.of(
      FedAvg.KIND,
      TrimmedMean.MEDIAN_KIND,
      TrimmedMean.TRIMMED_MEAN_KIND,
      Krum.KRUM,
      Krum.MULTI_KRUM,
      Bulyan.KIND);

  public static final List<String> NAMES = Stream.concat(AGGREGATES.stream().map(StrategyKind::name),
      Arrays.stream(FedOpt.Variant.values()).map(FedOpt.Variant::strategyName)).toList();

  private static final StrategySetting MAX_DELTA_NORM =
      StrategySetting.real("maxDeltaNorm", Double.POSITIVE_INFINITY, 0, Double.MAX_VALUE);

  private AggregationStrategies() {}

  /**
   * The strategy called {@code name} with {@code settings}.
   *
   * @throws IllegalArgumentException for unknown names or settings (naming the accepted ones) and
   *     values a strategy cannot use
   */
  public static AggregationStrategy create(String name, Map<String, Double> settings) {
    Choice choice = Choice.of(name);
    choice.requireKnown(settings);
    double maxDeltaNorm = MAX_DELTA_NORM.valueIn(name, settings);
    UpdateBounds bounds = Double.isInfinite(maxDeltaNorm) ? UpdateBounds.NONE : UpdateBounds.maxDeltaNorm(maxDeltaNorm);
    AggregationStrategy aggregate = choice.aggregate().factory().create(settings, bounds);
    return choice.optimiser().<AggregationStrategy>map(variant -> FedOpt.create(variant, aggregate, settings))
        .orElse(aggregate);
  }

  /** Updates a round needs at least for the strategy called {@code name} to combine them. */
  public static int minimumUpdates(String name, Map<String, Double> settings) {
    Choice choice = Choice.of(name);
    choice.requireKnown(settings);
    return choice.aggregate().minimum().updates(settings);
  }

  /** A name taken apart: an optional server optimiser, and the aggregate under it. */
  private record Choice(String name, Optional<FedOpt.Variant> optimiser, StrategyKind aggregate) {

    static Choice of(String name) {
      Objects.requireNonNull(name, "name");
      int plus = name.indexOf('+');
      String head = plus < 0 ? name : name.substring(0, plus);
      Optional<FedOpt.Variant> optimiser = Arrays.stream(FedOpt.Variant.values())
          .filter(variant -> variant.strategyName().equals(head)).findFirst();
      String aggregateName = plus >= 0 ? name.substring(plus + 1) : optimiser.isPresent() ? FedAvg.NAME : name;
      if (plus >= 0 && optimiser.isEmpty()) {
        throw new IllegalArgumentException("unknown server optimiser '" + head + "' in '" + name + "': expected one of "
            + Arrays.stream(FedOpt.Variant.values()).map(FedOpt.Variant::strategyName).toList());
      }
      StrategyKind aggregate = AGGREGATES.stream().filter(kind -> kind.name().equals(aggregateName)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown aggregation strategy '" + name
              + "': expected one of " + NAMES + ", or a server optimiser over an aggregate, such as fedadam+krum"));
      return new Choice(name, optimiser, aggregate);
    }

    void requireKnown(Map<String, Double> settings) {
      Objects.requireNonNull(settings, "settings");
      List<String> accepted = accepted();
      for (String key : settings.keySet()) {
        if (!accepted.contains(key)) {
          throw new IllegalArgumentException("unknown setting '" + key + "' for " + name + ": accepted " + accepted);
        }
      }
    }

    private List<String> accepted() {
      List<String> accepted = new ArrayList<>(List.of(MAX_DELTA_NORM.name()));
      aggregate.settings().forEach(setting -> accepted.add(setting.name()));
      optimiser.ifPresent(variant -> FedOpt.SETTINGS.forEach(setting -> accepted.add(setting.name())));
      return accepted;
    }
  }
}
