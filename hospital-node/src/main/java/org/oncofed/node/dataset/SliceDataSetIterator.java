package org.oncofed.node.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.oncofed.common.TumourClass;

/**
 * Batches of one split for DL4J: features NCHW float32 ({@code [batch, channels, size, size]}, the
 * grey channel replicated when 3 channels are asked for, or the previous, this and the next frame
 * of the instance with neighbouring slices), labels one-hot over {@link TumourClass} in ordinal
 * order. The training split is reshuffled, oversampled and augmented anew each epoch
 * (deterministically from the seed); validation and test come in a fixed order, unaugmented.
 * Slices are read from the {@link SliceStore}, never decoded here.
 */
public final class SliceDataSetIterator implements DataSetIterator {

  private static final long serialVersionUID = 1L;

  private final transient List<SliceRef> slices;
  private final transient SliceStore store;
  private final PreprocessingOptions options;
  private final boolean training;
  private final long[] classCounts;
  private final transient Map<String, SliceRef> byFrame;
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
    this.byFrame = options.neighbourSlices() ? byFrame(slices) : Map.of();
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

  /** The options the slices are prepared with. */
  public PreprocessingOptions options() {
    return options;
  }

  @Override
  public boolean hasNext() {
    return cursor < order.length;
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
    int n = Math.min(num, order.length - cursor);
    int size = options.inputSize();
    int plane = size * size;
    int channels = options.channels();
    int classes = TumourClass.values().length;
    float[] features = new float[n * channels * plane];
    float[] labels = new float[n * classes];
    for (int i = 0; i < n; i++) {
      int position = cursor + i;
      SliceRef slice = slices.get(order[position]);
      for (int c = 0; c < channels; c++) {
        float[] values = load(options.neighbourSlices() ? neighbour(slice, c - 1) : slice);
        if (training && options.augment()) {
          // The same seed gives every channel the same transform.
          values = Augmenter.augment(values, size, new SplittableRandom(mix(options.seed(), epoch, position)));
        }
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
    int[] o = training && options.oversample() ? oversampled(forEpoch) : identity(slices.size());
    if (training) {
      shuffle(o, new SplittableRandom(mix(options.seed(), forEpoch, -1)));
    }
    return o;
  }

  /**
   * Every slice of each class present, repeated so that each class is drawn as often as the
   * largest: whole copies, then the remainder drawn without repetition by a seeded shuffle.
   */
  private int[] oversampled(int forEpoch) {
    long largest = Arrays.stream(classCounts).max().orElse(0);
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classCounts.length; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < slices.size(); i++) {
      byClass.get(slices.get(i).label().ordinal()).add(i);
    }
    SplittableRandom random = new SplittableRandom(mix(options.seed(), forEpoch, -2));
    int[] o = new int[(int) (largest * byClass.stream().filter(l -> !l.isEmpty()).count())];
    int next = 0;
    for (List<Integer> members : byClass) {
      if (members.isEmpty()) {
        continue;
      }
      for (int k = 0; k < largest / members.size(); k++) {
        for (int index : members) {
          o[next++] = index;
        }
      }
      int[] rest = members.stream().mapToInt(Integer::intValue).toArray();
      shuffle(rest, random);
      for (int k = 0; k < largest % members.size(); k++) {
        o[next++] = rest[k];
      }
    }
    return o;
  }

  private static int[] identity(int n) {
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    return o;
  }

  private static void shuffle(int[] o, SplittableRandom random) {
    for (int i = o.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
  }

  /** The frame {@code offset} away in the same instance, or the slice itself past the instance's ends. */
  private SliceRef neighbour(SliceRef slice, int offset) {
    return offset == 0 ? slice : byFrame.getOrDefault(frameKey(slice.path(), slice.frame() + offset), slice);
  }

  private static Map<String, SliceRef> byFrame(List<SliceRef> slices) {
    Map<String, SliceRef> map = new HashMap<>();
    slices.forEach(s -> map.put(frameKey(s.path(), s.frame()), s));
    return map;
  }

  private static String frameKey(String path, int frame) {
    return frame + "/" + path;
  }

  private static long mix(long seed, int epoch, int position) {
    return seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + position * 0x165667B19E3779F9L;
  }
}
