package org.oncofed.coordinator.plan;

import io.micronaut.core.annotation.Nullable;
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
import org.oncofed.common.plan.SitePlans;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.PrivacyConfig;
import org.oncofed.proto.federation.v1.SitePlan;

/**
 * A stored experiment configuration in the terms the round engine works with: the model spec,
 * the local training settings, the strategy, privacy filters and the schedule. A plan that runs
 * also knows who runs it (coordinator and researcher), which completes the plan sites approve.
 *
 * @param parties the coordinator's and the researcher's names, once known; null for a plan only read
 */
public record ExperimentPlan(
    String experimentId,
    ExperimentConfig config,
    ModelSpec spec,
    TrainingConfig training,
    PrivacyConfig privacy,
    @Nullable Parties parties) {

  /** Who runs the experiment, by the names in their certificates. */
  public record Parties(String coordinator, String researcher) {}

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
    return new ExperimentPlan(experimentId, config, spec, training, privacy, null);
  }

  /** This plan, run by {@code parties}. */
  public ExperimentPlan runBy(Parties parties) {
    return new ExperimentPlan(experimentId, config, spec, training, privacy, parties);
  }

  /**
   * What every site approves before it trains or evaluates for this experiment; its hash is
   * {@link SitePlans#sha256}.
   *
   * @throws IllegalStateException for a plan that does not know who runs it
   */
  public SitePlan sitePlan() {
    if (parties == null) {
      throw new IllegalStateException("experiment " + experimentId + ": the plan sent to sites needs its coordinator"
          + " and researcher");
    }
    return SitePlan.newBuilder()
        .setCoordinator(parties.coordinator())
        .setExperimentId(experimentId)
        .setExperimentName(config.name())
        .setResearcher(parties.researcher())
        .setSpec(spec.toProto())
        .setTraining(training.toProto())
        .setPrivacy(privacy)
        .setStrategy(config.strategy().name())
        .putAllStrategySettings(settings())
        .setRounds(rounds())
        .setLocalBaselines(config.localBaselines())
        .setShareBaselines(config.localBaselines())
        .addEvaluationSplits(DataSplit.DATA_SPLIT_VALIDATION)
        .addEvaluationSplits(DataSplit.DATA_SPLIT_TEST)
        .build();
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
