package org.oncofed.client.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.FinalResults;
import org.oncofed.api.MetricsView;
import org.oncofed.api.NodeView;
import org.oncofed.api.RoundView;

/**
 * What happened between two status snapshots of an experiment, as lines for people: rounds opened
 * and closed, each site's answer and training progress, pooled validation, the best model, the
 * final comparison and the end. The first snapshot is compared with nothing, so it tells the
 * story so far.
 */
final class WatchEvents {

  private WatchEvents() {}

  static List<String> between(ExperimentView before, ExperimentView now) {
    Objects.requireNonNull(now, "now");
    List<String> lines = new ArrayList<>();
    Map<Integer, RoundView> earlier = new LinkedHashMap<>();
    if (before != null) {
      before.roundDetails().forEach(round -> earlier.put(round.round(), round));
    }
    for (RoundView round : now.roundDetails()) {
      round(lines, earlier.get(round.round()), round);
    }
    tasks(lines, before == null ? List.of() : before.openTasks(), now.openTasks());
    approvals(lines, before == null ? List.of() : before.sites(), now.sites());
    if (now.bestRound() != null && (before == null || !Objects.equals(before.bestRound(), now.bestRound()))) {
      lines.add("best model so far: round " + now.bestRound() + " (pooled validation score "
          + Format.metric(now.bestScore()) + ")");
    }
    if (now.results() != null && (before == null || before.results() == null)) {
      results(lines, now.results());
    }
    if (before == null || !before.status().equals(now.status())) {
      String status = Format.lower(now.status());
      boolean saysMore = now.statusReason() != null && !now.statusReason().equalsIgnoreCase(status);
      lines.add("experiment " + status + (saysMore ? ": " + now.statusReason() : ""));
    }
    return lines;
  }

  /**
   * Whether the current round may be waiting for its quorum: it has no record yet (one is written
   * once the quorum is there or the deadline passes) and nothing is out at the sites.
   */
  static boolean mayWaitForQuorum(ExperimentView now) {
    return now.status().equals("RUNNING") && now.currentRound() >= 1 && now.openTasks().isEmpty()
        && now.results() == null && now.roundDetails().stream().noneMatch(round -> round.round() == now.currentRound());
  }

  /**
   * While a round waits for its quorum nothing in the experiment's status moves; this line says
   * which allowed sites with training data are connected. For when {@link #mayWaitForQuorum} holds.
   */
  static String waitingForQuorum(ExperimentView now, List<NodeView> nodes) {
    List<String> allowed = now.config().sites();
    List<String> ready = nodes.stream()
        .filter(node -> node.connected() && (allowed.isEmpty() || allowed.contains(node.siteId())))
        .filter(node -> node.dataset() != null && node.dataset().train().perClass().stream().mapToLong(n -> n).sum() > 0)
        .map(NodeView::siteId)
        .toList();
    return "round " + now.currentRound() + " waits for " + now.config().minNodes() + " site(s) with training data; "
        + (ready.isEmpty() ? "none connected" : "connected: " + String.join(", ", ready));
  }

  private static void round(List<String> lines, RoundView before, RoundView now) {
    String prefix = "round " + now.round();
    if (before == null && !now.selectedSites().isEmpty()) {
      lines.add(prefix + " opened: training at " + String.join(", ", now.selectedSites()));
    }
    Map<String, String> earlierAnswers = new LinkedHashMap<>();
    if (before != null) {
      before.participants().forEach(p -> earlierAnswers.put(p.site(), p.status()));
    }
    for (RoundView.ParticipantView p : now.participants()) {
      if (!p.status().equals("assigned") && !p.status().equals(earlierAnswers.get(p.site()))) {
        lines.add(prefix + " " + p.site() + ": " + p.status()
            + (p.sampleCount() == null ? "" : ", " + p.sampleCount() + " samples")
            + (p.trainLoss() == null ? "" : ", train loss " + Format.loss(p.trainLoss()))
            + (p.reason() == null ? "" : ": " + p.reason()));
      }
    }
    boolean statusChanged = before == null || !before.status().equals(now.status());
    if (statusChanged && now.status().equals("aggregated")) {
      lines.add(prefix + " aggregated: train loss " + Format.loss(now.trainLoss()) + ", new global model "
          + Format.hash(now.newModel()));
    } else if (statusChanged && now.status().equals("failed")) {
      lines.add(prefix + " failed: " + now.failureReason());
    }
    if (now.validation() != null && (before == null || before.validation() == null)) {
      lines.add(prefix + " pooled validation over " + StatusText.metrics(now.validation()));
      if (!now.validationBySite().isEmpty()) {
        lines.add(prefix + " validation accuracy per site: " + new TreeMap<>(now.validationBySite()).entrySet().stream()
            .map(site -> site.getKey() + " " + Format.metric(site.getValue().accuracy()))
            .collect(Collectors.joining(", ")));
      }
    }
  }

  /** New validation, baseline and test tasks as one line per kind; progress of every open task. */
  private static void tasks(List<String> lines, List<ExperimentView.TaskView> before,
      List<ExperimentView.TaskView> now) {
    Map<String, ExperimentView.TaskView> earlier = new LinkedHashMap<>();
    before.forEach(task -> earlier.put(task.taskId(), task));
    Map<String, List<String>> sent = new LinkedHashMap<>();
    for (ExperimentView.TaskView task : now) {
      if (!earlier.containsKey(task.taskId()) && !task.kind().equals("TRAIN")) {
        sent.computeIfAbsent(phase(task) + " " + activity(task), key -> new ArrayList<>()).add(task.site());
      }
    }
    sent.forEach((what, sites) -> lines.add(what + " at " + String.join(", ", sites)));
    for (ExperimentView.TaskView task : now) {
      ExperimentView.TaskView previous = earlier.get(task.taskId());
      if (!progress(task).isEmpty() && (previous == null || !sameProgress(previous, task))) {
        lines.add(phase(task) + " " + task.site() + (task.kind().equals("TRAIN") ? "" : " " + activity(task)) + ": "
            + progress(task));
      }
    }
  }

  /** A line for each site whose approval of the plan changed. */
  private static void approvals(List<String> lines, List<ExperimentView.SiteView> before,
      List<ExperimentView.SiteView> now) {
    Map<String, String> earlier = new LinkedHashMap<>();
    before.forEach(site -> earlier.put(site.site(), site.approval()));
    for (ExperimentView.SiteView site : now) {
      if (site.approval() != null && !site.approval().equals(earlier.get(site.site()))) {
        lines.add("site " + site.site() + ": " + site.approval()
            + (site.planSha256() == null ? "" : " (plan " + Format.hash(site.planSha256()) + ")"));
      }
    }
  }

  private static void results(List<String> lines, FinalResults results) {
    MetricsView federated = results.federated().test();
    if (federated != null) {
      lines.add("final test, federated model" + (results.bestRound() == null ? "" : " of round " + results.bestRound())
          + ", pooled over " + StatusText.metrics(federated));
    }
    for (FinalResults.ModelResult baseline : results.baselines()) {
      if (baseline.test() != null) {
        lines.add("final test, local-only model of " + baseline.trainedAt() + ", pooled over "
            + StatusText.metrics(baseline.test()));
      }
    }
    if (results.comparison() != null) {
      lines.add("verdict: " + results.comparison().verdict());
    }
  }

  private static String phase(ExperimentView.TaskView task) {
    return task.round() == 0 ? "final phase" : "round " + task.round();
  }

  private static String activity(ExperimentView.TaskView task) {
    return switch (task.kind()) {
      case "BASELINE" -> "local-only baseline training";
      case "EVALUATE" -> task.round() == 0 ? "test evaluation" : "validation";
      default -> "training";
    };
  }

  /** Epoch and loss once an epoch has finished (epoch 0 means none yet), and the share done once started. */
  private static String progress(ExperimentView.TaskView task) {
    List<String> parts = new ArrayList<>();
    if (finishedEpochs(task)) {
      parts.add("epoch " + task.epoch() + "/" + task.totalEpochs());
      parts.add("loss " + Format.loss(task.loss()));
    }
    if (task.fractionDone() != null && task.fractionDone() > 0) {
      parts.add(Format.percent(task.fractionDone()) + " done");
    }
    return String.join(", ", parts);
  }

  static boolean finishedEpochs(ExperimentView.TaskView task) {
    return task.epoch() != null && task.epoch() > 0;
  }

  private static boolean sameProgress(ExperimentView.TaskView a, ExperimentView.TaskView b) {
    return Objects.equals(a.epoch(), b.epoch()) && Objects.equals(a.loss(), b.loss())
        && Objects.equals(a.fractionDone(), b.fractionDone());
  }
}
