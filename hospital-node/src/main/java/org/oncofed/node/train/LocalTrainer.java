package org.oncofed.node.train;

import jakarta.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.NetworkParameters;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.TrainingSetup;

/**
 * Trains a catalogue network on the site's data for one round, starting from the global model.
 * The optimiser state starts fresh each round (as in FedAvg); the result is the new parameters
 * plus the sample count and training metrics, and nothing when the task is cancelled or fails.
 *
 * <p>Training runs minibatch by minibatch on the calling thread (data is prefetched on a
 * background thread) so that cancellation is checked between minibatches. One trainer may run
 * tasks one after another; ND4J computes each minibatch with all cores, so running tasks in
 * parallel would not be faster.
 */
public final class LocalTrainer {

  private final ModelCatalogue catalogue;

  public LocalTrainer(ModelCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    ComputeBackend.environment();
  }

  /**
   * Runs the task.
   *
   * @param data minibatches of the training split: NCHW features, one-hot labels, already
   *     windowed, normalised, shuffled and augmented as the task's config asks, in minibatches of
   *     its batch size; it is reset at the start of every epoch
   * @throws TaskCancelledException when {@code cancel} is signalled
   * @throws IllegalArgumentException when the request or the data do not fit the spec
   * @throws IllegalStateException when training diverges (non-finite loss)
   */
  public TrainingOutcome train(
      TrainingRequest request, DataSetIterator data, TrainingProgressListener listener, CancellationSignal cancel) {
    return train(request, data, null, listener, cancel);
  }

  /**
   * Runs the task, and with a {@code holdout} keeps the parameters of the epoch with the lowest
   * hold-out loss (the loss optimised, so class-weighted when asked) instead of the last one,
   * stopping once {@code patience} epochs in a row have not improved on it (never when patience
   * is 0).
   */
  public TrainingOutcome train(TrainingRequest request, DataSetIterator data, @Nullable DataSetIterator holdout,
      TrainingProgressListener listener, CancellationSignal cancel) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancel, "cancel");
    ModelSpec spec = catalogue.validate(request.spec());
    TrainingConfig config = request.config();
    double[] classWeights = config.classWeightedLoss() ? ClassWeights.balanced(request.classCounts()) : null;
    ComputationGraph network =
        catalogue.build(spec, TrainingSetup.of(config, classWeights), request.initialParameters());
    Nd4j.getRandom().setSeed(config.seed());
    ForwardPassAccuracy accuracy = new ForwardPassAccuracy(network);
    network.setListeners(accuracy);

    List<EpochProgress> epochs = new ArrayList<>();
    EpochTally last = null;
    BestEpoch best = holdout == null ? null : new BestEpoch();
    DataSetIterator batches = Batches.prefetching(data);
    try {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        last = runEpoch(network, spec, batches, accuracy, epoch, config.epochs(), cancel);
        EpochProgress progress = last.progress(epoch, config.epochs());
        epochs.add(progress);
        listener.epochFinished(progress);
        if (best != null) {
          best.offer(epoch, holdoutLoss(network, spec, holdout), last, network);
          if (config.patience() > 0 && epoch - best.epoch >= config.patience()) {
            break;
          }
        }
      }
    } finally {
      Batches.close(batches);
    }
    if (best == null) {
      return new TrainingOutcome(NetworkParameters.read(network), epochs.get(0).examples(), last.meanLoss(),
          last.accuracy(), epochs, OptionalInt.empty(), Double.NaN);
    }
    return new TrainingOutcome(best.parameters, epochs.get(0).examples(), best.tally.meanLoss(),
        best.tally.accuracy(), epochs, OptionalInt.of(best.epoch), best.loss);
  }

  private static double holdoutLoss(ComputationGraph network, ModelSpec spec, DataSetIterator holdout) {
    holdout.reset();
    double sum = 0;
    long examples = 0;
    while (holdout.hasNext()) {
      DataSet batch = holdout.next();
      int size = Batches.check(batch, spec);
      sum += network.score(batch, false) * size;
      examples += size;
    }
    if (examples == 0) {
      throw new IllegalArgumentException("the hold-out data yielded no examples");
    }
    return sum / examples;
  }

  /** The epoch with the lowest hold-out loss so far, and its parameters. */
  private static final class BestEpoch {
    private int epoch;
    private double loss = Double.POSITIVE_INFINITY;
    private EpochTally tally;
    private float[] parameters;

    void offer(int candidate, double candidateLoss, EpochTally candidateTally, ComputationGraph network) {
      if (candidateLoss < loss) {
        epoch = candidate;
        loss = candidateLoss;
        tally = candidateTally;
        parameters = NetworkParameters.read(network);
      }
    }
  }

  private static EpochTally runEpoch(
      ComputationGraph network, ModelSpec spec, DataSetIterator batches, ForwardPassAccuracy accuracy, int epoch,
      int totalEpochs, CancellationSignal cancel) {
    Batches.rewind(batches, epoch);
    accuracy.reset();
    EpochTally tally = new EpochTally(System.nanoTime());
    while (true) {
      cancel.throwIfCancelled("training", epoch, totalEpochs, tally.batches);
      if (!batches.hasNext()) {
        break;
      }
      DataSet batch = batches.next();
      int size = Batches.check(batch, spec);
      accuracy.expect(batch.getLabels());
      network.fit(batch);
      tally.add(size, network.score());
    }
    tally.correct = accuracy.correct();
    if (tally.examples == 0) {
      throw new IllegalArgumentException("the training data yielded no examples in epoch " + epoch);
    }
    if (!Double.isFinite(tally.meanLoss())) {
      throw new IllegalStateException(
          "training diverged: mean loss " + tally.meanLoss() + " in epoch " + epoch + " of " + totalEpochs
              + "; a lower learning rate may help");
    }
    return tally;
  }

  /** Running sums of one epoch. */
  private static final class EpochTally {
    private final long startNanos;
    private long batches;
    private long examples;
    private long correct;
    private double lossSum;

    EpochTally(long startNanos) {
      this.startNanos = startNanos;
    }

    void add(int size, double batchLoss) {
      batches++;
      examples += size;
      lossSum += batchLoss * size;
    }

    double meanLoss() {
      return lossSum / examples;
    }

    double accuracy() {
      return (double) correct / examples;
    }

    EpochProgress progress(int epoch, int totalEpochs) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      return new EpochProgress(epoch, totalEpochs, meanLoss(), (double) epoch / totalEpochs, examples, seconds);
    }
  }
}
