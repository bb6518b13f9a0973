package org.oncofed.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.MetricsView;
import org.oncofed.api.RoundView;
import org.oncofed.client.rest.CoordinatorApiClient;

/** Follows an experiment until it ends, printing each round's outcome as it comes. */
final class ExperimentWatcher {

  private final CoordinatorApiClient api;
  private final Console console;
  private final Set<String> printed = new HashSet<>();

  ExperimentWatcher(CoordinatorApiClient api, Console console) {
    this.api = api;
    this.console = console;
  }

  /** Polls until the experiment reaches a final state or the timeout passes; returns the last view. */
  ExperimentView watch(String id, Duration timeout, Runnable healthCheck) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      healthCheck.run();
      ExperimentView view = api.experiment(id);
      report(view);
      if (view.status().equals("COMPLETED") || view.status().equals("FAILED") || view.status().equals("CANCELLED")) {
        return view;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("experiment " + id + " did not finish within " + timeout + " (status " + view.status()
            + ", round " + view.currentRound() + ")");
      }
      Thread.sleep(1_000);
    }
  }

  private void report(ExperimentView view) {
    for (RoundView round : view.roundDetails()) {
      if (once("open " + round.round())) {
        console.detail("round " + round.round() + "/" + view.rounds() + ": training at " + String.join(", ", round.selectedSites()));
      }
      if (round.status().equals("failed") && once("failed " + round.round())) {
        console.detail("round " + round.round() + " failed: " + round.failureReason());
      }
      boolean evaluating = view.openTasks().stream()
          .anyMatch(task -> task.round() == round.round() && task.kind().equals("EVALUATE"));
      if (round.validation() != null && !evaluating && once("validated " + round.round())) {
        MetricsView v = round.validation();
        console.detail(String.format(Locale.ROOT,
            "round %d aggregated: train loss %s, pooled validation accuracy %s, macro F1 %s, macro AUC %s (%d slices)",
            round.round(), number(round.trainLoss()), number(v.accuracy()), number(v.macroF1()),
            number(v.macroAuc().estimate()), v.examples()));
      }
    }
    for (ExperimentView.TaskView task : view.openTasks()) {
      if (task.epoch() != null && once("progress " + task.taskId() + " " + task.epoch())) {
        console.detail(String.format(Locale.ROOT, "  %s %s: epoch %d/%d, loss %.3f", task.site(),
            task.kind().equals("BASELINE") ? "local-only baseline" : "round " + task.round(), task.epoch(),
            task.totalEpochs(), task.loss()));
      }
    }
    boolean baselines = view.openTasks().stream().anyMatch(task -> task.kind().equals("BASELINE"));
    if (baselines && once("baselines")) {
      console.detail("training local-only baselines with the same budget at every site");
    }
    boolean testing = view.openTasks().stream().anyMatch(task -> task.kind().equals("EVALUATE") && task.round() == 0);
    if (testing && once("test")) {
      console.detail("evaluating the best federated model and every local-only model on every site's test split");
    }
  }

  private boolean once(String key) {
    return printed.add(key);
  }

  static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
