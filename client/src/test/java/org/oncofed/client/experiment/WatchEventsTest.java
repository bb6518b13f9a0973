package org.oncofed.client.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncofed.api.DatasetView;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.NodeView;
import org.oncofed.api.RoundView;

/** The lines {@code experiment watch} prints for each change between two status snapshots. */
class WatchEventsTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final String BASE = "0".repeat(64);
  private static final String ROUND_1 = "abcdef012345" + "1".repeat(52);

  @Test
  void firstSnapshotTellsTheStorySoFar() {
    ExperimentView now = view("RUNNING", List.of(aggregatedRound()), List.of(), 1, null);

    assertThat(WatchEvents.between(null, now)).containsExactly(
        "round 1 opened: training at north, south",
        "round 1 north: completed, 120 samples, train loss 0.8000",
        "round 1 south: completed, 80 samples, train loss 0.7000",
        "round 1 aggregated: train loss 0.7600, new global model abcdef012345",
        "round 1 pooled validation over 200 examples: accuracy 0.700 (0.650-0.750), balanced accuracy 0.660 "
            + "(0.600-0.720), macro F1 0.650, macro AUC 0.800 (0.740-0.860) [bounds 0.780, 0.820]",
        "round 1 validation accuracy per site: north 0.680, south 0.720",
        "best model so far: round 1 (pooled validation score 0.700)",
        "experiment running");
  }

  @Test
  void reportsEachSiteWhoseApprovalOfThePlanChanged() {
    String plan = "9f86d081884c" + "7".repeat(52);
    ExperimentView started = view("RUNNING", List.of(), List.of(), null, null);
    ExperimentView waiting = withSites(started, List.of(site("north", "approved", plan), site("south",
        "awaiting site approval", plan)));
    ExperimentView approved = withSites(started, List.of(site("north", "approved", plan), site("south", "approved",
        plan)));

    assertThat(WatchEvents.between(started, waiting)).containsExactly(
        "site north: approved (plan 9f86d081884c)",
        "site south: awaiting site approval (plan 9f86d081884c)");
    assertThat(WatchEvents.between(waiting, approved)).containsExactly("site south: approved (plan 9f86d081884c)");
    assertThat(WatchEvents.between(approved, approved)).isEmpty();
  }

  @Test
  void reportsOpeningProgressAnswersAndAggregationAsTheyHappen() {
    ExperimentView started = view("RUNNING", List.of(), List.of(), null, null);
    ExperimentView opened = view("RUNNING",
        List.of(openRound(participant("north", "assigned", null), participant("south", "assigned", null))),
        List.of(task("t-north", "north", "TRAIN", 1, 1, 0.9, 0.5), task("t-south", "south", "TRAIN", 1, 0, 0.0, 0.0)),
        null, null);
    ExperimentView northDone = view("RUNNING",
        List.of(openRound(participant("north", "completed", 0.8), participant("south", "assigned", null))),
        List.of(task("t-south", "south", "TRAIN", 1, 2, 0.7, 1.0)), null, null);
    ExperimentView aggregated = view("RUNNING", List.of(aggregatedRound()), List.of(), 1, null);

    assertThat(WatchEvents.between(started, opened)).containsExactly(
        "round 1 opened: training at north, south",
        "round 1 north: epoch 1/2, loss 0.9000, 50% done");
    assertThat(WatchEvents.between(opened, northDone)).containsExactly(
        "round 1 north: completed, 120 samples, train loss 0.8000",
        "round 1 south: epoch 2/2, loss 0.7000, 100% done");
    assertThat(WatchEvents.between(northDone, aggregated)).containsExactly(
        "round 1 south: completed, 80 samples, train loss 0.7000",
        "round 1 aggregated: train loss 0.7600, new global model abcdef012345",
        "round 1 pooled validation over 200 examples: accuracy 0.700 (0.650-0.750), balanced accuracy 0.660 "
            + "(0.600-0.720), macro F1 0.650, macro AUC 0.800 (0.740-0.860) [bounds 0.780, 0.820]",
        "round 1 validation accuracy per site: north 0.680, south 0.720",
        "best model so far: round 1 (pooled validation score 0.700)");
    assertThat(WatchEvents.between(aggregated, aggregated)).isEmpty();
  }

  @Test
  void roundThatNeverFoundItsQuorumOnlyReportsTheFailure() {
    ExperimentView before = view("RUNNING", List.of(aggregatedRound()), List.of(), 1, null);
    RoundView failed = new RoundView(2, "failed", T0, T0.plusSeconds(600), List.of(), ROUND_1, null,
        "only 1 eligible site(s) connected by the deadline, quorum is 2", null, List.of(), null, Map.of());

    assertThat(WatchEvents.between(before, view("RUNNING", List.of(aggregatedRound(), failed), List.of(), 1, null)))
        .containsExactly("round 2 failed: only 1 eligible site(s) connected by the deadline, quorum is 2");
  }

  @Test
  void finalPhaseTasksAreGroupedAndTheEndCarriesTheVerdict() {
    ExperimentView validated = view("RUNNING", List.of(aggregatedRound()), List.of(), 1, null);
    ExperimentView baselines = view("RUNNING", List.of(aggregatedRound()),
        List.of(new ExperimentView.TaskView("b-north", "north", "BASELINE", 0, 3, 10, 0.5, 0.3),
            new ExperimentView.TaskView("b-south", "south", "BASELINE", 0, 0, 10, 0.0, 0.0)),
        1, null);
    FinalResults results = new FinalResults(1,
        new FinalResults.ModelResult(ROUND_1, null, metrics(300, 0.8, 0.85), Map.of()),
        List.of(new FinalResults.ModelResult("b".repeat(64), "north", metrics(300, 0.7, 0.75), Map.of())),
        null,
        new FinalResults.Comparison(true, true, "The federated model beats every local-only model."));
    ExperimentView completed = view("COMPLETED", List.of(aggregatedRound()), List.of(), 1, results);

    assertThat(WatchEvents.between(validated, baselines)).containsExactly(
        "final phase local-only baseline training at north, south",
        "final phase north local-only baseline training: epoch 3/10, loss 0.5000, 30% done");
    assertThat(WatchEvents.between(baselines, completed)).containsExactly(
        "final test, federated model of round 1, pooled over 300 examples: accuracy 0.800 (0.750-0.850), "
            + "balanced accuracy 0.660 (0.600-0.720), macro F1 0.650, macro AUC 0.850 (0.790-0.910) "
            + "[bounds 0.780, 0.820]",
        "final test, local-only model of north, pooled over 300 examples: accuracy 0.700 (0.650-0.750), "
            + "balanced accuracy 0.660 (0.600-0.720), macro F1 0.650, macro AUC 0.750 (0.690-0.810) "
            + "[bounds 0.780, 0.820]",
        "verdict: The federated model beats every local-only model.",
        "experiment completed");
  }

  @Test
  void failureAndCancellationCarryTheirReason() {
    ExperimentView running = view("RUNNING", List.of(), List.of(), null, null);

    assertThat(WatchEvents.between(running, withReason(view("FAILED", List.of(), List.of(), null, null), "disk full")))
        .containsExactly("experiment failed: disk full");
    assertThat(WatchEvents.between(running, withReason(view("CANCELLED", List.of(), List.of(), null, null),
        "cancelled before it ran"))).containsExactly("experiment cancelled: cancelled before it ran");
    assertThat(WatchEvents.between(running, withReason(view("CANCELLED", List.of(), List.of(), null, null),
        "cancelled"))).containsExactly("experiment cancelled");
  }

  @Test
  void roundWaitingForItsQuorumNamesTheConnectedSitesThatCanTrain() {
    ExperimentView waiting = withConfig(view("RUNNING", List.of(), List.of(), null, null), List.of("north", "south"));
    List<NodeView> nodes = List.of(node("north", true, 40), node("south", false, 40), node("east", true, 40),
        node("west", true, 0));

    assertThat(WatchEvents.mayWaitForQuorum(waiting)).isTrue();
    assertThat(WatchEvents.waitingForQuorum(waiting, nodes))
        .isEqualTo("round 1 waits for 2 site(s) with training data; connected: north");
    assertThat(WatchEvents.mayWaitForQuorum(view("RUNNING", List.of(aggregatedRound()), List.of(), 1, null))).isFalse();
  }

  private static RoundView openRound(RoundView.ParticipantView... participants) {
    return new RoundView(1, "open", T0, null, List.of("north", "south"), BASE, null, null, null,
        List.of(participants), null, Map.of());
  }

  private static RoundView aggregatedRound() {
    return new RoundView(1, "aggregated", T0, T0.plusSeconds(90), List.of("north", "south"), BASE, ROUND_1, null, 0.76,
        List.of(participant("north", "completed", 0.8), participant("south", "completed", 0.7)),
        metrics(200, 0.7, 0.8), Map.of("north", metrics(90, 0.68, 0.8), "south", metrics(110, 0.72, 0.8)));
  }

  private static RoundView.ParticipantView participant(String site, String status, Double loss) {
    Long samples = status.equals("completed") ? (site.equals("north") ? 120L : 80L) : null;
    return new RoundView.ParticipantView(site, status, null, samples, null, loss);
  }

  private static ExperimentView.TaskView task(String id, String site, String kind, int round, int epoch, double loss,
      double done) {
    return new ExperimentView.TaskView(id, site, kind, round, epoch, 2, loss, done);
  }

  private static MetricsView metrics(long examples, double accuracy, double auc) {
    return new MetricsView(examples, accuracy, new MetricsView.Ci(accuracy - 0.05, accuracy + 0.05), 0.66,
        new MetricsView.Ci(0.6, 0.72), 0.6, 0.66, 0.64, 0.82, 0.65,
        new MetricsView.Auc(0.78, auc, 0.82, new MetricsView.Ci(auc - 0.06, auc + 0.06)), List.of(), new long[0][0]);
  }

  private static ExperimentView view(String status, List<RoundView> rounds, List<ExperimentView.TaskView> tasks,
      Integer bestRound, FinalResults results) {
    return new ExperimentView("e-1", "lung nodules", "rita", T0, status, null, T0, null, rounds.size(), 5,
        "c".repeat(64), null, BASE, BASE, bestRound == null ? null : ROUND_1, bestRound,
        bestRound == null ? null : 0.7, rounds, tasks, results, List.of());
  }

  /** Round 1 with no record yet, quorum 2, open to the given sites. */
  private static ExperimentView withConfig(ExperimentView view, List<String> sites) {
    ExperimentConfig config = new ExperimentConfig("lung nodules",
        new ExperimentConfig.ModelConfig("small-cnn", 64, null, null),
        new ExperimentConfig.LocalTraining(1, 8, null, 0.001, null, null, null, null, null, null, null, null, null, null, null, null, null),
        null, 5, 2, null, null, null, null, null, sites).withDefaults();
    return new ExperimentView(view.id(), view.name(), view.createdBy(), view.createdAt(), view.status(), null,
        view.startedAt(), null, 1, view.rounds(), view.configSha256(), config, view.initialModel(),
        view.currentModel(), null, null, null, view.roundDetails(), view.openTasks(), null, view.sites());
  }

  private static ExperimentView.SiteView site(String name, String approval, String plan) {
    return new ExperimentView.SiteView(name, approval, plan, "1.2000", 1e-5, 0);
  }

  private static ExperimentView withSites(ExperimentView view, List<ExperimentView.SiteView> sites) {
    return new ExperimentView(view.id(), view.name(), view.createdBy(), view.createdAt(), view.status(),
        view.statusReason(), view.startedAt(), view.finishedAt(), view.currentRound(), view.rounds(),
        view.configSha256(), view.config(), view.initialModel(), view.currentModel(), view.bestModel(),
        view.bestRound(), view.bestScore(), view.roundDetails(), view.openTasks(), view.results(), sites);
  }

  private static NodeView node(String site, boolean connected, long trainingSlices) {
    DatasetView.SplitView train = new DatasetView.SplitView(List.of(trainingSlices, 0L, 0L), 3);
    DatasetView.SplitView none = new DatasetView.SplitView(List.of(0L, 0L, 0L), 0);
    return new NodeView(site, connected, connected ? "idle" : null, null, null, null, T0, T0, null, "01", "0.1.0",
        "cpu", "x86_64", new DatasetView("f".repeat(64), train, none, none));
  }

  private static ExperimentView withReason(ExperimentView view, String reason) {
    return new ExperimentView(view.id(), view.name(), view.createdBy(), view.createdAt(), view.status(), reason,
        view.startedAt(), T0.plusSeconds(3600), view.currentRound(), view.rounds(), view.configSha256(), view.config(),
        view.initialModel(), view.currentModel(), view.bestModel(), view.bestRound(), view.bestScore(),
        view.roundDetails(), view.openTasks(), view.results(), view.sites());
  }
}
