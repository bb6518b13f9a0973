package org.oncofed.coordinator.release;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.ModelCard;
import org.oncofed.api.RoundView;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.model.ModelRepository;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.report.ExperimentReports;

/**
 * Writes a released model's card from what the coordinator stored: the experiment's configuration,
 * the rounds that led to the model (which sites' updates each folded in), the dataset fingerprint
 * and class counts each of those updates declared, and the evaluations.
 */
@Singleton
class ModelCards {

  private final ModelRepository models;
  private final ExperimentReports reports;

  ModelCards(ModelRepository models, ExperimentReports reports) {
    this.models = models;
    this.reports = reports;
  }

  /**
   * @param rounds the experiment's rounds, as the report shows them
   * @param produced the round whose aggregate is released
   */
  ModelCard card(String releaseId, String name, ExperimentRecord experiment, List<RoundView> rounds, RoundView produced,
      String releasedBy, Instant releasedAt) {
    ExperimentPlan plan = ExperimentPlan.of(experiment.id(), experiment.configJson());
    ExperimentConfig config = plan.config();
    List<RoundView> lineage = lineage(rounds, produced);
    FinalResults results = reports.finalResults(experiment);
    boolean tested = results != null && results.federated().model().equals(produced.newModel());
    List<ModelCard.LineageStep> steps = new ArrayList<>();
    steps.add(new ModelCard.LineageStep(0, lineage.get(0).baseModel(), List.of()));
    lineage.forEach(round -> steps.add(new ModelCard.LineageStep(round.round(), round.newModel(),
        contributions(round).stream().map(RoundView.ParticipantView::site).sorted().toList())));
    return new ModelCard(ModelCard.FORMAT, releaseId, name, experiment.id(), experiment.name(),
        experiment.createdBy(), produced.newModel(), produced.round(), config.model().architecture(),
        config.model().inputSize(), config.model().channels(), plan.spec().classes(),
        config.strategy().name(), new TreeMap<>(config.strategy().settings()), config.privacy().clipNorm(),
        config.privacy().noiseMultiplier(), sites(experiment.id(), lineage),
        tested ? results.federated().test() : null,
        tested ? results.federated().testBySite() : Map.<String, MetricsView>of(),
        produced.validation(), steps, releasedBy, releasedAt);
  }

  /** The aggregated rounds from the initial model to {@code last}, each building on the one before. */
  private static List<RoundView> lineage(List<RoundView> rounds, RoundView last) {
    List<RoundView> lineage = new ArrayList<>();
    RoundView current = last;
    while (current != null) {
      lineage.add(current);
      String base = current.baseModel();
      int before = current.round();
      current = rounds.stream()
          .filter(round -> round.round() < before && base.equals(round.newModel()))
          .reduce((first, second) -> second).orElse(null);
    }
    Collections.reverse(lineage);
    return lineage;
  }

  private static List<RoundView.ParticipantView> contributions(RoundView round) {
    return round.participants().stream()
        .filter(participant -> participant.status().equals("completed") && participant.updateSha256() != null)
        .toList();
  }

  /** Each site that trained the model or an ancestor: its last update's dataset, and how many rounds took it. */
  private List<ModelCard.TrainingSite> sites(String experimentId, List<RoundView> lineage) {
    Map<String, Integer> rounds = new TreeMap<>();
    Map<String, UpdateProvenance> last = new TreeMap<>();
    for (RoundView round : lineage) {
      for (RoundView.ParticipantView participant : contributions(round)) {
        rounds.merge(participant.site(), 1, Integer::sum);
        models.findByExperimentIdAndSha256(experimentId, participant.updateSha256()).ifPresent(update ->
            last.put(participant.site(), UpdateProvenance.parse(update.provenanceJson())));
      }
    }
    return rounds.entrySet().stream().filter(entry -> last.containsKey(entry.getKey())).map(entry -> {
      UpdateProvenance provenance = last.get(entry.getKey());
      return new ModelCard.TrainingSite(entry.getKey(), provenance.data().datasetSha256(),
          provenance.data().perClassCounts(), entry.getValue());
    }).toList();
  }
}
