package org.oncofed.node.train;

import java.util.Objects;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingConfig;

/**
 * What one local training task needs besides its data.
 *
 * @param spec the network to build
 * @param initialParameters the global model to start from, in DL4J {@code params()} order; only read
 * @param config hyper-parameters and seed
 * @param classCounts the training split's examples per class in output order, for the
 *     class-weighted loss; may be {@code null} when {@code config.classWeightedLoss()} is false
 */
public record TrainingRequest(ModelSpec spec, float[] initialParameters, TrainingConfig config, long[] classCounts) {

  public TrainingRequest {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(initialParameters, "initialParameters");
    Objects.requireNonNull(config, "config");
    if (config.classWeightedLoss()) {
      Objects.requireNonNull(classCounts, "classCounts (needed for the class-weighted loss)");
      if (classCounts.length != spec.classCount()) {
        throw new IllegalArgumentException(
            "class counts must have one entry per class (" + spec.classCount() + "), found " + classCounts.length);
      }
    }
  }
}
