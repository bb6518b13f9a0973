package org.oncofed.common.model;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The training-only parts of a network's DL4J configuration: optimiser, weight decay and loss
 * class weights. They never change the parameter layout, so a network built with any setup reads
 * and writes the same parameter vectors.
 */
public final class TrainingSetup {

  private final IUpdater updater;
  private final double weightDecay;
  private final double[] classWeights;

  private TrainingSetup(IUpdater updater, double weightDecay, double[] classWeights) {
    this.updater = updater;
    this.weightDecay = weightDecay;
    this.classWeights = classWeights;
  }

  /** For networks that are only initialised, stored or evaluated: the updater is never used. */
  public static TrainingSetup inference() {
    return new TrainingSetup(new Adam(), 0, null);
  }

  /**
   * The setup a training task asks for.
   *
   * @param classWeights per-class loss weights in output order, or {@code null} for an unweighted
   *     loss; every weight must be finite and positive
   */
  public static TrainingSetup of(TrainingConfig config, double[] classWeights) {
    Objects.requireNonNull(config, "config");
    if (classWeights != null) {
      for (double weight : classWeights) {
        if (!(weight > 0) || !Double.isFinite(weight)) {
          throw new IllegalArgumentException(
              "class weights must be finite and positive, found " + Arrays.toString(classWeights));
        }
      }
    }
    return new TrainingSetup(
        config.optimizer().updater(config.learningRate()),
        config.weightDecay(),
        classWeights == null ? null : classWeights.clone());
  }

  IUpdater updater() {
    return updater.clone();
  }

  double weightDecay() {
    return weightDecay;
  }

  /** Copy of the loss weights, or {@code null} for an unweighted loss. */
  double[] classWeights() {
    return classWeights == null ? null : classWeights.clone();
  }
}
