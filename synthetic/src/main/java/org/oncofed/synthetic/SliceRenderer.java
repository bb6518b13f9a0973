package org.oncofed.synthetic;

import java.util.SplittableRandom;

/**
 * Renders one axial slice the way a site's scanner would: the phantom in Hounsfield units with
 * lung vessels (round look-alikes of small nodules) and the lesion, blurred by the imaging chain,
 * with noise, through the site's reconstruction kernel, then stored as the site stores values.
 */
final class SliceRenderer {

  private final ScannerProfile scanner;

  SliceRenderer(ScannerProfile scanner) {
    this.scanner = scanner;
  }

  /** Stored pixel values, row-major, {@code matrix x matrix}. */
  short[] render(Anatomy anatomy, Lesion lesion, double z, double noiseScale, SplittableRandom random) {
    int n = scanner.matrix();
    double spacing = scanner.pixelSpacing();
    Anatomy.Section section = anatomy.section(z);
    double[][] vessels = vessels(section, anatomy.contrastEnhanced(), random);
    float[] hu = new float[n * n];
    for (int row = 0; row < n; row++) {
      double y = (row + 0.5 - n / 2.0) * spacing;
      for (int col = 0; col < n; col++) {
        double x = (col + 0.5 - n / 2.0) * spacing;
        double value = section.hu(x, y);
        if (value < -500) {
          for (double[] v : vessels) {
            double d = Math.hypot(x - v[0], y - v[1]);
            double alpha = Math.max(0, Math.min(1, (v[2] - d) / 0.7 + 0.5));
            value = value * (1 - alpha) + v[3] * alpha;
          }
        }
        if (lesion != null) {
          value = lesion.over(value, x, y, z);
        }
        hu[row * n + col] = (float) value;
      }
    }
    float[] image = ImageFilters.gaussian(hu, n, scanner.psfSigma());
    double sigma = scanner.noiseSigma() * noiseScale;
    for (int i = 0; i < image.length; i++) {
      image[i] += (float) (random.nextGaussian() * sigma);
    }
    if (scanner.kernelBlur() > 0) {
      image = ImageFilters.gaussian(image, n, scanner.kernelBlur());
    }
    if (scanner.kernelSharpen() > 0) {
      image = ImageFilters.unsharp(image, n, 1.0, scanner.kernelSharpen());
    }
    short[] stored = new short[image.length];
    for (int i = 0; i < image.length; i++) {
      stored[i] = (short) scanner.store(image[i]);
    }
    return stored;
  }

  /** Vessel cross-sections in the lungs: {x, y, radius, HU}. */
  private static double[][] vessels(Anatomy.Section section, boolean contrast, SplittableRandom random) {
    int count = 4 + random.nextInt(7);
    double[][] out = new double[count][];
    int placed = 0;
    for (int tries = 0; tries < 200 && placed < count; tries++) {
      double x = -150 + random.nextDouble() * 300;
      double y = -120 + random.nextDouble() * 240;
      if (section.inLung(x, y)) {
        out[placed++] = new double[] {x, y, 0.8 + random.nextDouble() * 1.4, contrast ? 150 : 40};
      }
    }
    return java.util.Arrays.copyOf(out, placed);
  }
}
