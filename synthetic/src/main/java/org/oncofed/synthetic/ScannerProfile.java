package org.oncofed.synthetic;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a synthetic hospital's scanner and PACS export differ from the others': matrix and field of
 * view (so pixel spacing), reconstruction kernel and noise, how values are stored (rescale
 * intercept, signedness, bits stored), slice thickness, the suggested window, and the site's usual
 * mix of normal, benign and malignant cases.
 *
 * @param psfSigma blur of the imaging chain in pixels
 * @param noiseSigma white noise added before the reconstruction kernel, in HU
 * @param kernelBlur extra Gaussian blur of a soft kernel in pixels (0 for none)
 * @param kernelSharpen unsharp-mask gain of a sharp kernel (0 for none)
 */
public enum ScannerProfile {
  SOFT("OncoScan 64", "SOFT-B30", 192, 1.8, 0.8, 16, 0.6, 0, -1024, false, 12, 5.0, 40, 400,
      new double[] {0.5, 0.25, 0.25}),
  STANDARD("OncoScan 128", "STANDARD", 256, 1.4, 0.7, 14, 0, 0, -1000, false, 16, 3.0, 50, 350,
      new double[] {0.4, 0.3, 0.3}),
  SHARP("OncoScan Flash", "SHARP-B70", 160, 2.3, 0.5, 10, 0, 0.7, 0, true, 16, 2.5, -600, 1500,
      new double[] {0.3, 0.3, 0.4});

  private final String model;
  private final String kernelName;
  private final int matrix;
  private final double pixelSpacing;
  private final double psfSigma;
  private final double noiseSigma;
  private final double kernelBlur;
  private final double kernelSharpen;
  private final int rescaleIntercept;
  private final boolean signed;
  private final int bitsStored;
  private final double sliceThickness;
  private final int windowCenter;
  private final int windowWidth;
  private final double[] classBalance;

  ScannerProfile(String model, String kernelName, int matrix, double pixelSpacing, double psfSigma,
      double noiseSigma, double kernelBlur, double kernelSharpen, int rescaleIntercept,
      boolean signed, int bitsStored, double sliceThickness, int windowCenter, int windowWidth,
      double[] classBalance) {
    this.model = model;
    this.kernelName = kernelName;
    this.matrix = matrix;
    this.pixelSpacing = pixelSpacing;
    this.psfSigma = psfSigma;
    this.noiseSigma = noiseSigma;
    this.kernelBlur = kernelBlur;
    this.kernelSharpen = kernelSharpen;
    this.rescaleIntercept = rescaleIntercept;
    this.signed = signed;
    this.bitsStored = bitsStored;
    this.sliceThickness = sliceThickness;
    this.windowCenter = windowCenter;
    this.windowWidth = windowWidth;
    this.classBalance = classBalance;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String model() {
    return model;
  }

  public String kernelName() {
    return kernelName;
  }

  public int matrix() {
    return matrix;
  }

  public double pixelSpacing() {
    return pixelSpacing;
  }

  double psfSigma() {
    return psfSigma;
  }

  double noiseSigma() {
    return noiseSigma;
  }

  double kernelBlur() {
    return kernelBlur;
  }

  double kernelSharpen() {
    return kernelSharpen;
  }

  public int rescaleIntercept() {
    return rescaleIntercept;
  }

  public boolean signed() {
    return signed;
  }

  public int bitsStored() {
    return bitsStored;
  }

  public double sliceThickness() {
    return sliceThickness;
  }

  public int windowCenter() {
    return windowCenter;
  }

  public int windowWidth() {
    return windowWidth;
  }

  /** The usual fractions of normal, benign and malignant patients, in {@code TumourClass} order. */
  public double[] classBalance() {
    return classBalance.clone();
  }

  /** Stored value for a Hounsfield value, clamped to what the storage can hold. */
  int store(double hu) {
    long v = Math.round(hu - rescaleIntercept);
    long min = signed ? -(1L << (bitsStored - 1)) : 0;
    long max = signed ? (1L << (bitsStored - 1)) - 1 : (1L << bitsStored) - 1;
    return (int) Math.max(min, Math.min(max, v));
  }

  public static ScannerProfile fromLabel(String label) {
    return Arrays.stream(values())
        .filter(p -> p.label().equalsIgnoreCase(label.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scanner '" + label
            + "': expected one of " + Arrays.stream(values()).map(ScannerProfile::label).toList()));
  }

  /** The scanner a site gets when none is named: fixed by the site name, so reruns agree. */
  public static ScannerProfile forSite(String site) {
    return values()[Math.floorMod(site.hashCode(), values().length)];
  }
}
