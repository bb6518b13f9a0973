package org.oncofed.client.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.RoundView;

/** Renders the experiment list and one experiment's status for people. */
final class StatusText {

  private StatusText() {}

  static String list(List<ExperimentView.Summary> experiments) {
    if (experiments.isEmpty()) {
      return "no experiments yet\n";
    }
    TextTable table = new TextTable("ID", "NAME", "STATUS", "ROUND", "BEST SCORE", "CREATED BY", "CREATED AT");
    for (ExperimentView.Summary e : experiments) {
      table.row(e.id(), e.name(), e.status(), e.currentRound() + "/" + e.rounds(), Format.metric(e.bestScore()),
          e.createdBy(), Format.time(e.createdAt()));
    }
    return table.render();
  }

  static String status(ExperimentView e) {
    ExperimentConfig c = e.config();
    StringBuilder text = new StringBuilder();
    field(text, "experiment", e.id() + "  \"" + e.name() + "\"");
    field(text, "status", e.status() + ", round " + e.currentRound() + " of " + e.rounds()
        + (e.statusReason() == null ? "" : " (" + e.statusReason() + ")"));
    field(text, "created", "by " + e.createdBy() + " at " + Format.time(e.createdAt())
        + (e.startedAt() == null ? "" : ", started " + Format.time(e.startedAt()))
        + (e.finishedAt() == null ? "" : ", finished " + Format.time(e.finishedAt())));
    field(text, "model", c.model().architecture() + ", " + c.model().inputSize() + " px, " + c.model().channels()
        + " channel(s), seed " + c.model().seed());
    ExperimentConfig.LocalTraining t = c.training();
    field(text, "training", t.epochs() + " epoch(s) per round, batch " + t.batchSize() + ", " + t.optimizer()
        + " learning rate " + Format.plain(t.learningRate()) + ", weight decay " + Format.plain(t.weightDecay())
        + (t.classWeightedLoss() ? ", class-weighted loss" : "") + (t.augment() ? ", augmentation" : ""));
    field(text, "strategy", strategy(c.strategy()));
    field(text, "schedule", c.rounds() + " round(s), quorum " + c.minNodes() + " site(s), sample fraction "
        + Format.plain(c.sampleFraction()) + ", round deadline " + c.roundDeadlineSeconds() + " s"
        + (c.earlyStopping() == null ? "" : ", early stopping on " + c.earlyStopping().metric() + " after "
            + c.earlyStopping().patience() + " round(s) without improvement"));
    field(text, "privacy", privacy(c.privacy()));
    field(text, "sites", c.sites().isEmpty() ? "any connected site" : String.join(", ", c.sites()));
    field(text, "models", "initial " + Format.hash(e.initialModel()) + ", current " + Format.hash(e.currentModel())
        + (e.bestModel() == null ? "" : ", best " + Format.hash(e.bestModel()) + " (round " + e.bestRound()
            + ", score " + Format.metric(e.bestScore()) + ")"));
    if (!e.roundDetails().isEmpty()) {
      text.append('\n').append(rounds(e.roundDetails()));
    }
    if (!e.openTasks().isEmpty()) {
      text.append('\n').append(tasks(e.openTasks()));
    }
    if (!e.sites().isEmpty()) {
      text.append('\n').append(sites(e.sites()));
    }
    if (e.results() != null) {
      text.append('\n').append(results(e.results()));
    }
    return text.toString();
  }

  static String strategy(ExperimentConfig.StrategyConfig strategy) {
    Map<String, Double> settings = strategy.settings();
    return settings == null || settings.isEmpty()
        ? strategy.name()
        : strategy.name() + " (" + settings.entrySet().stream()
            .map(entry -> entry.getKey() + " " + Format.plain(entry.getValue()))
            .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * "240 examples: accuracy 0.712 (0.651-0.767), balanced accuracy 0.690 (0.628-0.746), macro F1
   * 0.690, macro AUC 0.801 (0.745-0.857) [bounds 0.799, 0.803]", intervals at 95 %.
   */
  static String metrics(MetricsView m) {
    return m.examples() + " examples: accuracy " + Format.withCi(m.accuracy(), m.accuracyCi())
        + ", balanced accuracy " + Format.withCi(m.balancedAccuracy(), m.balancedAccuracyCi()) + ", macro F1 "
        + Format.metric(m.macroF1()) + ", macro AUC " + Format.aucWithCi(m.macroAuc()) + " [bounds "
        + Format.metric(m.macroAuc().lower()) + ", " + Format.metric(m.macroAuc().upper()) + "]";
  }

  static String results(FinalResults results) {
    StringBuilder text = new StringBuilder("final test evaluation, pooled over every site's test split\n");
    TextTable table = new TextTable("MODEL", "EXAMPLES", "ACCURACY (95% CI)", "BALANCED ACC. (95% CI)",
        "MACRO F1", "MACRO AUC (95% CI)", "AUC BOUNDS");
    List<FinalResults.ModelResult> models = new ArrayList<>();
    models.add(results.federated());
    models.addAll(results.baselines());
    if (results.majorityClass() != null) {
      models.add(results.majorityClass());
    }
    for (FinalResults.ModelResult model : models) {
      MetricsView t = model.test();
      String name = model == results.majorityClass() ? "majority class (reference)"
          : model.trainedAt() == null
              ? "federated" + (results.bestRound() == null ? "" : " (round " + results.bestRound() + ")")
              : "local-only (" + model.trainedAt() + ")";
      table.row(name, t == null ? null : t.examples(), t == null ? null : Format.withCi(t.accuracy(), t.accuracyCi()),
          t == null ? null : Format.withCi(t.balancedAccuracy(), t.balancedAccuracyCi()),
          t == null ? null : Format.metric(t.macroF1()), t == null ? null : Format.aucWithCi(t.macroAuc()),
          t == null ? null : Format.metric(t.macroAuc().lower()) + "-" + Format.metric(t.macroAuc().upper()));
    }
    text.append(table.render());
    if (results.comparison() != null) {
      text.append("verdict: ").append(results.comparison().verdict()).append('\n');
    }
    return text.toString();
  }

  private static String rounds(List<RoundView> rounds) {
    TextTable table = new TextTable("ROUND", "STATUS", "SITES (ANSWER)", "TRAIN LOSS", "VAL ACCURACY",
        "VAL MACRO F1", "VAL MACRO AUC [BOUNDS]", "MODEL");
    List<String> failures = new ArrayList<>();
    for (RoundView round : rounds) {
      MetricsView v = round.validation();
      String answers = round.participants().stream()
          .map(p -> p.site() + " (" + p.status() + ")")
          .collect(Collectors.joining(", "));
      table.row(round.round(), round.status(), answers, Format.loss(round.trainLoss()),
          v == null ? null : Format.metric(v.accuracy()), v == null ? null : Format.metric(v.macroF1()),
          v == null ? null : Format.auc(v.macroAuc()), Format.hash(round.newModel()));
      if (round.failureReason() != null) {
        failures.add("round " + round.round() + " failed: " + round.failureReason() + "\n");
      }
    }
    return "rounds\n" + table.render() + String.join("", failures);
  }

  private static String tasks(List<ExperimentView.TaskView> tasks) {
    TextTable table = new TextTable("SITE", "TASK", "ROUND", "EPOCH", "LOSS", "DONE");
    for (ExperimentView.TaskView task : tasks) {
      table.row(task.site(), task.kind().toLowerCase(Locale.ROOT), task.round() == 0 ? "final" : task.round(),
          WatchEvents.finishedEpochs(task) ? task.epoch() + "/" + task.totalEpochs() : null,
          WatchEvents.finishedEpochs(task) ? Format.loss(task.loss()) : null,
          Format.percent(task.fractionDone()));
    }
    return "tasks at sites\n" + table.render();
  }

  private static String sites(List<ExperimentView.SiteView> sites) {
    TextTable table = new TextTable("SITE", "PLAN", "APPROVAL", "EPSILON SPENT", "DELTA", "MAX EPSILON");
    for (ExperimentView.SiteView site : sites) {
      table.row(site.site(), Format.hash(site.planSha256()), site.approval(), site.epsilon(),
          site.epsilon() == null ? null : Format.plain(site.delta()),
          site.maxEpsilon() > 0 ? Format.plain(site.maxEpsilon()) : site.epsilon() == null ? null : "none");
    }
    return "sites (approval of the plan, privacy spent on their training data)\n" + table.render();
  }

  private static String privacy(ExperimentConfig.Privacy privacy) {
    if (privacy.clipNorm() <= 0 && privacy.noiseMultiplier() <= 0) {
      return "no clipping, no noise";
    }
    return "updates clipped to L2 norm " + Format.plain(privacy.clipNorm()) + (privacy.noiseMultiplier() > 0
        ? ", Gaussian noise " + Format.plain(privacy.noiseMultiplier()) + " x clip norm"
        : ", no noise");
  }

  private static void field(StringBuilder text, String label, String value) {
    text.append(String.format(Locale.ROOT, "%-11s %s", label, value)).append('\n');
  }
}
