package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.client.rest.CoordinatorApiClient;
import org.oncofed.common.audit.AuditVerdict;

/**
 * One experiment on a local federation whose coordinator is killed (SIGKILL: nothing flushed, no
 * shutdown hook) at chosen phases and restarted at once on the same data, and what came out of it.
 */
final class CoordinatorCrashRun {

  /** Kill the coordinator {@code delay} after the experiment reaches {@code phase}. */
  record Crash(ExperimentPhase phase, Duration delay) {
    String label() {
      return phase.label() + " +" + delay.toMillis() + " ms";
    }
  }

  /**
   * @param finalModel the federated model the experiment ended with (null if it did not complete)
   * @param crashes what each crash hit, e.g. {@code validation +120 ms, in round 2 (aggregated)}
   */
  record Result(String status, String finalModel, AuditVerdict audit, AcknowledgedUpdates updates,
      List<String> crashes, Duration took) {

    boolean completed() {
      return status.equals("COMPLETED");
    }
  }

  private CoordinatorCrashRun() {}

  /** Runs the experiment through every crash in order, then to its end, and checks the outcome. */
  static Result run(LocalFederation federation, ExperimentConfig config, List<Crash> crashes, Duration timeout)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    CoordinatorApiClient api = federation.api();
    String id = api.createExperiment(config).id();
    boolean running = false;
    List<String> hit = new ArrayList<>();
    for (Crash crash : crashes) {
      if (crash.phase() != ExperimentPhase.CREATED && !running) {
        api.startExperiment(id);
        running = true;
      }
      ExperimentView view = awaitPhase(api, id, crash.phase(), deadline);
      if (view == null) {
        hit.add(crash.label() + ": not reached, the experiment had ended");
        continue;
      }
      Thread.sleep(crash.delay().toMillis());
      federation.killCoordinator();
      hit.add(crash.label() + ", in " + ExperimentPhase.where(view));
      federation.startCoordinator(remaining(deadline));
    }
    if (!running) {
      api.startExperiment(id);
    }
    ExperimentView finished = awaitEnd(api, id, deadline);
    Path export = federation.work().resolve("audit-" + id + ".jsonl");
    AuditVerdict audit = federation.exportAndVerifyAudit(export);
    String model = finished.results() == null ? null : finished.results().federated().model();
    return new Result(finished.status(), model, audit,
        AcknowledgedUpdates.count(federation.ledgers().values(), export, id), hit,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** The view once the phase is reached; null if the experiment ended first. */
  private static ExperimentView awaitPhase(CoordinatorApiClient api, String id, ExperimentPhase phase, long deadline)
      throws IOException, InterruptedException {
    while (true) {
      ExperimentView view = api.experiment(id);
      if (phase.reached(view)) {
        return view;
      }
      if (isFinal(view)) {
        return null;
      }
      requireTime(deadline, "waiting for the " + phase.label() + " phase of experiment " + id);
      Thread.sleep(50);
    }
  }

  private static ExperimentView awaitEnd(CoordinatorApiClient api, String id, long deadline)
      throws IOException, InterruptedException {
    while (true) {
      ExperimentView view = api.experiment(id);
      if (isFinal(view)) {
        return view;
      }
      requireTime(deadline, "waiting for experiment " + id + " to end (" + ExperimentPhase.where(view) + ")");
      Thread.sleep(500);
    }
  }

  private static boolean isFinal(ExperimentView view) {
    return List.of("COMPLETED", "FAILED", "CANCELLED").contains(view.status());
  }

  private static void requireTime(long deadline, String doing) throws IOException {
    if (System.nanoTime() > deadline) {
      throw new IOException("timed out " + doing);
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
  }
}
