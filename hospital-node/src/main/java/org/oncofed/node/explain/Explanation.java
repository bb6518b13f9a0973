package org.oncofed.node.explain;

import org.oncofed.node.dataset.Bilinear;

/**
 * What the network predicted for one slice and where it looked for one class.
 *
 * @param probabilities softmax output, in the model's class order
 * @param predicted index of the most probable class
 * @param explained index of the class the map explains
 * @param mapHeight rows of the last feature map
 * @param mapWidth columns of the last feature map
 * @param map class activation map at feature-map resolution, row-major, scaled to [0, 1]; all zero
 *     when nothing in the slice speaks for the explained class
 */
public record Explanation(
    float[] probabilities, int predicted, int explained, int mapHeight, int mapWidth, float[] map) {

  public Explanation {
    if (map.length != mapHeight * mapWidth) {
      throw new IllegalArgumentException(
          "a " + mapHeight + "x" + mapWidth + " map has " + mapHeight * mapWidth + " values, found " + map.length);
    }
  }

  /** The map resized bilinearly to {@code height × width}, to lie over the input slice. */
  public float[] heatmap(int height, int width) {
    return Bilinear.resize(map, mapHeight, mapWidth, height, width);
  }
}
