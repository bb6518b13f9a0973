package org.oncofed.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.oncofed.common.metrics.ClassificationMetrics;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.NetworkParameters;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.Optimizer;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.TrainingSetup;

class LocalTrainerTest {

  private static final ModelCatalogue CATALOGUE = ModelCatalogue.standard();
  private static final ModelSpec SPEC = new ModelSpec("small-cnn", 32, 1, List.of("empty", "disc", "ring"), 42);
  private static final List<DataSet> SMALL = SyntheticSlices.examples(4, 32, 1);

  private final LocalTrainer trainer = new LocalTrainer(CATALOGUE);

  private static float[] initial() {
    return NetworkParameters.read(CATALOGUE.initialise(SPEC));
  }

  private static TrainingConfig config(int epochs, boolean classWeighted) {
    return new TrainingConfig(epochs, 4, Optimizer.ADAM, 0.01, 0, classWeighted, false, 7, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);
  }

  @Test
  void smallCnnLearnsDiscsRingsAndEmptySlicesWellAboveChance() {
    TrainingConfig config = new TrainingConfig(4, 8, Optimizer.ADAM, 0.003, 0, false, false, 7, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);
    TrainingRequest request = new TrainingRequest(SPEC, initial(), config, null);

    TrainingOutcome outcome = trainer.train(
        request, SyntheticSlices.iterator(SyntheticSlices.examples(16, 32, 2), 8), TrainingProgressListener.NONE,
        CancellationSignal.none());
    EvaluationCounts heldOut = new LocalEvaluator(CATALOGUE).evaluate(
        SPEC, outcome.parameters(), SyntheticSlices.iterator(SyntheticSlices.examples(20, 32, 3), 32), 10,
        CancellationSignal.none());

    assertThat(outcome.sampleCount()).isEqualTo(48);
    assertThat(ClassificationMetrics.of(heldOut).accuracy()).isGreaterThan(0.8);
  }

  @Test
  void withAHoldOutReturnsTheBestEpochsParametersAndStopsAfterThePatience() {
    // A learning rate this high overshoots, so the hold-out loss stops improving within a few epochs.
    TrainingConfig config = new TrainingConfig(12, 4, Optimizer.ADAM, 0.05, 0, false, false, 7, 40, 400,
        Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0.2, 2);
    List<DataSet> holdout = SyntheticSlices.examples(4, 32, 9);

    TrainingOutcome outcome = trainer.train(new TrainingRequest(SPEC, initial(), config, null),
        SyntheticSlices.iterator(SMALL, 4), SyntheticSlices.inMemoryIterator(holdout, 4),
        TrainingProgressListener.NONE, CancellationSignal.none());

    int best = outcome.bestEpoch().orElseThrow();
    int run = outcome.epochs().size();
    assertThat(run).as("epochs run").isLessThanOrEqualTo(12);
    if (run < 12) {
      assertThat(run).as("stopped %d epochs after the best", config.patience()).isEqualTo(best + config.patience());
    }
    ComputationGraph kept = CATALOGUE.build(SPEC, TrainingSetup.of(config, null), outcome.parameters());
    double loss = holdout.stream().mapToDouble(example -> kept.score(example, false)).average().orElseThrow();
    assertThat(loss).isCloseTo(outcome.holdoutLoss(), within(1e-4));
    assertThat(outcome.metrics()).containsEntry("train_best_epoch", (double) best)
        .containsEntry("train_epochs_run", (double) run);
  }

  @Test
  void startsFromTheGivenParametersWithoutChangingThemAndReportsTheEpochSize() {
    float[] start = initial();
    float[] copy = start.clone();

    TrainingOutcome outcome = trainer.train(
        new TrainingRequest(SPEC, start, config(1, false), null), SyntheticSlices.iterator(SMALL, 4),
        TrainingProgressListener.NONE, CancellationSignal.none());

    assertThat(start).containsExactly(copy);
    assertThat(outcome.parameters()).hasSameSizeAs(start).isNotEqualTo(start);
    assertThat(outcome.sampleCount()).isEqualTo(12);
    assertThat(outcome.accuracy()).isBetween(0.0, 1.0);
    assertThat(outcome.metrics()).containsKeys("train_loss", "train_accuracy");
  }

  @Test
  void resnetLiteTrainsThroughItsResidualBlocks() {
    ModelSpec spec = new ModelSpec("resnet-lite", 32, 1, List.of("empty", "disc", "ring"), 3);
    float[] start = NetworkParameters.read(CATALOGUE.initialise(spec));
    TrainingConfig config = new TrainingConfig(1, 4, Optimizer.NESTEROVS, 0.01, 1e-4, false, false, 7, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);

    TrainingOutcome outcome = trainer.train(new TrainingRequest(spec, start, config, null),
        SyntheticSlices.iterator(SMALL, 4), TrainingProgressListener.NONE, CancellationSignal.none());

    assertThat(outcome.parameters()).hasSameSizeAs(start).isNotEqualTo(start);
    assertThat(outcome.loss()).isFinite();
  }

  @Test
  void reportsProgressAfterEveryEpoch() {
    List<EpochProgress> seen = new ArrayList<>();

    TrainingOutcome outcome = trainer.train(
        new TrainingRequest(SPEC, initial(), config(2, false), null), SyntheticSlices.iterator(SMALL, 4), seen::add,
        CancellationSignal.none());

    assertThat(seen).extracting(EpochProgress::epoch).containsExactly(1, 2);
    assertThat(seen).extracting(EpochProgress::fractionDone).containsExactly(0.5, 1.0);
    assertThat(seen).allSatisfy(p -> {
      assertThat(p.totalEpochs()).isEqualTo(2);
      assertThat(p.examples()).isEqualTo(12);
      assertThat(p.loss()).isPositive().isFinite();
    });
    assertThat(outcome.loss()).isEqualTo(seen.get(1).loss());
  }

  @Test
  void sameSeedDataAndStartGiveTheSameUpdate() {
    TrainingRequest request = new TrainingRequest(SPEC, initial(), config(1, false), null);

    float[] first = trainer.train(request, SyntheticSlices.iterator(SMALL, 4), TrainingProgressListener.NONE,
        CancellationSignal.none()).parameters();
    float[] second = trainer.train(request, SyntheticSlices.iterator(SMALL, 4), TrainingProgressListener.NONE,
        CancellationSignal.none()).parameters();

    assertThat(second).containsExactly(first);
  }

  @Test
  void classWeightedLossChangesTheUpdate() {
    long[] counts = {8, 2, 2};
    float[] start = initial();

    float[] plain = trainer.train(new TrainingRequest(SPEC, start, config(1, false), counts),
        SyntheticSlices.iterator(SMALL, 4), TrainingProgressListener.NONE, CancellationSignal.none()).parameters();
    float[] weighted = trainer.train(new TrainingRequest(SPEC, start, config(1, true), counts),
        SyntheticSlices.iterator(SMALL, 4), TrainingProgressListener.NONE, CancellationSignal.none()).parameters();

    assertThat(weighted).isNotEqualTo(plain);
  }

  @Test
  void cancelledTaskThrowsBetweenMinibatchesAndReturnsNothing() {
    CancellationSignal cancel = new CancellationSignal();
    TrainingRequest request = new TrainingRequest(SPEC, initial(), config(3, false), null);

    assertThatThrownBy(() -> trainer.train(request, SyntheticSlices.iterator(SMALL, 4),
            progress -> cancel.cancel("round 4 closed by the coordinator"), cancel))
        .isInstanceOf(TaskCancelledException.class)
        .hasMessage("training cancelled in epoch 2 of 3 after 0 minibatch(es): round 4 closed by the coordinator");
  }

  @Test
  void rejectsMinibatchesThatDoNotFitTheSpec() {
    TrainingRequest request = new TrainingRequest(SPEC, initial(), config(1, false), null);

    assertThatThrownBy(() -> trainer.train(request, SyntheticSlices.iterator(SyntheticSlices.examples(2, 40, 1), 4),
            TrainingProgressListener.NONE, CancellationSignal.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minibatch features have shape [4, 1, 40, 40], but small-cnn was specified for [n, 1, 32, 32] (NCHW)");
  }

  @Test
  void balancedClassWeightsCounterImbalanceAndLeaveAbsentClassesNeutral() {
    assertThat(ClassWeights.balanced(new long[] {6, 2, 0}))
        .containsExactly(new double[] {8.0 / 18, 8.0 / 6, 1.0}, within(1e-12));
    assertThatThrownBy(() -> ClassWeights.balanced(new long[] {0, 0, 0}))
        .hasMessage("cannot weight classes: the training split has no examples [0, 0, 0]");
  }
}
