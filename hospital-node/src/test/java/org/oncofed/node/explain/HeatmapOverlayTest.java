package org.oncofed.node.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapOverlayTest {

  @Test
  void smallSlicesAreScaledByAWholeFactorToAtLeast256Pixels() {
    assertThat(HeatmapOverlay.side(32)).isEqualTo(256);
    assertThat(HeatmapOverlay.side(64)).isEqualTo(256);
    assertThat(HeatmapOverlay.side(100)).isEqualTo(300);
    assertThat(HeatmapOverlay.side(224)).isEqualTo(448);
    assertThat(HeatmapOverlay.side(512)).isEqualTo(512);
  }

  @Test
  void coldPixelsShowTheSliceInGreyAndHotOnesBlendInTheTopOfTheColourMap(@TempDir Path dir) throws Exception {
    int size = 32;
    int side = HeatmapOverlay.side(size);
    float[] slice = new float[size * size];
    Arrays.fill(slice, 0.5f);
    float[] heat = new float[side * side];
    heat[10 * side + 200] = 1;
    Path file = dir.resolve("overlay.png");

    HeatmapOverlay.writePng(HeatmapOverlay.render(slice, size, heat, side), file);
    BufferedImage image = ImageIO.read(file.toFile());

    assertThat(image.getWidth()).isEqualTo(side);
    assertThat(image.getHeight()).isEqualTo(side);
    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0x808080);
    int hot = image.getRGB(200, 10) & 0xffffff;
    float a = HeatmapOverlay.MAX_ALPHA;
    assertThat(hot >> 16 & 0xff).isEqualTo(Math.round((1 - a) * 127.5f + a * 0xfc));
    assertThat(hot >> 8 & 0xff).isEqualTo(Math.round((1 - a) * 127.5f + a * 0xff));
    assertThat(hot & 0xff).isEqualTo(Math.round((1 - a) * 127.5f + a * 0xa4));
  }

  @Test
  void colourMapRunsFromNearBlackThroughRedToPaleYellow() {
    assertThat(HeatmapOverlay.colour(0)).isEqualTo(0x000004);
    assertThat(HeatmapOverlay.colour(0.5f)).isEqualTo(0xbc3754);
    assertThat(HeatmapOverlay.colour(1)).isEqualTo(0xfcffa4);
    assertThat(HeatmapOverlay.colour(2)).isEqualTo(0xfcffa4);
    assertThat(HeatmapOverlay.colour(Float.NaN)).isEqualTo(0x000004);
  }
}
