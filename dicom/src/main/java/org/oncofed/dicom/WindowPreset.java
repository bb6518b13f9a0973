package org.oncofed.dicom;

import java.util.Arrays;
import java.util.Locale;

/** The usual CT windows, in Hounsfield units. */
public enum WindowPreset {
  SOFT_TISSUE(40, 400),
  LUNG(-600, 1500),
  BONE(400, 1800),
  BRAIN(40, 80);

  private final Window window;

  WindowPreset(double center, double width) {
    this.window = new Window(center, width);
  }

  public Window window() {
    return window;
  }

  /** Name as typed on the command line: {@code soft-tissue}, {@code lung}, {@code bone}, {@code brain}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static WindowPreset fromLabel(String label) {
    return Arrays.stream(values())
        .filter(p -> p.label().equalsIgnoreCase(label.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown window preset '" + label + "': expected one of "
                + Arrays.stream(values()).map(WindowPreset::label).toList()));
  }
}
