package org.oncofed.common.metrics;

import java.util.Arrays;
import java.util.Objects;

/**
 * One-vs-rest histogram of the softmax score for one class, immutable: how many examples of that
 * class (positives) and of the other classes (negatives) scored in each of {@code bins}
 * equal-width bins on [0, 1]. Bin {@code b} holds scores in {@code [b/bins, (b+1)/bins)}; the last
 * bin also holds 1.0. Histograms from several sites add up, and ROC curves and AUC bounds follow
 * from them without any per-example score leaving a site.
 */
public final class ScoreHistogram {

  private final int classIndex;
  private final long[] positives;
  private final long[] negatives;

  private ScoreHistogram(int classIndex, long[] positives, long[] negatives) {
    this.classIndex = classIndex;
    this.positives = positives;
    this.negatives = negatives;
  }

  /** A histogram from its per-bin counts; the arrays are copied. */
  public static ScoreHistogram of(int classIndex, long[] positives, long[] negatives) {
    Objects.requireNonNull(positives, "positives");
    Objects.requireNonNull(negatives, "negatives");
    if (classIndex < 0) {
      throw new IllegalArgumentException("class index must be >= 0, found " + classIndex);
    }
    if (positives.length == 0 || positives.length != negatives.length) {
      throw new IllegalArgumentException(
          "score histogram of class " + classIndex + " needs the same positive number of positive and negative bins, found "
              + positives.length + " and " + negatives.length);
    }
    for (int b = 0; b < positives.length; b++) {
      if (positives[b] < 0 || negatives[b] < 0) {
        throw new IllegalArgumentException("score histogram of class " + classIndex + " has a negative count in bin " + b);
      }
    }
    return new ScoreHistogram(classIndex, positives.clone(), negatives.clone());
  }

  /**
   * The bin of a score in [0, 1] among {@code bins} equal-width bins; 1.0 falls in the last bin.
   *
   * @throws IllegalArgumentException for NaN or scores outside [0, 1]
   */
  public static int binOf(double score, int bins) {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("scores must lie in [0, 1], found " + score);
    }
    return Math.min((int) (score * bins), bins - 1);
  }

  public int classIndex() {
    return classIndex;
  }

  public int bins() {
    return positives.length;
  }

  public long positives(int bin) {
    return positives[bin];
  }

  public long negatives(int bin) {
    return negatives[bin];
  }

  public long positiveTotal() {
    return Arrays.stream(positives).sum();
  }

  public long negativeTotal() {
    return Arrays.stream(negatives).sum();
  }

  public long[] positiveCounts() {
    return positives.clone();
  }

  public long[] negativeCounts() {
    return negatives.clone();
  }

  /** The bin-wise sum with a histogram of the same class and bins. */
  public ScoreHistogram plus(ScoreHistogram other) {
    Objects.requireNonNull(other, "other");
    if (other.classIndex != classIndex || other.bins() != bins()) {
      throw new IllegalArgumentException(
          "cannot add the histogram of class " + other.classIndex + " with " + other.bins() + " bins to that of class "
              + classIndex + " with " + bins() + " bins");
    }
    long[] p = positives.clone();
    long[] n = negatives.clone();
    for (int b = 0; b < p.length; b++) {
      p[b] = Math.addExact(p[b], other.positives[b]);
      n[b] = Math.addExact(n[b], other.negatives[b]);
    }
    return new ScoreHistogram(classIndex, p, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreHistogram other
        && other.classIndex == classIndex
        && Arrays.equals(other.positives, positives)
        && Arrays.equals(other.negatives, negatives);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classIndex, Arrays.hashCode(positives), Arrays.hashCode(negatives));
  }

  @Override
  public String toString() {
    return "ScoreHistogram[class " + classIndex + ", positives " + Arrays.toString(positives) + ", negatives "
        + Arrays.toString(negatives) + "]";
  }
}
