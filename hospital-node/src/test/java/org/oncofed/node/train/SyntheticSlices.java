package org.oncofed.node.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * In-memory test slices with a pattern a small CNN can learn: noise only (class 0), a bright
 * filled disc (class 1) or a bright ring (class 2), at random positions and radii.
 */
final class SyntheticSlices {

  private SyntheticSlices() {}

  static List<DataSet> examples(int perClass, int size, long seed) {
    Random random = new Random(seed);
    List<DataSet> examples = new ArrayList<>();
    for (int i = 0; i < perClass; i++) {
      for (int label = 0; label < 3; label++) {
        float[] pixels = new float[size * size];
        double radius = size * (0.18 + 0.12 * random.nextDouble());
        double cx = size / 2.0 + (random.nextDouble() - 0.5) * size * 0.3;
        double cy = size / 2.0 + (random.nextDouble() - 0.5) * size * 0.3;
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            double r = Math.hypot(x - cx, y - cy);
            boolean lit = label == 1 ? r <= radius : label == 2 && Math.abs(r - radius) <= 1.5;
            pixels[y * size + x] = (float) ((lit ? 0.8 : 0.1) + 0.1 * random.nextGaussian());
          }
        }
        float[] oneHot = new float[3];
        oneHot[label] = 1;
        examples.add(
            new DataSet(
                Nd4j.createFromArray(pixels).reshape(1, 1, size, size), Nd4j.createFromArray(oneHot).reshape(1, 3)));
      }
    }
    Collections.shuffle(examples, random);
    return examples;
  }

  /**
   * Minibatches that, like the node's DICOM pipeline, allow asynchronous prefetching, so the
   * trainer's background loading path is exercised (DL4J's in-memory iterators refuse it).
   */
  static DataSetIterator iterator(List<DataSet> examples, int batchSize) {
    return new ListDataSetIterator<>(examples, batchSize) {
      @Override
      public boolean asyncSupported() {
        return true;
      }
    };
  }

  /** Minibatches read synchronously on the calling thread. */
  static DataSetIterator inMemoryIterator(List<DataSet> examples, int batchSize) {
    return new ListDataSetIterator<>(examples, batchSize);
  }
}
