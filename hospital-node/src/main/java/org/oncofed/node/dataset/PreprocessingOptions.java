package org.oncofed.node.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.dicom.Window;
import org.oncofed.dicom.WindowPreset;

/**
 * How slices become network input: square size, channels (3 replicates the grey channel for
 * ImageNet-style backbones, or holds the neighbouring slices), the window in Hounsfield units, the
 * normalisation, the resize policy and its pixel size, whether training data is augmented and
 * oversampled, the seed of shuffling and augmentation, and the batch size.
 */
public record PreprocessingOptions(
    int inputSize,
    int channels,
    double windowCenter,
    double windowWidth,
    Normalisation normalisation,
    ResizePolicy resizePolicy,
    double pixelSpacingMm,
    boolean neighbourSlices,
    boolean augment,
    boolean oversample,
    long seed,
    int batchSize) {

  public PreprocessingOptions {
    Objects.requireNonNull(normalisation, "normalisation");
    Objects.requireNonNull(resizePolicy, "resizePolicy");
    if (inputSize < 8 || inputSize > 1024) {
      throw new IllegalArgumentException("inputSize must be in 8..1024, found " + inputSize);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, found " + channels);
    }
    if (neighbourSlices && channels != 3) {
      throw new IllegalArgumentException("neighbouring slices fill 3 channels, found " + channels);
    }
    if (resizePolicy == ResizePolicy.PHYSICAL && !(pixelSpacingMm > 0)) {
      throw new IllegalArgumentException("the physical resize policy needs a positive pixel size, found "
          + pixelSpacingMm);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
    }
    new Window(windowCenter, windowWidth);
  }

  /**
   * What a task's settings ask of the data pipeline; augmentation and oversampling only ever apply
   * to data that is trained on.
   */
  public static PreprocessingOptions of(ModelSpec spec, TrainingConfig training, boolean trainedOn) {
    training.checkChannels(spec.channels());
    return new PreprocessingOptions(spec.inputSize(), spec.channels(), training.windowCenter(),
        training.windowWidth(), training.normalisation(), training.resizePolicy(), training.pixelSpacingMm(),
        training.neighbourSlices(), trainedOn && training.augment(), trainedOn && training.oversample(),
        training.seed(), training.batchSize());
  }

  /** Options with a standard CT window, window normalisation and the aspect-preserving resize. */
  public static PreprocessingOptions of(
      int inputSize, int channels, WindowPreset preset, boolean augment, long seed, int batchSize) {
    Window w = preset.window();
    return new PreprocessingOptions(inputSize, channels, w.center(), w.width(), Normalisation.WINDOW,
        ResizePolicy.ASPECT, 0, false, augment, false, seed, batchSize);
  }

  public Window window() {
    return new Window(windowCenter, windowWidth);
  }

  /** The same preparation without augmentation or oversampling, for data that is only scored. */
  public PreprocessingOptions unaugmented() {
    return new PreprocessingOptions(inputSize, channels, windowCenter, windowWidth, normalisation, resizePolicy,
        pixelSpacingMm, neighbourSlices, false, false, seed, batchSize);
  }

  /** The pipeline's steps in order, as provenance records them; derived from these options alone. */
  public List<String> steps() {
    List<String> steps = new ArrayList<>();
    steps.add("modality LUT to Hounsfield units");
    steps.add(switch (normalisation) {
      case WINDOW -> "window centre " + windowCenter + " width " + windowWidth + " HU, scaled to [0,1]";
      case MIN_MAX -> "window centre " + windowCenter + " width " + windowWidth + " HU, then per-slice min-max to [0,1]";
      case HISTOGRAM_EQUALISATION -> "window centre " + windowCenter + " width " + windowWidth
          + " HU, then per-slice histogram equalisation (256 bins)";
      case Z_SCORE -> "HU clipped to window centre " + windowCenter + " width " + windowWidth
          + ", then per-slice z-score";
    });
    steps.add(switch (resizePolicy) {
      case ASPECT -> "aspect-preserving resize of the longer side to " + inputSize + " px, centred, zero padding";
      case PHYSICAL -> String.format(Locale.ROOT, "resampled to %s mm pixels (slices without spacing taken as "
          + "such), centre crop or zero pad to %d px (%s mm)", pixelSpacingMm, inputSize, inputSize * pixelSpacingMm);
    });
    steps.add(neighbourSlices ? "3 channels: previous, this and next slice (this slice at a series' end)"
        : channels == 3 ? "replicated to 3 channels" : "1 channel");
    if (augment) {
      steps.add("augmentation: rotation up to 15 degrees, shift and zoom up to 10%, horizontal flip");
    }
    if (oversample) {
      steps.add("oversampling: every class present drawn as often as the largest, each epoch");
    }
    return steps;
  }
}
