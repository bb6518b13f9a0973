package org.oncofed.coordinator.experiment;

import jakarta.inject.Singleton;
import java.util.List;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.common.SiteId;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.Optimizer;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.plan.ExperimentPlan;

/**
 * The checks bean validation cannot express: names that must exist in the catalogue or among the
 * strategies, settings that depend on each other. Each failure names the field.
 */
@Singleton
class ExperimentConfigValidator {

  static final List<String> METRICS = List.of("accuracy", "macro_f1", "macro_auc");

  private final ModelCatalogue catalogue = ModelCatalogue.standard();

  /** Returns the configuration with defaults filled in, or throws naming the first bad field. */
  ExperimentConfig validate(ExperimentConfig request) {
    ExperimentConfig config = request.withDefaults();
    check("model.architecture", () -> catalogue.architecture(config.model().architecture()));
    check("model.inputSize", () -> catalogue.validate(ExperimentPlan.of("validation", config).spec()));
    if (config.model().channels() != 1 && config.model().channels() != 3) {
      throw new InvalidRequestException("model.channels", "must be 1 or 3, found " + config.model().channels());
    }
    check("training.optimizer", () -> Optimizer.fromWireName(config.training().optimizer()));
    check("strategy", () -> AggregationStrategies.create(config.strategy().name(), config.strategy().settings()));
    if (config.earlyStopping() != null && !METRICS.contains(config.earlyStopping().metric())) {
      throw new InvalidRequestException("earlyStopping.metric", "unknown metric '" + config.earlyStopping().metric()
          + "': expected one of " + METRICS);
    }
    if (config.privacy().noiseMultiplier() > 0 && config.privacy().clipNorm() <= 0) {
      throw new InvalidRequestException("privacy.noiseMultiplier",
          "noise is scaled by the clip norm, so privacy.clipNorm must be positive when noise is added");
    }
    for (String site : config.sites()) {
      check("sites", () -> SiteId.of(site));
    }
    if (!config.sites().isEmpty() && config.sites().size() < config.minNodes()) {
      throw new InvalidRequestException("minNodes", "quorum of " + config.minNodes() + " cannot be met by the "
          + config.sites().size() + " allowed sites");
    }
    return config;
  }

  private static void check(String field, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, e.getMessage());
    }
  }
}
