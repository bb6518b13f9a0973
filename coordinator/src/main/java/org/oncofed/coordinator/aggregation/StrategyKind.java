package org.oncofed.coordinator.aggregation;

import java.util.List;
import java.util.Map;

/**
 * One aggregate strategy as an experiment names it: the settings it accepts and how it is built.
 * Adding a strategy is one class with a kind, and one line in {@link AggregationStrategies}.
 */
interface StrategyKind {

  /** The name experiments use, for example {@code krum}. */
  String name();

  /** The settings it accepts besides {@code maxDeltaNorm}, which every strategy accepts. */
  List<StrategySetting> settings();

  /**
   * Builds the strategy.
   *
   * @param values the settings given, already checked against {@link #settings()}; absent ones
   *     take their default through {@link StrategySetting#valueIn}
   * @throws IllegalArgumentException when the settings do not fit together
   */
  AggregationStrategy create(Map<String, Double> values, UpdateBounds bounds);

  /** Updates a round needs at least, with these settings, for the strategy to combine them. */
  default int minimumUpdates(Map<String, Double> values) {
    return 1;
  }
}
