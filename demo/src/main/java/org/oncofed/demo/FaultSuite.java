package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.oncofed.api.ExperimentConfig;

/**
 * The fault suite: a short experiment on three small synthetic hospitals, first without faults as
 * the reference, then with the coordinator killed at chosen or random instants. Each run must
 * complete, lose no acknowledged update, leave an audit export that verifies against every site's
 * ledger, and end with the reference's model bit for bit (runs are deterministic, and a restart
 * changes nothing a site or the aggregation computes).
 */
final class FaultSuite implements AutoCloseable {

  /** Where a crash lands, in the order an experiment reaches them. */
  static final List<ExperimentPhase> PHASES = List.of(ExperimentPhase.values());

  private final LocalFederation federation;
  private final Duration timeout;
  private FaultRun.Result reference;

  private FaultSuite(LocalFederation federation, Duration timeout) {
    this.federation = federation;
    this.timeout = timeout;
  }

  /** Sets up the federation: PKI, three small hospitals, the coordinator and three connected nodes. */
  static FaultSuite start(Path work, Duration timeout) throws IOException, InterruptedException {
    return start(work, timeout, federation -> {});
  }

  /** As {@link #start(Path, Duration)}, with the federation configured by {@code setup} before it starts. */
  static FaultSuite start(Path work, Duration timeout, Consumer<LocalFederation> setup)
      throws IOException, InterruptedException {
    LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work);
    try {
      setup.accept(federation);
      for (SyntheticHospitals.Hospital hospital : SyntheticHospitals.threeSites(0.12)) {
        SyntheticHospitals.prepare(hospital, federation.work().resolve("archives"), federation.nodeDataDir(hospital.site()));
      }
      federation.startCoordinator(timeout);
      for (String site : DemoCommand.SITES) {
        federation.startNode(site);
      }
      federation.awaitConnected(new LinkedHashSet<>(DemoCommand.SITES), timeout, connected -> {});
      return new FaultSuite(federation, timeout);
    } catch (IOException | InterruptedException | RuntimeException e) {
      federation.close();
      throw e;
    }
  }

  /** The fault-free run every other run is compared with. */
  FaultRun.Result reference() throws Exception {
    if (reference == null) {
      reference = FaultRun.run(federation, experiment("reference"), List.of(), timeout);
    }
    return reference;
  }

  /** One run with each of {@code faults} done in turn. */
  FaultRun.Result run(String name, List<FaultRun.Fault> faults) throws Exception {
    return FaultRun.run(federation, experiment(name), faults, timeout);
  }

  /** The coordinator killed {@code delay} into {@code phase} and restarted. */
  FaultRun.Fault coordinatorKill(ExperimentPhase phase, Duration delay) {
    return FaultRun.Fault.coordinatorKill(federation, phase, delay, timeout);
  }

  /** Whether a run ended as a faultless one must: completed, nothing lost, audit intact, same model. */
  boolean passes(FaultRun.Result run) throws Exception {
    return run.completed() && run.updates().lost() == 0 && run.audit().valid()
        && Objects.equals(run.finalModel(), reference().finalModel());
  }

  /** {@code count} coordinator kills, one per run, cycling through the phases, each at a random delay into it. */
  List<FaultRun.Fault> randomKills(int count, long seed, Duration maxDelay) {
    SplittableRandom random = new SplittableRandom(seed);
    List<FaultRun.Fault> kills = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      kills.add(coordinatorKill(PHASES.get(i % PHASES.size()), Duration.ofMillis(random.nextLong(maxDelay.toMillis() + 1))));
    }
    return kills;
  }

  LocalFederation federation() {
    return federation;
  }

  /**
   * Two rounds of one epoch at 32 px with local baselines, every site required (minNodes 3), so
   * that a restart cannot change who takes part.
   */
  private static ExperimentConfig experiment(String name) {
    return new ExperimentConfig("fault suite: " + name,
        new ExperimentConfig.ModelConfig("small-cnn", 32, 1, 42L),
        new ExperimentConfig.LocalTraining(1, 16, "adam", 0.002, 0.0, true, true, 7L, 40.0, 400.0, null, null, null, null, null, null, null),
        new ExperimentConfig.StrategyConfig("fedavg", Map.of()),
        2, DemoCommand.SITES.size(), 1.0, 600, null, null, true, DemoCommand.SITES);
  }

  @Override
  public void close() throws InterruptedException {
    federation.close();
  }
}
