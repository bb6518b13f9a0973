package org.oncofed.node.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.oncofed.common.metrics.ConfusionMatrix;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.ScoreHistogram;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingSetup;

/**
 * Evaluates a model on local data and keeps only aggregates: a confusion matrix, per-class
 * one-vs-rest histograms of the softmax scores, and the mean loss. No per-example prediction is
 * kept or returned, so the result may leave the site.
 */
public final class LocalEvaluator {

  /** Upper bound on histogram bins: finer bins would approach per-example scores. */
  public static final int MAX_BINS = 1000;

  /** Probabilities are clipped here before the logarithm, as DL4J's cross-entropy does. */
  private static final double MIN_PROBABILITY = 1e-10;

  private final ModelCatalogue catalogue;

  public LocalEvaluator(ModelCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    ComputeBackend.environment();
  }

  /**
   * Evaluates the model {@code parameters} describe for {@code spec}.
   *
   * @param data minibatches of the split to evaluate, prepared without augmentation
   * @param bins equal-width histogram bins on [0, 1], 1 to {@link #MAX_BINS}
   * @throws TaskCancelledException when {@code cancel} is signalled
   * @throws IllegalStateException when the model produces non-finite scores
   */
  public EvaluationCounts evaluate(
      ModelSpec spec, float[] parameters, DataSetIterator data, int bins, CancellationSignal cancel) {
    Objects.requireNonNull(parameters, "parameters");
    ComputationGraph network = catalogue.build(catalogue.validate(spec), TrainingSetup.inference(), parameters);
    return evaluate(network, spec, data, bins, cancel);
  }

  /** Evaluates a network already built for {@code spec}, such as one just trained. */
  public EvaluationCounts evaluate(
      ComputationGraph network, ModelSpec spec, DataSetIterator data, int bins, CancellationSignal cancel) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(cancel, "cancel");
    if (bins < 1 || bins > MAX_BINS) {
      throw new IllegalArgumentException("histogram bins must be between 1 and " + MAX_BINS + ", found " + bins);
    }
    Tally tally = new Tally(spec.classCount(), bins);
    DataSetIterator batches = Batches.prefetching(data);
    try {
      Batches.rewind(batches, 1);
      while (true) {
        cancel.throwIfCancelled("evaluation", 1, 1, tally.batches);
        if (!batches.hasNext()) {
          break;
        }
        DataSet batch = batches.next();
        Batches.check(batch, spec);
        float[][] scores = network.outputSingle(false, batch.getFeatures()).castTo(DataType.FLOAT).toFloatMatrix();
        float[][] labels = batch.getLabels().castTo(DataType.FLOAT).toFloatMatrix();
        for (int i = 0; i < scores.length; i++) {
          tally.add(argMax(labels[i]), scores[i]);
        }
        tally.batches++;
      }
    } finally {
      Batches.close(batches);
    }
    return tally.counts();
  }

  private static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Confusion counts, histograms and loss sum, filled one example at a time. */
  private static final class Tally {
    private final int classes;
    private final long[] confusion;
    private final long[][] positives;
    private final long[][] negatives;
    private double lossSum;
    private long batches;

    Tally(int classes, int bins) {
      this.classes = classes;
      this.confusion = new long[classes * classes];
      this.positives = new long[classes][bins];
      this.negatives = new long[classes][bins];
    }

    void add(int actual, float[] scores) {
      for (float score : scores) {
        if (!Float.isFinite(score)) {
          throw new IllegalStateException("the model produced a non-finite score (" + score + "); it cannot be evaluated");
        }
      }
      confusion[actual * classes + argMax(scores)]++;
      lossSum -= Math.log(Math.max(scores[actual], MIN_PROBABILITY));
      int bins = positives[0].length;
      for (int c = 0; c < classes; c++) {
        // Softmax output can exceed 1 by a rounding error; clamp before binning.
        int bin = ScoreHistogram.binOf(Math.min(1.0, Math.max(0.0, scores[c])), bins);
        (c == actual ? positives : negatives)[c][bin]++;
      }
    }

    EvaluationCounts counts() {
      ConfusionMatrix matrix = ConfusionMatrix.of(classes, confusion);
      List<ScoreHistogram> histograms = new ArrayList<>(classes);
      for (int c = 0; c < classes; c++) {
        histograms.add(ScoreHistogram.of(c, positives[c], negatives[c]));
      }
      long examples = matrix.total();
      return new EvaluationCounts(matrix, histograms, examples == 0 ? Double.NaN : lossSum / examples);
    }
  }
}
