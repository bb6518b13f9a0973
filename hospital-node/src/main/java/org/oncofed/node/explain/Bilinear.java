package org.oncofed.node.explain;

/**
 * Bilinear resampling of a row-major grid with pixel centres aligned: output pixel {@code (y, x)}
 * samples the source at {@code ((y + 0.5) * h / outH - 0.5, (x + 0.5) * w / outW - 0.5)}, clamped
 * to the edge. With centres aligned, a feature-map cell lands over the input pixels it was computed
 * from, not shifted by half a cell.
 */
final class Bilinear {

  private Bilinear() {}

  static float[] resize(float[] source, int height, int width, int outHeight, int outWidth) {
    if (source.length != height * width) {
      throw new IllegalArgumentException(
          "a " + height + "x" + width + " grid has " + height * width + " values, found " + source.length);
    }
    float[] out = new float[outHeight * outWidth];
    double scaleY = (double) height / outHeight;
    double scaleX = (double) width / outWidth;
    for (int y = 0; y < outHeight; y++) {
      double sy = clamp((y + 0.5) * scaleY - 0.5, height - 1);
      int y0 = (int) sy;
      int y1 = Math.min(height - 1, y0 + 1);
      double fy = sy - y0;
      for (int x = 0; x < outWidth; x++) {
        double sx = clamp((x + 0.5) * scaleX - 0.5, width - 1);
        int x0 = (int) sx;
        int x1 = Math.min(width - 1, x0 + 1);
        double fx = sx - x0;
        double top = source[y0 * width + x0] * (1 - fx) + source[y0 * width + x1] * fx;
        double bottom = source[y1 * width + x0] * (1 - fx) + source[y1 * width + x1] * fx;
        out[y * outWidth + x] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return out;
  }

  private static double clamp(double value, int max) {
    return Math.max(0, Math.min(max, value));
  }
}
