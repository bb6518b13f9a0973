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
 * One experiment on a local federation with faults done at chosen phases (the coordinator killed
 * and restarted, its database restarted under it, a node killed, disconnected or frozen), and what
 * came out of it.
 */
final class FaultRun {

  /** What a fault does to the federation. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /** Do {@code action} {@code delay} after the experiment reaches {@code phase}. */
  record Fault(String name, ExperimentPhase phase, Duration delay, Action action) {

    /** The coordinator killed (SIGKILL: nothing flushed, no shutdown hook) and started again at once. */
    static Fault coordinatorKill(LocalFederation federation, ExperimentPhase phase, Duration delay, Duration timeout) {
      return new Fault("kill -9", phase, delay, () -> {
        federation.killCoordinator();
        federation.startCoordinator(timeout);
      });
    }

    /** A node killed (SIGKILL, as a crash or power loss) and started again. */
    static Fault nodeKill(LocalFederation federation, String site, ExperimentPhase phase, Duration delay) {
      return new Fault("kill -9 of node " + site, phase, delay, () -> {
        federation.killNode(site);
        federation.startNode(site);
      });
    }

    /** A node stopped cleanly (its connection closes) and started again: a disconnect. */
    static Fault nodeDisconnect(LocalFederation federation, String site, ExperimentPhase phase, Duration delay) {
      return new Fault("disconnect of node " + site, phase, delay, () -> {
        federation.stopNode(site);
        federation.startNode(site);
      });
    }

    /** A node frozen (SIGSTOP: a hung host whose connection stays open) for {@code frozen}, then thawed. */
    static Fault nodeFreeze(LocalFederation federation, String site, ExperimentPhase phase, Duration delay,
        Duration frozen) {
      return new Fault("freeze of node " + site + " for " + frozen.toSeconds() + " s", phase, delay, () -> {
        federation.freezeNode(site);
        Thread.sleep(frozen.toMillis());
        federation.thawNode(site);
      });
    }

    String label() {
      return name + " at " + phase.label() + " +" + delay.toMillis() + " ms";
    }
  }

  /**
   * @param finalModel the federated model the experiment ended with (null if it did not complete)
   * @param faults what each fault hit, e.g. {@code kill -9 at validation +120 ms, in round 2 (aggregated)}
   */
  record Result(String status, String finalModel, AuditVerdict audit, AcknowledgedUpdates updates,
      List<String> faults, Duration took) {

    boolean completed() {
      return status.equals("COMPLETED");
    }
  }

  private FaultRun() {}

  /** Runs the experiment through every fault in order, then to its end, and checks the outcome. */
  static Result run(LocalFederation federation, ExperimentConfig config, List<Fault> faults, Duration timeout)
      throws Exception {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    CoordinatorApiClient api = federation.api();
    String id = api.createExperiment(config).id();
    boolean running = false;
    List<String> hit = new ArrayList<>();
    for (Fault fault : faults) {
      if (fault.phase() != ExperimentPhase.CREATED && !running) {
        api.startExperiment(id);
        running = true;
      }
      ExperimentView view = awaitPhase(api, id, fault.phase(), deadline);
      if (view == null) {
        hit.add(fault.label() + ": not reached, the experiment had ended");
        continue;
      }
      Thread.sleep(fault.delay().toMillis());
      fault.action().run();
      hit.add(fault.label() + ", in " + ExperimentPhase.where(view));
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

  /** Polls until the experiment ends; a call failing meanwhile (a database restarting) is retried. */
  private static ExperimentView awaitEnd(CoordinatorApiClient api, String id, long deadline)
      throws IOException, InterruptedException {
    while (true) {
      try {
        ExperimentView view = api.experiment(id);
        if (isFinal(view)) {
          return view;
        }
      } catch (IOException e) {
        requireTime(deadline, "waiting for experiment " + id + " to end (" + e.getMessage() + ")");
      }
      requireTime(deadline, "waiting for experiment " + id + " to end");
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
}
