package org.oncofed.node.dataset;

import java.util.SplittableRandom;

/**
 * The training augmentations: rotation up to 15 degrees either way, shift and zoom up to 10 %,
 * horizontal flip with probability one half. One random affine map per slice, sampled back to
 * front with bilinear interpolation; what falls outside the slice is background (0).
 */
final class Augmenter {

  static final double MAX_ROTATION_DEGREES = 15;
  static final double MAX_SHIFT = 0.10;
  static final double MAX_ZOOM = 0.10;

  private Augmenter() {}

  static float[] augment(float[] src, int size, SplittableRandom random) {
    double angle = Math.toRadians((random.nextDouble() * 2 - 1) * MAX_ROTATION_DEGREES);
    double zoom = 1 + (random.nextDouble() * 2 - 1) * MAX_ZOOM;
    double shiftX = (random.nextDouble() * 2 - 1) * MAX_SHIFT * size;
    double shiftY = (random.nextDouble() * 2 - 1) * MAX_SHIFT * size;
    boolean flip = random.nextBoolean();
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double c = (size - 1) / 2.0;
    float[] out = new float[src.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        // Inverse map: output pixel -> source position.
        double dx = (x - c - shiftX) / zoom;
        double dy = (y - c - shiftY) / zoom;
        double sx = cos * dx + sin * dy + c;
        double sy = -sin * dx + cos * dy + c;
        if (flip) {
          sx = size - 1 - sx;
        }
        if (sx < -0.5 || sy < -0.5 || sx > size - 0.5 || sy > size - 0.5) {
          continue;
        }
        out[y * size + x] = (float) Bilinear.sample(src, size, size, sx, sy);
      }
    }
    return out;
  }
}
