package org.oncofed.coordinator.aggregation;

import java.util.Locale;

/**
 * A numeric setting a strategy accepts, with its default and the values allowed; the strategy
 * declares it, and {@link AggregationStrategies} checks what an experiment asks for against it.
 *
 * @param whole only whole numbers are allowed (counts such as Krum's {@code f})
 */
public record StrategySetting(String name, double defaultValue, double min, double max, boolean whole) {

  static StrategySetting real(String name, double defaultValue, double min, double max) {
    return new StrategySetting(name, defaultValue, min, max, false);
  }

  static StrategySetting count(String name, int defaultValue, int min, int max) {
    return new StrategySetting(name, defaultValue, min, max, true);
  }

  /** The value given, checked against the range, or the default. */
  double valueIn(String strategy, java.util.Map<String, Double> given) {
    Double value = given.get(name);
    if (value == null) {
      return defaultValue;
    }
    boolean inRange = value >= min && value <= max && (!whole || value == Math.rint(value));
    if (!inRange) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "setting '%s' of %s must be %s in [%s, %s], found %s",
          name, strategy, whole ? "a whole number" : "a number", format(min), format(max), format(value)));
    }
    return value;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
