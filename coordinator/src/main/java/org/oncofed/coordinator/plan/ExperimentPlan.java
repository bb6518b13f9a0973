package org.oncofed.coordinator.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.common.TumourClass;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.Optimizer;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.proto.federation.v1.PrivacyConfig;

/**
 * A stored experiment configuration in the terms the round engine works with: the model spec,
 * the local training settings, the strategy, privacy filters and the schedule.
 */
public record ExperimentPlan(
    String experimentId,
    ExperimentConfig config,
    ModelSpec spec,
    TrainingConfig training,
    PrivacyConfig privacy) {

  /** Reads a stored configuration (complete, as written by {@link ExperimentConfig#withDefaults()}). */
  public static ExperimentPlan of(String experimentId, String configJson) {
    ExperimentConfig config;
    try {
      config = CanonicalJson.mapper().readValue(configJson, ExperimentConfig.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored configuration of experiment " + experimentId + " is unreadable", e);
    }
    return of(experimentId, config);
  }

  /** Derives the plan; fails with the message of the first invalid setting. */
  public static ExperimentPlan of(String experimentId, ExperimentConfig config) {
    ExperimentConfig.ModelConfig model = config.model();
    ExperimentConfig.LocalTraining local = config.training();
    ModelSpec spec = new ModelSpec(model.architecture(), model.inputSize(), model.channels(), TumourClass.labels(),
        model.seed());
    TrainingConfig training = new TrainingConfig(local.epochs(), local.batchSize(),
        Optimizer.fromWireName(local.optimizer()), local.learningRate(), local.weightDecay(), local.classWeightedLoss(),
        local.augment(), local.seed(), local.windowCenter(), local.windowWidth(),
        Normalisation.fromWireName(local.normalisation()), ResizePolicy.fromWireName(local.resizePolicy()),
        local.pixelSpacingMm(), local.neighbourSlices(), local.oversample(), local.holdoutFraction(), local.patience());
    PrivacyConfig privacy = PrivacyConfig.newBuilder()
        .setClipNorm(config.privacy().clipNorm())
        .setNoiseMultiplier(config.privacy().noiseMultiplier())
        .build();
    return new ExperimentPlan(experimentId, config, spec, training, privacy);
  }

  public AggregationStrategy strategy() {
    return AggregationStrategies.create(config.strategy().name(), settings());
  }

  public Map<String, Double> settings() {
    return config.strategy().settings();
  }

  public int rounds() {
    return config.rounds();
  }

  public int minNodes() {
    return config.minNodes();
  }

  public double sampleFraction() {
    return config.sampleFraction();
  }

  public Duration roundDeadline() {
    return Duration.ofSeconds(config.roundDeadlineSeconds());
  }

  public List<String> allowedSites() {
    return config.sites();
  }

  /** The local-only baseline's budget: as many epochs as a site trains over the whole experiment. */
  public TrainingConfig baselineTraining() {
    return training.withEpochs(training.epochs() * rounds());
  }
}
