package org.oncofed.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.ScoreHistogram;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;

class LocalEvaluatorTest {

  private static final ModelCatalogue CATALOGUE = ModelCatalogue.standard();
  private static final ModelSpec SPEC = new ModelSpec("small-cnn", 32, 1, List.of("empty", "disc", "ring"), 5);

  private final LocalEvaluator evaluator = new LocalEvaluator(CATALOGUE);

  @Test
  void countsAgreeWithTheNetworksOwnOutputAndLoss() {
    List<DataSet> examples = SyntheticSlices.examples(5, 32, 9);
    ComputationGraph network = CATALOGUE.initialise(SPEC);
    DataSet all = DataSet.merge(examples);
    float[][] scores = network.outputSingle(false, all.getFeatures()).toFloatMatrix();
    float[][] labels = all.getLabels().toFloatMatrix();
    long[] expectedConfusion = new long[9];
    long[][] expectedPositives = new long[3][4];
    for (int i = 0; i < scores.length; i++) {
      int actual = argMax(labels[i]);
      expectedConfusion[actual * 3 + argMax(scores[i])]++;
      expectedPositives[actual][ScoreHistogram.binOf(scores[i][actual], 4)]++;
    }

    EvaluationCounts counts =
        evaluator.evaluate(network, SPEC, SyntheticSlices.inMemoryIterator(examples, 4), 4, CancellationSignal.none());

    assertThat(counts.confusion().toRowMajor()).containsExactly(expectedConfusion);
    for (int c = 0; c < 3; c++) {
      assertThat(counts.histograms().get(c).positiveCounts()).containsExactly(expectedPositives[c]);
    }
    assertThat(counts.meanLoss()).isCloseTo(network.score(all), within(1e-4));
  }

  @Test
  void refusesBinCountsOutsideTheAllowedRange() {
    assertThatThrownBy(() -> evaluator.evaluate(CATALOGUE.initialise(SPEC), SPEC,
            SyntheticSlices.iterator(SyntheticSlices.examples(1, 32, 1), 4), 0, CancellationSignal.none()))
        .hasMessage("histogram bins must be between 1 and 1000, found 0");
  }

  @Test
  void cancelledEvaluationThrows() {
    CancellationSignal cancel = new CancellationSignal();
    cancel.cancel("node shutting down");

    assertThatThrownBy(() -> evaluator.evaluate(CATALOGUE.initialise(SPEC), SPEC,
            SyntheticSlices.iterator(SyntheticSlices.examples(1, 32, 1), 4), 10, cancel))
        .isInstanceOf(TaskCancelledException.class)
        .hasMessage("evaluation cancelled in epoch 1 of 1 after 0 minibatch(es): node shutting down");
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
}
