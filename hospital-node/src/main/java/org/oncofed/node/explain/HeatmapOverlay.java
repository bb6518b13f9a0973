package org.oncofed.node.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.oncofed.common.files.AtomicFiles;
import org.oncofed.node.dataset.Bilinear;

/**
 * A windowed CT slice in grey with a heatmap laid over it in the inferno colour map, which is
 * perceptually uniform and stays readable in grey print. Each pixel's opacity grows with its heat,
 * so the anatomy stays visible where the network did not look.
 */
final class HeatmapOverlay {

  /** Shortest side of a written overlay: slices at 32-64 px are too small to read. */
  static final int MIN_SIDE = 256;

  /** Opacity of the hottest pixels. */
  static final float MAX_ALPHA = 0.6f;

  /** Inferno (matplotlib) sampled at 0, 0.1, ..., 1; values between are interpolated linearly. */
  private static final int[] INFERNO = {
    0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a, 0xf6d746, 0xfcffa4
  };

  private HeatmapOverlay() {}

  /** The side of the overlay for an input of {@code size} px: an integer multiple, at least {@link #MIN_SIDE}. */
  static int side(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("slice size must be positive, found " + size);
    }
    return size * ((MIN_SIDE + size - 1) / size);
  }

  /**
   * @param slice {@code size × size} windowed grey values in [0, 1], row-major
   * @param heat {@code side × side} heat in [0, 1], row-major
   */
  static BufferedImage render(float[] slice, int size, float[] heat, int side) {
    if (slice.length != size * size || heat.length != side * side) {
      throw new IllegalArgumentException("expected a " + size + "x" + size + " slice and a " + side + "x" + side
          + " heatmap, found " + slice.length + " and " + heat.length + " values");
    }
    float[] grey = Bilinear.resize(slice, size, size, side, side);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int i = y * side + x;
        float g = clamp(grey[i]) * 255;
        float h = clamp(heat[i]);
        float alpha = MAX_ALPHA * h;
        int colour = colour(h);
        int r = Math.round((1 - alpha) * g + alpha * (colour >> 16 & 0xff));
        int gr = Math.round((1 - alpha) * g + alpha * (colour >> 8 & 0xff));
        int b = Math.round((1 - alpha) * g + alpha * (colour & 0xff));
        image.setRGB(x, y, r << 16 | gr << 8 | b);
      }
    }
    return image;
  }

  /** Writes {@code image} as PNG, replacing {@code file} only once it is complete. */
  static void writePng(BufferedImage image, Path file) throws IOException {
    AtomicFiles.replace(file, temporary -> {
      if (!ImageIO.write(image, "png", temporary.toFile())) {
        throw new IOException("no PNG writer is available to write " + file);
      }
    });
  }

  /** The inferno colour of {@code value} in [0, 1], as {@code 0xRRGGBB}. */
  static int colour(float value) {
    float position = clamp(value) * (INFERNO.length - 1);
    int low = Math.min(INFERNO.length - 2, (int) position);
    float f = position - low;
    int a = INFERNO[low];
    int b = INFERNO[low + 1];
    int r = Math.round((a >> 16 & 0xff) * (1 - f) + (b >> 16 & 0xff) * f);
    int g = Math.round((a >> 8 & 0xff) * (1 - f) + (b >> 8 & 0xff) * f);
    int bl = Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    return r << 16 | g << 8 | bl;
  }

  /** The colour map as a CSS gradient, for a legend beside the images. */
  static String cssGradient() {
    StringJoiner stops = new StringJoiner(", ", "linear-gradient(to right, ", ")");
    for (int i = 0; i < INFERNO.length; i++) {
      stops.add(String.format(Locale.ROOT, "#%06x %d%%", INFERNO[i], i * 100 / (INFERNO.length - 1)));
    }
    return stops.toString();
  }

  private static float clamp(float value) {
    return Float.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
  }
}
