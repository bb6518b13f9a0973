package org.oncofed.dicom;

/**
 * A VOI window as radiologists use it: values below {@code center - width/2} show black, above
 * {@code center + width/2} white. {@link #apply} maps to 0..1 with the linear function of PS3.3
 * C.11.2.1.2.1, so it matches what a DICOM viewer displays.
 */
public record Window(double center, double width) {

  public Window {
    if (!Double.isFinite(center) || !Double.isFinite(width) || width < 1) {
      throw new IllegalArgumentException(
          "window needs a finite centre and a width of at least 1, found centre " + center
              + " width " + width);
    }
  }

  /** The window's output for one value, in 0..1. */
  public float apply(double value) {
    double lower = center - 0.5 - (width - 1) / 2;
    double upper = center - 0.5 + (width - 1) / 2;
    if (value <= lower) {
      return 0f;
    }
    if (value > upper) {
      return 1f;
    }
    return (float) ((value - (center - 0.5)) / (width - 1) + 0.5);
  }
}
