package org.oncofed.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a slice of any size becomes a square network input. */
public enum ResizePolicy {
  /**
   * The longer physical side scaled to the input size, the shorter one padded: every slice shows
   * its whole field of view, so the padding (and the scale) tell the model how large the source
   * image was.
   */
  ASPECT("aspect"),
  /**
   * Resampled to a fixed pixel size in millimetres, then cropped or padded to the input size
   * around the slice's centre: every input covers the same physical area at the same scale, so a
   * slice's pixel count and field of view do not show (unless the field of view is smaller than
   * the input's area, where padding remains). A slice without pixel spacing is taken to have the
   * experiment's pixel size already.
   */
  PHYSICAL("physical");

  private final String wireName;

  ResizePolicy(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name case-insensitively; the error lists the accepted names. */
  @JsonCreator
  public static ResizePolicy fromWireName(String name) {
    for (ResizePolicy p : values()) {
      if (p.wireName.equals(name == null ? null : name.strip().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown resize policy '" + name + "': expected one of " + wireNames());
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(ResizePolicy::wireName).toList();
  }
}
