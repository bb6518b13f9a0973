package org.oncofed.node.train;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The result of a completed local training task.
 *
 * @param parameters the trained parameters, in DL4J {@code params()} order
 * @param sampleCount examples per epoch: the update's weight in federated averaging
 * @param loss mean training loss of the last epoch
 * @param accuracy share of the last epoch's examples the model classified correctly just before
 *     training on them (the running accuracy Keras also reports)
 * @param epochs progress of every epoch run, in order
 * @param bestEpoch with a hold-out, the epoch whose parameters these are (loss and accuracy are of that epoch)
 * @param holdoutLoss with a hold-out, the mean loss of the returned parameters on it; NaN without
 */
public record TrainingOutcome(
    float[] parameters, long sampleCount, double loss, double accuracy, List<EpochProgress> epochs,
    OptionalInt bestEpoch, double holdoutLoss) {

  public TrainingOutcome {
    epochs = List.copyOf(epochs);
  }

  /** Training throughput over all epochs. */
  public double examplesPerSecond() {
    double seconds = epochs.stream().mapToDouble(EpochProgress::seconds).sum();
    long examples = epochs.stream().mapToLong(EpochProgress::examples).sum();
    return seconds > 0 ? examples / seconds : Double.NaN;
  }

  /** Aggregate metrics for the update header, under the names the coordinator expects. */
  public Map<String, Double> metrics() {
    Map<String, Double> metrics = new TreeMap<>(Map.of(
        "train_loss", loss,
        "train_accuracy", accuracy,
        "train_examples_per_second", examplesPerSecond()));
    bestEpoch.ifPresent(epoch -> {
      metrics.put("train_best_epoch", (double) epoch);
      metrics.put("train_epochs_run", (double) epochs.size());
      metrics.put("holdout_loss", holdoutLoss);
    });
    return metrics;
  }
}
