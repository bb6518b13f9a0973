package org.oncofed.dicom;

/** One modality LUT step: {@code value * slope + intercept} (Hounsfield units for CT). */
public record Rescale(double slope, double intercept) {

  public static final Rescale IDENTITY = new Rescale(1, 0);

  public Rescale {
    if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new IllegalArgumentException(
          "rescale slope and intercept must be finite, found " + slope + " and " + intercept);
    }
  }

  public double apply(double stored) {
    return stored * slope + intercept;
  }
}
