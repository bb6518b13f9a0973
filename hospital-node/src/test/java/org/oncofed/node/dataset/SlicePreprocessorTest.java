package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.dicom.PixelSpacing;
import org.oncofed.dicom.Window;
import org.oncofed.dicom.WindowPreset;

class SlicePreprocessorTest {

  private static final Window SOFT_TISSUE = WindowPreset.SOFT_TISSUE.window();

  @Test
  void windowsHounsfieldUnitsLikeAViewer() {
    float[] hu = {-1000, -160, 40, 240, 1000, 0, 0, 0, 0};

    float[] out = prepare(hu, 3, null, false, Normalisation.WINDOW, 3);

    // Soft tissue: centre 40, width 400: -160 and below black, 240 and above white.
    assertThat(out[0]).isZero();
    assertThat(out[1]).isZero();
    assertThat(out[2]).isCloseTo(0.5f, within(0.01f));
    assertThat(out[3]).isEqualTo(1f);
    assertThat(out[4]).isEqualTo(1f);
  }

  @Test
  void keepsAspectRatioAndCentresOnBackground() {
    float[] hu = new float[4 * 8];
    Arrays.fill(hu, 240);

    float[] out = SlicePreprocessor.prepare(hu, 4, 8, new PixelSpacing(1, 1), false, SOFT_TISSUE,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, 8);

    // 8 wide by 4 high fills rows 2..5 of the 8x8 input; the other rows stay background.
    for (int y = 0; y < 8; y++) {
      float expected = y >= 2 && y < 6 ? 1f : 0f;
      for (int x = 0; x < 8; x++) {
        assertThat(out[y * 8 + x]).as("row %d", y).isEqualTo(expected);
      }
    }
  }

  @Test
  void usesPhysicalPixelSpacingForTheAspectRatio() {
    float[] hu = new float[8 * 8];
    Arrays.fill(hu, 240);

    // Rows 0.5 mm apart, columns 1 mm: the image is 4 mm high and 8 mm wide.
    float[] out = prepare(hu, 8, new PixelSpacing(0.5, 1), false, Normalisation.WINDOW, 8);

    assertThat(out[0]).isZero();
    assertThat(out[4 * 8 + 4]).isEqualTo(1f);
    assertThat(out[7 * 8 + 4]).isZero();
  }

  @Test
  void averagesWhenShrinkingSoThinStructuresDoNotVanish() {
    float[] hu = new float[8 * 8];
    Arrays.fill(hu, -1000);
    for (int y = 0; y < 8; y++) {
      hu[y * 8 + 3] = 1000;
    }

    float[] out = prepare(hu, 8, null, false, Normalisation.WINDOW, 4);

    assertThat(out[1]).isCloseTo(0.5f, within(0.01f));
  }

  @Test
  void minMaxStretchesEachSliceToTheFullRange() {
    float[] hu = {0, 20, 40, 60};

    float[] out = prepare(hu, 2, null, false, Normalisation.MIN_MAX, 2);

    assertThat(out[0]).isZero();
    assertThat(out[3]).isEqualTo(1f);
    assertThat(out[1]).isCloseTo(1f / 3, within(1e-6f));
  }

  @Test
  void histogramEqualisationSpreadsValuesOverTheRange() {
    float[] hu = {0, 0, 0, 1, 1, 2, 30, 31, 32};

    float[] out = prepare(hu, 3, null, false, Normalisation.HISTOGRAM_EQUALISATION, 3);

    assertThat(out[0]).isZero();
    assertThat(out[8]).isEqualTo(1f);
    assertThat(out[5]).isCloseTo(0.5f, within(0.05f));
  }

  @Test
  void zScoreStandardisesHounsfieldValuesClippedToTheWindow() {
    // -1000 is clipped to -160, the window's low end: values -160, -160, 40, 240.
    float[] out = SlicePreprocessor.normalise(new float[] {-1000, -160, 40, 240}, false, SOFT_TISSUE,
        Normalisation.Z_SCORE);

    double mean = (-160 - 160 + 40 + 240) / 4.0;
    double sd = Math.sqrt((2 * Math.pow(-160 - mean, 2) + Math.pow(40 - mean, 2) + Math.pow(240 - mean, 2)) / 4);
    assertThat(out[0]).isCloseTo((float) ((-160 - mean) / sd), within(1e-5f));
    assertThat(out[3]).isCloseTo((float) ((240 - mean) / sd), within(1e-5f));
    assertThat(SlicePreprocessor.normalise(new float[] {7, 7}, false, SOFT_TISSUE, Normalisation.Z_SCORE))
        .containsExactly(0f, 0f);
  }

  @Test
  void physicalPolicyShowsTheSameAnatomyAtTheSameScaleWhateverThePixelCount() {
    // One 40 mm disc of 240 HU, drawn at 1 mm pixels on 48x48 and at 0.5 mm pixels on 160x160.
    float[] coarse = disc(48, 1.0, 20);
    float[] fine = disc(160, 0.5, 20);

    float[] a = SlicePreprocessor.prepare(coarse, 48, 48, new PixelSpacing(1, 1), false, SOFT_TISSUE,
        Normalisation.WINDOW, ResizePolicy.PHYSICAL, 1.0, 32);
    float[] b = SlicePreprocessor.prepare(fine, 160, 160, new PixelSpacing(0.5, 0.5), false, SOFT_TISSUE,
        Normalisation.WINDOW, ResizePolicy.PHYSICAL, 1.0, 32);

    // 32 px of 1 mm show the central 32 mm of both: inside the disc everywhere but the corners,
    // whose edge pixels differ only by how each source drew the disc's rim.
    double difference = 0;
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as("pixel %d", i).isCloseTo(b[i], within(0.26f));
      difference += Math.abs(a[i] - b[i]);
    }
    assertThat(difference / a.length).isLessThan(0.01);
    assertThat(a[16 * 32 + 16]).isEqualTo(1f);
    assertThat(a[0]).isZero();
  }

  @Test
  void physicalPolicyPadsAFieldOfViewSmallerThanTheInput() {
    float[] hu = new float[10 * 10];
    Arrays.fill(hu, 240);

    float[] out = SlicePreprocessor.prepare(hu, 10, 10, new PixelSpacing(2, 2), false, SOFT_TISSUE,
        Normalisation.WINDOW, ResizePolicy.PHYSICAL, 1.0, 32);

    // 20 mm of slice in a 32 mm input: columns 6..25 covered, the rest background.
    assertThat(out[16 * 32 + 5]).isZero();
    assertThat(out[16 * 32 + 6]).isEqualTo(1f);
    assertThat(out[16 * 32 + 25]).isEqualTo(1f);
    assertThat(out[16 * 32 + 26]).isZero();
  }

  @Test
  void physicalPolicyTakesASliceWithoutSpacingAsAlreadyAtThePixelSize() {
    float[] hu = new float[40 * 40];
    hu[20 * 40 + 20] = 240;

    float[] out = SlicePreprocessor.prepare(hu, 40, 40, null, false, SOFT_TISSUE, Normalisation.WINDOW,
        ResizePolicy.PHYSICAL, 0.7, 32);

    // Centre crop without resampling: source pixel (20, 20) lands on (16, 16).
    assertThat(out[16 * 32 + 16]).isEqualTo(1f);
    assertThat(out[16 * 32 + 15]).isCloseTo(SOFT_TISSUE.apply(0), within(1e-6f));
  }

  private static float[] disc(int side, double mm, double radiusMm) {
    float[] hu = new float[side * side];
    double c = side / 2.0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double dy = (y + 0.5 - c) * mm;
        double dx = (x + 0.5 - c) * mm;
        hu[y * side + x] = dx * dx + dy * dy <= radiusMm * radiusMm ? 240 : -1000;
      }
    }
    return hu;
  }

  @Test
  void invertsMonochromeOneSoThatDenseStaysBright() {
    float[] out = prepare(new float[] {240}, 1, null, true, Normalisation.WINDOW, 1);

    assertThat(out[0]).isZero();
  }

  private static float[] prepare(float[] hu, int side, PixelSpacing spacing, boolean inverted,
      Normalisation normalisation, int size) {
    return SlicePreprocessor.prepare(hu, side, side, spacing, inverted, SOFT_TISSUE, normalisation,
        ResizePolicy.ASPECT, 0, size);
  }
}
