package org.oncofed.synthetic;

/** Separable Gaussian blur and unsharp masking on square float images (edges clamped). */
final class ImageFilters {

  private ImageFilters() {}

  static float[] gaussian(float[] image, int size, double sigma) {
    if (sigma <= 0) {
      return image.clone();
    }
    int radius = (int) Math.ceil(3 * sigma);
    float[] kernel = new float[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
      sum += kernel[i + radius];
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= (float) sum;
    }
    float[] horizontal = new float[image.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        float acc = 0;
        for (int k = -radius; k <= radius; k++) {
          int xx = Math.max(0, Math.min(size - 1, x + k));
          acc += kernel[k + radius] * image[y * size + xx];
        }
        horizontal[y * size + x] = acc;
      }
    }
    float[] out = new float[image.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        float acc = 0;
        for (int k = -radius; k <= radius; k++) {
          int yy = Math.max(0, Math.min(size - 1, y + k));
          acc += kernel[k + radius] * horizontal[yy * size + x];
        }
        out[y * size + x] = acc;
      }
    }
    return out;
  }

  /** {@code image + gain * (image - blur(image))}: the edge enhancement of a sharp kernel. */
  static float[] unsharp(float[] image, int size, double sigma, double gain) {
    float[] blurred = gaussian(image, size, sigma);
    float[] out = new float[image.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (image[i] + gain * (image[i] - blurred[i]));
    }
    return out;
  }
}
