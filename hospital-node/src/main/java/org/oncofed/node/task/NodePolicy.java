package org.oncofed.node.task;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.proto.federation.v1.ModelSpec;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.TrainingConfig;

/** Checks a task against the site's policy; the reason for a refusal is what the coordinator is told. */
@Singleton
class NodePolicy {

  private final PolicyConfiguration policy;
  private final ModelCatalogue catalogue = ModelCatalogue.standard();

  NodePolicy(PolicyConfiguration policy) {
    this.policy = policy;
  }

  /**
   * Why a training task must be declined, or empty when the site accepts it. A local-only baseline
   * meets the same floors as an update: it leaves the site too, or its metrics do.
   */
  Optional<String> refuseTraining(ModelSpec spec, TrainingConfig training, PrivacyConfig privacy) {
    Optional<String> model = refuseModel(spec);
    if (model.isPresent()) {
      return model;
    }
    if (training.getEpochs() > policy.maxEpochs()) {
      return Optional.of("site policy allows at most " + policy.maxEpochs() + " epochs per task, the task asks for "
          + training.getEpochs());
    }
    if (training.getBatchSize() > policy.maxBatchSize()) {
      return Optional.of("site policy allows minibatches of at most " + policy.maxBatchSize() + ", the task asks for "
          + training.getBatchSize());
    }
    if (privacy.getNoiseMultiplier() < policy.minNoiseMultiplier()) {
      return Optional.of("site policy requires a noise multiplier of at least " + policy.minNoiseMultiplier()
          + ", the task asks for " + privacy.getNoiseMultiplier());
    }
    if (policy.maxClipNorm() > 0 && (privacy.getClipNorm() <= 0 || privacy.getClipNorm() > policy.maxClipNorm())) {
      return Optional.of("site policy requires updates clipped to a norm of at most " + policy.maxClipNorm()
          + ", the task asks for " + (privacy.getClipNorm() <= 0 ? "no clipping" : privacy.getClipNorm()));
    }
    return Optional.empty();
  }

  /** Whether the site's local-only baseline may leave it (else only its test counts do). */
  boolean sharesBaseline() {
    return policy.shareBaseline();
  }

  /** Why an evaluation (or the model part of a training task) must be declined. */
  Optional<String> refuseModel(ModelSpec spec) {
    if (!catalogue.names().contains(spec.getArchitecture())) {
      return Optional.of("architecture '" + spec.getArchitecture() + "' is not in this node's catalogue "
          + catalogue.names());
    }
    if (!policy.allowedArchitectures().isEmpty() && !policy.allowedArchitectures().contains(spec.getArchitecture())) {
      return Optional.of("site policy allows only " + policy.allowedArchitectures() + ", not '"
          + spec.getArchitecture() + "'");
    }
    if (spec.getInputSize() > policy.maxInputSize()) {
      return Optional.of("site policy allows inputs of at most " + policy.maxInputSize() + " px, the task asks for "
          + spec.getInputSize());
    }
    return Optional.empty();
  }
}
