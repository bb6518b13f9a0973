package org.oncofed.node.dataset;

import java.util.Objects;
import org.oncofed.dicom.Window;
import org.oncofed.dicom.WindowPreset;

/**
 * How slices become network input: square size after an aspect-preserving resize, channels (3
 * replicates the grey channel for ImageNet-style backbones), the window in Hounsfield units, the
 * normalisation, whether training data is augmented, the seed of shuffling and augmentation, and
 * the batch size.
 */
public record PreprocessingOptions(
    int inputSize,
    int channels,
    double windowCenter,
    double windowWidth,
    Normalisation normalisation,
    boolean augment,
    long seed,
    int batchSize) {

  public PreprocessingOptions {
    Objects.requireNonNull(normalisation, "normalisation");
    if (inputSize < 8 || inputSize > 1024) {
      throw new IllegalArgumentException("inputSize must be in 8..1024, found " + inputSize);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, found " + channels);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
    }
    new Window(windowCenter, windowWidth);
  }

  /** Options with a standard CT window. */
  public static PreprocessingOptions of(
      int inputSize, int channels, WindowPreset preset, Normalisation normalisation, boolean augment,
      long seed, int batchSize) {
    Window w = preset.window();
    return new PreprocessingOptions(
        inputSize, channels, w.center(), w.width(), normalisation, augment, seed, batchSize);
  }

  public Window window() {
    return new Window(windowCenter, windowWidth);
  }
}
