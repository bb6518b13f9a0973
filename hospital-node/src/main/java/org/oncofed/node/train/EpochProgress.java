package org.oncofed.node.train;

/**
 * Progress of a training task after one epoch, as the node prints it and reports it on its
 * control stream (TaskProgress).
 *
 * @param epoch the epoch just finished, 1-based
 * @param totalEpochs epochs in the task
 * @param loss mean training loss over the epoch's examples (class-weighted when the task asks
 *     for a class-weighted loss)
 * @param fractionDone share of the task done, {@code epoch / totalEpochs}
 * @param examples examples seen in the epoch
 * @param seconds wall-clock time of the epoch
 */
public record EpochProgress(int epoch, int totalEpochs, double loss, double fractionDone, long examples, double seconds) {

  /** Training throughput of the epoch. */
  public double examplesPerSecond() {
    return seconds > 0 ? examples / seconds : Double.NaN;
  }
}
