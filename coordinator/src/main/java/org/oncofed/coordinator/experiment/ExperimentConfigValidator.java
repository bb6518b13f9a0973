package org.oncofed.coordinator.experiment;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.common.SiteId;
import org.oncofed.common.TumourClass;
import org.oncofed.common.model.InvalidSettingException;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.Normalisation;
import org.oncofed.common.model.Optimizer;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.plan.ExperimentPlan;

/**
 * The checks the configuration's own constraints cannot express: names that must exist in the
 * catalogue or among the strategies, ranges that depend on the architecture, settings that depend
 * on each other. Each setting is checked here or by its constraint, never both, and each failure
 * names the field at fault, as a JSON path.
 */
@Singleton
class ExperimentConfigValidator {

  static final List<String> METRICS = List.of("accuracy", "macro_f1", "macro_auc");
  /** The channel counts a {@link ModelSpec} (and so every node) accepts. */
  private static final List<Integer> CHANNELS = List.of(1, 3);

  private final ModelCatalogue catalogue = ModelCatalogue.standard();

  /**
   * Returns the configuration with defaults filled in, or throws naming the first bad field. The
   * configuration's declared constraints must already hold.
   */
  ExperimentConfig validate(ExperimentConfig request) {
    ExperimentConfig config = request.withDefaults();
    checkModel(config.model());
    check("training.optimizer", () -> Optimizer.fromWireName(config.training().optimizer()));
    checkTraining(config);
    checkStrategy(config.strategy(), config.minNodes());
    if (config.earlyStopping() != null && !METRICS.contains(config.earlyStopping().metric())) {
      throw new InvalidRequestException("earlyStopping.metric", "unknown metric '" + config.earlyStopping().metric()
          + "': expected one of " + METRICS);
    }
    if (config.privacy().noiseMultiplier() > 0 && config.privacy().clipNorm() <= 0) {
      throw new InvalidRequestException("privacy.noiseMultiplier", "noise is scaled by the clip norm, so "
          + "privacy.clipNorm must be positive when noise is added; found clipNorm " + config.privacy().clipNorm()
          + " with noiseMultiplier " + config.privacy().noiseMultiplier());
    }
    checkSites(config.sites(), config.minNodes());
    return config;
  }

  private void checkModel(ExperimentConfig.ModelConfig model) {
    check("model.architecture", () -> catalogue.architecture(model.architecture()));
    if (!CHANNELS.contains(model.channels())) {
      throw new InvalidRequestException("model.channels", "expected 1 (grey) or 3 (grey replicated for 3-channel "
          + "backbones), found " + model.channels());
    }
    check("model.inputSize", () -> catalogue.validate(new ModelSpec(model.architecture(), model.inputSize(),
        model.channels(), TumourClass.labels(), model.seed())));
  }

  /**
   * The names of the data preparation settings, then the rules between training settings, which
   * {@link TrainingConfig} holds and names the setting of.
   */
  private static void checkTraining(ExperimentConfig config) {
    ExperimentConfig.LocalTraining training = config.training();
    check("training.normalisation", () -> Normalisation.fromWireName(training.normalisation()));
    check("training.resizePolicy", () -> ResizePolicy.fromWireName(training.resizePolicy()));
    try {
      ExperimentPlan.of("validation", config).training().checkChannels(config.model().channels());
    } catch (InvalidSettingException e) {
      throw new InvalidRequestException("training." + e.setting(), e.reason());
    }
  }

  /**
   * The strategy's name, then each setting on its own, then all of them together, so that an error
   * names the setting at fault; the strategies themselves hold the rules.
   */
  private static void checkStrategy(ExperimentConfig.StrategyConfig strategy, int minNodes) {
    check("strategy.name", () -> AggregationStrategies.create(strategy.name(), Map.of()));
    for (Map.Entry<String, Double> setting : strategy.settings().entrySet()) {
      check("strategy.settings." + setting.getKey(),
          () -> AggregationStrategies.create(strategy.name(), Map.of(setting.getKey(), setting.getValue())));
    }
    check("strategy.settings", () -> AggregationStrategies.create(strategy.name(), strategy.settings()));
    // A round aggregates with at least minNodes updates: that many must be enough for the strategy.
    int needed = AggregationStrategies.minimumUpdates(strategy.name(), strategy.settings());
    if (minNodes < needed) {
      throw new InvalidRequestException("minNodes", strategy.name() + " with settings " + strategy.settings()
          + " needs at least " + needed + " updates per round, so minNodes must be at least " + needed
          + "; found " + minNodes);
    }
  }

  private static void checkSites(List<String> sites, int minNodes) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < sites.size(); i++) {
      String site = sites.get(i);
      String field = "sites[" + i + "]";
      check(field, () -> SiteId.of(site));
      Integer earlier = firstIndex.putIfAbsent(site, i);
      if (earlier != null) {
        throw new InvalidRequestException(field, "site '" + site + "' is already listed at sites[" + earlier + "]");
      }
    }
    if (!sites.isEmpty() && sites.size() < minNodes) {
      throw new InvalidRequestException("minNodes", "quorum of " + minNodes + " cannot be met by the "
          + sites.size() + " allowed sites");
    }
  }

  private static void check(String field, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, e.getMessage());
    }
  }
}
