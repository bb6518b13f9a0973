package org.oncofed.coordinator.aggregation;

import java.util.List;
import java.util.Map;

/**
 * One aggregate strategy as an experiment names it: the settings it accepts besides {@code
 * maxDeltaNorm} (which every strategy accepts), how it is built, and how many updates a round needs
 * for it. Adding a strategy is one class with a kind, and one line in {@link AggregationStrategies}.
 *
 * @param factory builds the strategy from the settings given, already checked to be known; absent
 *     ones take their default through {@link StrategySetting#valueIn}
 * @param minimum the updates a round needs at least, with these settings, for the strategy to combine them
 */
record StrategyKind(String name, List<StrategySetting> settings, Factory factory, Minimum minimum) {

  @FunctionalInterface
  interface Factory {
    AggregationStrategy create(Map<String, Double> values, UpdateBounds bounds);
  }

  @FunctionalInterface
  interface Minimum {
    int updates(Map<String, Double> values);
  }

  /** A strategy that combines any number of updates from one on. */
  static StrategyKind of(String name, List<StrategySetting> settings, Factory factory) {
    return new StrategyKind(name, settings, factory, values -> 1);
  }
}
