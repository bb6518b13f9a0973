package org.oncofed.coordinator.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.oncofed.api.ExperimentReport;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.RoundView;
import org.oncofed.common.TumourClass;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.common.metrics.PriorClassifier;
import org.oncofed.coordinator.audit.SiteSignoffs;
import org.oncofed.coordinator.experiment.EvaluationRecord;
import org.oncofed.coordinator.experiment.EvaluationRepository;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.round.RoundRecord;
import org.oncofed.coordinator.round.RoundRepository;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRepository;
import org.oncofed.coordinator.task.TaskStatus;
import org.oncofed.proto.federation.v1.DataSplit;

/** Builds what researchers read about an experiment from what the database holds. */
@Singleton
public class ExperimentReports {

  private final RoundRepository rounds;
  private final TaskRepository tasks;
  private final EvaluationRepository evaluations;
  private final SiteSignoffs signoffs;

  ExperimentReports(RoundRepository rounds, TaskRepository tasks, EvaluationRepository evaluations,
      SiteSignoffs signoffs) {
    this.rounds = rounds;
    this.tasks = tasks;
    this.evaluations = evaluations;
    this.signoffs = signoffs;
  }

  /** Each site's approval of the plan and privacy spent, as its site reported them to the trail. */
  public List<ExperimentView.SiteView> sites(ExperimentRecord experiment) {
    return signoffs.of(experiment.id()).entrySet().stream()
        .map(site -> new ExperimentView.SiteView(site.getKey(),
            site.getValue().approval() == null ? null : site.getValue().approval().text(),
            site.getValue().planSha256(), SiteSignoffs.epsilonText(site.getValue().epsilon()),
            site.getValue().delta(), site.getValue().maxEpsilon()))
        .toList();
  }

  /** The newest global model: from the last aggregated round, else the initial model. */
  public String currentModel(ExperimentRecord experiment) {
    return rounds.currentModel(experiment.id(), experiment.initialModelSha256());
  }

  /** What the experiment offers as its result: the best model by validation, else the current one. */
  public String resultModel(ExperimentRecord experiment) {
    return experiment.bestModelSha256() != null ? experiment.bestModelSha256() : currentModel(experiment);
  }

  public ExperimentReport report(ExperimentRecord experiment) {
    return new ExperimentReport(experiment.id(), experiment.name(), experiment.status().name(),
        experiment.statusReason(), experiment.createdBy(), experiment.createdAt(), experiment.finishedAt(),
        experiment.configSha256(), ExperimentPlan.of(experiment.id(), experiment.configJson()).config(),
        TumourClass.labels(), rounds(experiment), finalResults(experiment), sites(experiment));
  }

  public List<RoundView> rounds(ExperimentRecord experiment) {
    List<TaskRecord> allTasks = tasks.findByExperimentId(experiment.id());
    List<EvaluationRecord> allEvaluations = evaluations.findByExperimentIdOrderByRoundNo(experiment.id());
    List<RoundView> views = new ArrayList<>();
    for (RoundRecord round : rounds.findByExperimentIdOrderByRoundNo(experiment.id())) {
      List<RoundView.ParticipantView> participants = allTasks.stream()
          .filter(task -> task.roundNo() == round.roundNo() && task.kind() == TaskKind.TRAIN)
          .sorted(Comparator.comparing(TaskRecord::siteId).thenComparing(TaskRecord::assignedAt))
          .map(ExperimentReports::participant)
          .toList();
      Map<String, MetricsView> bySite = round.newModelSha256() == null
          ? Map.of()
          : bySite(allEvaluations, round.roundNo(), round.newModelSha256(), DataSplit.DATA_SPLIT_VALIDATION);
      views.add(new RoundView(round.roundNo(), lower(round.status().name()), round.openedAt(), round.closedAt(),
          round.selectedSites().isEmpty() ? List.of() : List.of(round.selectedSites().split(",")),
          round.baseModelSha256(), round.newModelSha256(), round.failureReason(), round.trainLoss(), participants,
          pooled(allEvaluations, round.roundNo(), round.newModelSha256(), DataSplit.DATA_SPLIT_VALIDATION), bySite));
    }
    return views;
  }

  /** The final comparison, once test evaluations exist; null before. */
  public @Nullable FinalResults finalResults(ExperimentRecord experiment) {
    List<EvaluationRecord> tests = evaluations.findByExperimentIdOrderByRoundNo(experiment.id()).stream()
        .filter(e -> e.dataSplit().equals(DataSplit.DATA_SPLIT_TEST.name()))
        .toList();
    if (tests.isEmpty()) {
      return null;
    }
    String best = resultModel(experiment);
    FinalResults.ModelResult federated = result(tests, best, null);
    // Completed baseline tasks name every baseline, those their sites kept (only test counts came back) included.
    List<FinalResults.ModelResult> baselines = tasks.findByExperimentId(experiment.id()).stream()
        .filter(task -> task.kind() == TaskKind.BASELINE && task.status() == TaskStatus.COMPLETED)
        .sorted(Comparator.comparing(TaskRecord::siteId))
        .map(task -> result(tests, task.resultSha256(), task.siteId()))
        .toList();
    return new FinalResults(experiment.bestRound(), federated, baselines, majorityClass(tests, best),
        compare(federated, baselines));
  }

  /** The class-prior classifier on the examples the federated model was tested on. */
  private static FinalResults.@Nullable ModelResult majorityClass(List<EvaluationRecord> tests, String model) {
    List<EvaluationRecord> ofModel = tests.stream().filter(e -> e.modelSha256().equals(model))
        .sorted(Comparator.comparing(EvaluationRecord::siteId)).toList();
    if (ofModel.isEmpty()) {
      return null;
    }
    EvaluationCounts pooled = EvaluationCounts.pool(ofModel.stream().map(EvaluationRecord::counts).toList());
    long[] totals = new long[pooled.confusion().classes()];
    for (int c = 0; c < totals.length; c++) {
      totals[c] = pooled.confusion().actual(c);
    }
    if (pooled.examples() == 0) {
      return null;
    }
    Map<String, MetricsView> bySite = new LinkedHashMap<>();
    ofModel.forEach(e -> bySite.put(e.siteId(), MetricsViews.of(PriorClassifier.evaluate(e.counts(), totals))));
    return new FinalResults.ModelResult("majority class", null,
        MetricsViews.of(PriorClassifier.evaluate(pooled, totals)), bySite);
  }

  private static FinalResults.ModelResult result(List<EvaluationRecord> tests, String model, String trainedAt) {
    List<EvaluationRecord> ofModel = tests.stream().filter(e -> e.modelSha256().equals(model)).toList();
    Map<String, MetricsView> bySite = new LinkedHashMap<>();
    ofModel.stream().sorted(Comparator.comparing(EvaluationRecord::siteId))
        .forEach(e -> bySite.put(e.siteId(), MetricsViews.of(e.counts())));
    MetricsView pooled = ofModel.isEmpty() ? null : MetricsViews.pooled(ofModel.stream().map(EvaluationRecord::counts).toList());
    return new FinalResults.ModelResult(model, trainedAt, pooled, bySite);
  }

  private static @Nullable FinalResults.Comparison compare(FinalResults.ModelResult federated,
      List<FinalResults.ModelResult> baselines) {
    if (federated.test() == null || federated.test().examples() == 0 || baselines.isEmpty()
        || baselines.stream().anyMatch(b -> b.test() == null)) {
      return null;
    }
    boolean accuracy = beatsAll(federated, baselines, m -> m.accuracy());
    boolean auc = beatsAll(federated, baselines, m -> m.macroAuc().estimate());
    FinalResults.ModelResult bestLocalAccuracy = bestBy(baselines, m -> m.accuracy());
    FinalResults.ModelResult bestLocalAuc = bestBy(baselines, m -> m.macroAuc().estimate());
    String verdict = String.format(Locale.ROOT,
        "The federated model %s every local-only model on pooled test accuracy (%s against %s for the best, "
            + "trained at %s) and %s on macro AUC (%s against %s, %s).",
        accuracy ? "beats" : "does not beat", shown(federated, m -> m.accuracy()),
        shown(bestLocalAccuracy, m -> m.accuracy()), bestLocalAccuracy.trainedAt(),
        auc ? "beats them" : "does not beat them", shown(federated, m -> m.macroAuc().estimate()),
        shown(bestLocalAuc, m -> m.macroAuc().estimate()), bestLocalAuc.trainedAt());
    return new FinalResults.Comparison(accuracy, auc, verdict);
  }

  private static boolean beatsAll(FinalResults.ModelResult federated, List<FinalResults.ModelResult> baselines,
      Function<MetricsView, Double> metric) {
    double ours = value(federated, metric);
    return baselines.stream().allMatch(b -> ours > value(b, metric));
  }

  private static FinalResults.ModelResult bestBy(List<FinalResults.ModelResult> results,
      Function<MetricsView, Double> metric) {
    return results.stream().max(Comparator.comparingDouble(r -> value(r, metric))).orElseThrow();
  }

  private static String shown(FinalResults.ModelResult result, Function<MetricsView, Double> metric) {
    Double value = metric.apply(result.test());
    return value == null ? "undefined" : String.format(Locale.ROOT, "%.3f", value);
  }

  /** The metric, with undefined values counting as worst. */
  private static double value(FinalResults.ModelResult result, Function<MetricsView, Double> metric) {
    Double value = metric.apply(result.test());
    return value == null ? Double.NEGATIVE_INFINITY : value;
  }

  private static @Nullable MetricsView pooled(List<EvaluationRecord> all, int round, String model, DataSplit split) {
    if (model == null) {
      return null;
    }
    var counts = all.stream().filter(e -> matches(e, round, model, split)).map(EvaluationRecord::counts).toList();
    return counts.isEmpty() ? null : MetricsViews.pooled(counts);
  }

  private static Map<String, MetricsView> bySite(List<EvaluationRecord> all, int round, String model, DataSplit split) {
    Map<String, MetricsView> bySite = new LinkedHashMap<>();
    all.stream().filter(e -> matches(e, round, model, split))
        .sorted(Comparator.comparing(EvaluationRecord::siteId))
        .forEach(e -> bySite.put(e.siteId(), MetricsViews.of(e.counts())));
    return bySite;
  }

  private static boolean matches(EvaluationRecord e, int round, String model, DataSplit split) {
    return e.roundNo() == round && e.modelSha256().equals(model) && e.dataSplit().equals(split.name());
  }

  private static RoundView.ParticipantView participant(TaskRecord task) {
    return new RoundView.ParticipantView(task.siteId(), lower(task.status().name()), task.reason(), task.sampleCount(),
        task.resultSha256(), trainLoss(task.metricsJson()));
  }

  private static @Nullable Double trainLoss(@Nullable String metricsJson) {
    if (metricsJson == null) {
      return null;
    }
    var loss = CanonicalJson.parse(metricsJson).get("train_loss");
    return loss == null || !loss.isNumber() ? null : loss.doubleValue();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
