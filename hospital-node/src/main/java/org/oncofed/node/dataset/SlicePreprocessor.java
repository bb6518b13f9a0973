package org.oncofed.node.dataset;

import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.dicom.PixelSpacing;
import org.oncofed.dicom.Window;

/**
 * Hounsfield slice to network input: window (inverted for MONOCHROME1), normalise, then resize
 * as the policy says. Downscaling averages over each output pixel's footprint so thin structures
 * do not alias away; what lies outside the slice is background (0).
 */
final class SlicePreprocessor {

  private SlicePreprocessor() {}

  static float[] prepare(float[] hu, int rows, int columns, PixelSpacing spacing, boolean inverted,
      PreprocessingOptions options) {
    return prepare(hu, rows, columns, spacing, inverted, options.window(), options.normalisation(),
        options.resizePolicy(), options.pixelSpacingMm(), options.inputSize());
  }

  static float[] prepare(float[] hu, int rows, int columns, PixelSpacing spacing, boolean inverted, Window window,
      Normalisation normalisation, ResizePolicy policy, double mm, int size) {
    float[] normalised = normalise(hu, inverted, window, normalisation);
    return switch (policy) {
      case ASPECT -> resize(normalised, rows, columns, spacing, size);
      case PHYSICAL -> resample(normalised, rows, columns, spacing, mm, size);
    };
  }

  static float[] normalise(float[] hu, boolean inverted, Window window, Normalisation normalisation) {
    if (normalisation == Normalisation.Z_SCORE) {
      return zScore(hu, inverted, window);
    }
    float[] windowed = new float[hu.length];
    for (int i = 0; i < hu.length; i++) {
      float v = window.apply(hu[i]);
      windowed[i] = inverted ? 1 - v : v;
    }
    return switch (normalisation) {
      case WINDOW, Z_SCORE -> windowed;
      case MIN_MAX -> minMax(windowed);
      case HISTOGRAM_EQUALISATION -> equalise(windowed);
    };
  }

  private static float[] zScore(float[] hu, boolean inverted, Window window) {
    double low = window.center() - window.width() / 2;
    double high = window.center() + window.width() / 2;
    double[] clipped = new double[hu.length];
    double sum = 0;
    for (int i = 0; i < hu.length; i++) {
      double v = Math.max(low, Math.min(high, hu[i]));
      clipped[i] = inverted ? -v : v;
      sum += clipped[i];
    }
    double mean = sum / hu.length;
    double squares = 0;
    for (double v : clipped) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / hu.length);
    float[] out = new float[hu.length];
    if (sd > 0) {
      for (int i = 0; i < hu.length; i++) {
        out[i] = (float) ((clipped[i] - mean) / sd);
      }
    }
    return out;
  }

  private static float[] minMax(float[] values) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float[] out = new float[values.length];
    if (max > min) {
      for (int i = 0; i < values.length; i++) {
        out[i] = (values[i] - min) / (max - min);
      }
    }
    return out;
  }

  private static float[] equalise(float[] values) {
    int bins = 256;
    long[] cdf = new long[bins];
    for (float v : values) {
      cdf[bin(v, bins)]++;
    }
    for (int i = 1; i < bins; i++) {
      cdf[i] += cdf[i - 1];
    }
    long first = 0;
    for (long c : cdf) {
      if (c > 0) {
        first = c;
        break;
      }
    }
    float[] out = new float[values.length];
    long span = values.length - first;
    if (span > 0) {
      for (int i = 0; i < values.length; i++) {
        out[i] = Math.max(0, (cdf[bin(values[i], bins)] - first) / (float) span);
      }
    }
    return out;
  }

  private static int bin(float v, int bins) {
    return Math.min(bins - 1, Math.max(0, (int) (v * bins)));
  }

  static float[] resize(float[] src, int rows, int columns, PixelSpacing spacing, int size) {
    double rowMm = spacing == null ? 1 : spacing.row();
    double colMm = spacing == null ? 1 : spacing.column();
    double height = rows * rowMm;
    double width = columns * colMm;
    double longest = Math.max(height, width);
    int outW = Math.max(1, (int) Math.round(size * width / longest));
    int outH = Math.max(1, (int) Math.round(size * height / longest));
    int left = (size - outW) / 2;
    int top = (size - outH) / 2;
    double stepX = (double) columns / outW;
    double stepY = (double) rows / outH;
    int kx = Math.max(1, (int) Math.ceil(stepX));
    int ky = Math.max(1, (int) Math.ceil(stepY));
    float[] out = new float[size * size];
    for (int oy = 0; oy < outH; oy++) {
      for (int ox = 0; ox < outW; ox++) {
        double sum = 0;
        for (int j = 0; j < ky; j++) {
          double sy = oy * stepY + (j + 0.5) * stepY / ky - 0.5;
          for (int i = 0; i < kx; i++) {
            double sx = ox * stepX + (i + 0.5) * stepX / kx - 0.5;
            sum += Bilinear.sample(src, rows, columns, sx, sy);
          }
        }
        out[(top + oy) * size + left + ox] = (float) (sum / (kx * ky));
      }
    }
    return out;
  }

  /**
   * Resamples to {@code mm} pixels around the slice's centre and crops or pads to {@code size}:
   * output pixel (y, x) covers the square of side {@code mm} centred {@code ((y + 0.5 - size / 2) *
   * mm, (x + 0.5 - size / 2) * mm)} from the slice's centre, averaged over sub-samples spaced at
   * most one source pixel apart. A slice without spacing is taken to have {@code mm} pixels.
   */
  static float[] resample(float[] src, int rows, int columns, PixelSpacing spacing, double mm, int size) {
    double rowStep = spacing == null ? 1 : mm / spacing.row();
    double colStep = spacing == null ? 1 : mm / spacing.column();
    int ky = Math.max(1, (int) Math.ceil(rowStep));
    int kx = Math.max(1, (int) Math.ceil(colStep));
    double centreY = rows / 2.0 - 0.5;
    double centreX = columns / 2.0 - 0.5;
    float[] out = new float[size * size];
    for (int oy = 0; oy < size; oy++) {
      for (int ox = 0; ox < size; ox++) {
        double sum = 0;
        for (int j = 0; j < ky; j++) {
          double sy = centreY + (oy + (j + 0.5) / ky - size / 2.0) * rowStep;
          if (sy < -0.5 || sy > rows - 0.5) {
            continue;
          }
          for (int i = 0; i < kx; i++) {
            double sx = centreX + (ox + (i + 0.5) / kx - size / 2.0) * colStep;
            if (sx >= -0.5 && sx <= columns - 0.5) {
              sum += Bilinear.sample(src, rows, columns, sx, sy);
            }
          }
        }
        out[oy * size + ox] = (float) (sum / (kx * ky));
      }
    }
    return out;
  }
}
