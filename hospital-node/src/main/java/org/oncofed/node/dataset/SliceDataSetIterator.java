package org.oncofed.node.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.oncofed.common.TumourClass;

/**
 * Batches of one split for DL4J: features NCHW float32 ({@code [batch, channels, size, size]},
 * values 0..1, the grey channel replicated when 3 channels are asked for), labels one-hot over
 * {@link TumourClass} in ordinal order. The training split is reshuffled and augmented anew each
 * epoch (deterministically from the seed); validation and test come in a fixed order, unaugmented.
 * Slices are read from the {@link SliceStore}, never decoded here.
 */
public final class SliceDataSetIterator implements DataSetIterator {

  private static final long serialVersionUID = 1L;

  private final transient List<SliceRef> slices;
  private final transient SliceStore store;
  private final PreprocessingOptions options;
  private final boolean training;
  private final long[] classCounts;
  private int[] order;
  private int cursor;
  private int epoch;
  private DataSetPreProcessor preProcessor;

  SliceDataSetIterator(DatasetSplit split, SliceStore store, PreprocessingOptions options) {
    this.slices = split.slices();
    this.store = store;
    this.options = options;
    this.training = split.role() == DatasetSplit.Role.TRAIN;
    this.classCounts = split.classCounts();
    this.order = ordering(0);
  }

  /** Slices per class in {@link TumourClass} order, for class-weighted loss. */
  public long[] classCounts() {
    return classCounts.clone();
  }

  /** Number of slices in the split. */
  public int numExamples() {
    return slices.size();
  }

  @Override
  public boolean hasNext() {
    return cursor < slices.size();
  }

  @Override
  public DataSet next() {
    return next(options.batchSize());
  }

  @Override
  public DataSet next(int num) {
    if (!hasNext()) {
      throw new NoSuchElementException("no slices left in this epoch");
    }
    int n = Math.min(num, slices.size() - cursor);
    int size = options.inputSize();
    int plane = size * size;
    int channels = options.channels();
    int classes = TumourClass.values().length;
    float[] features = new float[n * channels * plane];
    float[] labels = new float[n * classes];
    for (int i = 0; i < n; i++) {
      int position = cursor + i;
      SliceRef slice = slices.get(order[position]);
      float[] values = load(slice);
      if (training && options.augment()) {
        values = Augmenter.augment(values, size, new SplittableRandom(mix(options.seed(), epoch, position)));
      }
      for (int c = 0; c < channels; c++) {
        System.arraycopy(values, 0, features, (i * channels + c) * plane, plane);
      }
      labels[i * classes + slice.label().ordinal()] = 1;
    }
    cursor += n;
    DataSet batch = new DataSet(
        Nd4j.create(features, new long[] {n, channels, size, size}, DataType.FLOAT),
        Nd4j.create(labels, new long[] {n, classes}, DataType.FLOAT));
    if (preProcessor != null) {
      preProcessor.preProcess(batch);
    }
    return batch;
  }

  @Override
  public int inputColumns() {
    return options.channels() * options.inputSize() * options.inputSize();
  }

  @Override
  public int totalOutcomes() {
    return TumourClass.values().length;
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    return true;
  }

  /**
   * Positions the iterator so that the next {@link #reset()} starts epoch {@code epochsBefore + 1}:
   * the order and augmentations a task sees then depend on its seed and on how many epochs came
   * before it in the experiment, never on what this process happened to read earlier (a restart,
   * a cancelled task, another experiment).
   */
  public void rewindTo(int epochsBefore) {
    if (epochsBefore < 0) {
      throw new IllegalArgumentException("epochs before must not be negative, found " + epochsBefore);
    }
    cursor = 0;
    epoch = epochsBefore;
    order = ordering(epoch);
  }

  /** Starts the next epoch: training data gets a new order and new augmentations. */
  @Override
  public void reset() {
    cursor = 0;
    epoch++;
    order = ordering(epoch);
  }

  @Override
  public int batch() {
    return options.batchSize();
  }

  @Override
  public void setPreProcessor(DataSetPreProcessor preProcessor) {
    this.preProcessor = preProcessor;
  }

  @Override
  public DataSetPreProcessor getPreProcessor() {
    return preProcessor;
  }

  @Override
  public List<String> getLabels() {
    return TumourClass.labels();
  }

  private float[] load(SliceRef slice) {
    try {
      return store.load(slice);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int[] ordering(int forEpoch) {
    int[] o = new int[slices.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    if (training) {
      SplittableRandom random = new SplittableRandom(mix(options.seed(), forEpoch, -1));
      for (int i = o.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = o[i];
        o[i] = o[j];
        o[j] = t;
      }
    }
    return o;
  }

  private static long mix(long seed, int epoch, int position) {
    return seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + position * 0x165667B19E3779F9L;
  }
}
