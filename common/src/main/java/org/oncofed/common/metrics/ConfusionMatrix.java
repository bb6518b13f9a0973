package org.oncofed.common.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of (actual class, predicted class) pairs, immutable. Rows are actual classes, columns
 * predicted classes, both indexed like the model's outputs; stored row-major as on the wire
 * ({@code counts[actual * classes + predicted]}). Matrices from several sites add up to the
 * pooled matrix, which is why sites report counts rather than rates.
 */
public final class ConfusionMatrix {

  private final int classes;
  private final long[] counts;

  private ConfusionMatrix(int classes, long[] counts) {
    this.classes = classes;
    this.counts = counts;
  }

  /** A matrix from row-major counts; the array is copied. */
  public static ConfusionMatrix of(int classes, long[] rowMajorCounts) {
    Objects.requireNonNull(rowMajorCounts, "rowMajorCounts");
    if (classes < 2) {
      throw new IllegalArgumentException("a confusion matrix needs at least 2 classes, found " + classes);
    }
    if (rowMajorCounts.length != classes * classes) {
      throw new IllegalArgumentException(
          "a " + classes + "-class confusion matrix has " + classes * classes + " counts, found " + rowMajorCounts.length);
    }
    for (long count : rowMajorCounts) {
      if (count < 0) {
        throw new IllegalArgumentException("confusion counts must be >= 0, found " + Arrays.toString(rowMajorCounts));
      }
    }
    return new ConfusionMatrix(classes, rowMajorCounts.clone());
  }

  public static ConfusionMatrix empty(int classes) {
    return of(classes, new long[classes * classes]);
  }

  public int classes() {
    return classes;
  }

  public long count(int actual, int predicted) {
    return counts[Objects.checkIndex(actual, classes) * classes + Objects.checkIndex(predicted, classes)];
  }

  public long total() {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /** Examples on the diagonal. */
  public long correct() {
    long correct = 0;
    for (int c = 0; c < classes; c++) {
      correct += count(c, c);
    }
    return correct;
  }

  /** Examples whose actual class is {@code c} (the row sum, the class's support). */
  public long actual(int c) {
    long sum = 0;
    for (int p = 0; p < classes; p++) {
      sum += count(c, p);
    }
    return sum;
  }

  /** Examples predicted as {@code c} (the column sum). */
  public long predicted(int c) {
    long sum = 0;
    for (int a = 0; a < classes; a++) {
      sum += count(a, c);
    }
    return sum;
  }

  public long truePositives(int c) {
    return count(c, c);
  }

  public long falsePositives(int c) {
    return predicted(c) - count(c, c);
  }

  public long falseNegatives(int c) {
    return actual(c) - count(c, c);
  }

  public long trueNegatives(int c) {
    return total() - actual(c) - predicted(c) + count(c, c);
  }

  /** The element-wise sum: the matrix of both sets of examples together. */
  public ConfusionMatrix plus(ConfusionMatrix other) {
    Objects.requireNonNull(other, "other");
    if (other.classes != classes) {
      throw new IllegalArgumentException(
          "cannot add a " + other.classes + "-class confusion matrix to a " + classes + "-class one");
    }
    long[] sum = counts.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.addExact(sum[i], other.counts[i]);
    }
    return new ConfusionMatrix(classes, sum);
  }

  public long[] toRowMajor() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix other && other.classes == classes && Arrays.equals(other.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * classes + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder rows = new StringBuilder("ConfusionMatrix[");
    for (int a = 0; a < classes; a++) {
      rows.append(a == 0 ? "" : ", ").append(Arrays.toString(Arrays.copyOfRange(counts, a * classes, (a + 1) * classes)));
    }
    return rows.append(']').toString();
  }
}
