package org.oncofed.node.dataset;

/**
 * Bilinear sampling and resampling of row-major grids, clamped to the edge. {@link #resize} aligns
 * pixel centres: output pixel {@code (y, x)} samples the source at {@code ((y + 0.5) * h / outH -
 * 0.5, (x + 0.5) * w / outW - 0.5)}, so a feature-map cell lands over the input pixels it was
 * computed from, not shifted by half a cell.
 */
public final class Bilinear {

  private Bilinear() {}

  public static float[] resize(float[] source, int height, int width, int outHeight, int outWidth) {
    if (source.length != height * width) {
      throw new IllegalArgumentException(
          "a " + height + "x" + width + " grid has " + height * width + " values, found " + source.length);
    }
    float[] out = new float[outHeight * outWidth];
    double scaleY = (double) height / outHeight;
    double scaleX = (double) width / outWidth;
    for (int y = 0; y < outHeight; y++) {
      double sy = (y + 0.5) * scaleY - 0.5;
      for (int x = 0; x < outWidth; x++) {
        out[y * outWidth + x] = (float) sample(source, height, width, (x + 0.5) * scaleX - 0.5, sy);
      }
    }
    return out;
  }

  /** The value at fractional position ({@code x}, {@code y}), clamped to the grid's edge. */
  public static double sample(float[] src, int rows, int columns, double x, double y) {
    x = Math.max(0, Math.min(columns - 1, x));
    y = Math.max(0, Math.min(rows - 1, y));
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(columns - 1, x0 + 1);
    int y1 = Math.min(rows - 1, y0 + 1);
    double fx = x - x0;
    double fy = y - y0;
    double top = src[y0 * columns + x0] * (1 - fx) + src[y0 * columns + x1] * fx;
    double bottom = src[y1 * columns + x0] * (1 - fx) + src[y1 * columns + x1] * fx;
    return top * (1 - fy) + bottom * fy;
  }
}
