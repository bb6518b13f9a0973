package org.oncofed.node.dataset;

import org.oncofed.dicom.PixelSpacing;
import org.oncofed.dicom.Window;

/**
 * Hounsfield slice to network input: window (inverted for MONOCHROME1), normalise, then resize so
 * the longer physical side fills {@code inputSize}, centred on a zero background. Downscaling
 * averages over each output pixel's footprint so thin structures do not alias away.
 */
final class SlicePreprocessor {

  private SlicePreprocessor() {}

  static float[] prepare(float[] hu, int rows, int columns, PixelSpacing spacing, boolean inverted,
      PreprocessingOptions options) {
    return prepare(hu, rows, columns, spacing, inverted, options.window(), options.normalisation(),
        options.inputSize());
  }

  static float[] prepare(float[] hu, int rows, int columns, PixelSpacing spacing, boolean inverted,
      Window window, Normalisation normalisation, int size) {
    float[] windowed = new float[hu.length];
    for (int i = 0; i < hu.length; i++) {
      float v = window.apply(hu[i]);
      windowed[i] = inverted ? 1 - v : v;
    }
    float[] normalised = switch (normalisation) {
      case WINDOW -> windowed;
      case MIN_MAX -> minMax(windowed);
      case HISTOGRAM_EQUALISATION -> equalise(windowed);
    };
    return resize(normalised, rows, columns, spacing, size);
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
}
