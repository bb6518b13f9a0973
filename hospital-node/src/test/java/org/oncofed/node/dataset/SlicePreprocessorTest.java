package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
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
        Normalisation.WINDOW, 8);

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
  void invertsMonochromeOneSoThatDenseStaysBright() {
    float[] out = prepare(new float[] {240}, 1, null, true, Normalisation.WINDOW, 1);

    assertThat(out[0]).isZero();
  }

  private static float[] prepare(float[] hu, int side, PixelSpacing spacing, boolean inverted,
      Normalisation normalisation, int size) {
    return SlicePreprocessor.prepare(hu, side, side, spacing, inverted, SOFT_TISSUE, normalisation, size);
  }
}
