package org.oncofed.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classes OncoFed's classifier predicts, in the order of the network's outputs. Dataset
 * labels, confusion matrices and model specs all index classes by {@link #ordinal()}.
 */
public enum TumourClass {
  NORMAL,
  BENIGN,
  MALIGNANT;

  /** Label as written in manifests, folders and reports: {@code normal}, {@code benign}, {@code malignant}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label case-insensitively; the error lists the accepted labels. */
  public static TumourClass fromLabel(String label) {
    if (label != null) {
      for (TumourClass c : values()) {
        if (c.label().equalsIgnoreCase(label.strip())) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown class label '" + label + "': expected one of " + labels());
  }

  /** All labels in output order. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(TumourClass::label).toList();
  }
}
