package org.oncofed.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the node does to a slice's Hounsfield values before it becomes network input. */
public enum Normalisation {
  /** The window's output (0 to 1) as is: values keep their Hounsfield meaning across slices. */
  WINDOW("window"),
  /** Windowed, then each slice stretched so its minimum is 0 and its maximum 1. */
  MIN_MAX("min-max"),
  /** Windowed, then each slice's histogram flattened (256 bins), spreading contrast evenly. */
  HISTOGRAM_EQUALISATION("histogram-equalisation"),
  /**
   * Hounsfield values clipped to the window, then each slice shifted and scaled to mean 0 and
   * standard deviation 1 (a uniform slice becomes all zeros).
   */
  Z_SCORE("z-score");

  private final String wireName;

  Normalisation(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name case-insensitively; the error lists the accepted names. */
  @JsonCreator
  public static Normalisation fromWireName(String name) {
    for (Normalisation n : values()) {
      if (n.wireName.equals(name == null ? null : name.strip().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new IllegalArgumentException("unknown normalisation '" + name + "': expected one of " + wireNames());
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Normalisation::wireName).toList();
  }
}
