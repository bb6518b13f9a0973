package org.oncofed.node.train;

import java.util.Arrays;
import org.nd4j.linalg.dataset.AsyncDataSetIterator;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.oncofed.common.model.ModelSpec;

/** Minibatch plumbing shared by training and evaluation. */
final class Batches {

  /** Minibatches prepared ahead of the one being computed. */
  private static final int PREFETCH = 2;

  private Batches() {}

  /**
   * Wraps the iterator so that the next minibatches are loaded, decoded and augmented on a
   * background thread while the current one is computed, as DL4J's own {@code fit} does. The
   * wrapper must be {@link #close closed}.
   */
  static DataSetIterator prefetching(DataSetIterator data) {
    return data.asyncSupported() ? new AsyncDataSetIterator(data, PREFETCH) : data;
  }

  static void close(DataSetIterator data) {
    if (data instanceof AsyncDataSetIterator async) {
      async.shutdown();
    }
  }

  /** Starts a pass over the data; fails when a pass after the first is needed and impossible. */
  static void rewind(DataSetIterator data, int pass) {
    if (data.resetSupported()) {
      data.reset();
    } else if (pass > 1) {
      throw new IllegalArgumentException(
          "the data iterator cannot be reset, so it cannot be read " + pass + " times");
    }
  }

  /**
   * Checks a minibatch against the spec (features NCHW {@code [n, channels, size, size]},
   * one-hot labels {@code [n, classes]}) and returns its number of examples.
   */
  static int check(DataSet batch, ModelSpec spec) {
    long[] features = batch.getFeatures().shape();
    long[] labels = batch.getLabels().shape();
    boolean featuresFit =
        features.length == 4
            && features[1] == spec.channels()
            && features[2] == spec.inputSize()
            && features[3] == spec.inputSize();
    if (!featuresFit) {
      throw new IllegalArgumentException(
          "minibatch features have shape " + Arrays.toString(features) + ", but " + spec.architecture()
              + " was specified for [n, " + spec.channels() + ", " + spec.inputSize() + ", " + spec.inputSize()
              + "] (NCHW)");
    }
    if (labels.length != 2 || labels[0] != features[0] || labels[1] != spec.classCount()) {
      throw new IllegalArgumentException(
          "minibatch labels have shape " + Arrays.toString(labels) + ", expected [" + features[0] + ", "
              + spec.classCount() + "] (one-hot, in the spec's class order)");
    }
    return (int) features[0];
  }
}
