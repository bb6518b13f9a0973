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
 *
 * <p>For node faults the experiment needs only two of the three sites per round and waits 30 s
 * for updates, so a round closes without the node at fault; the model then differs from the
 * reference, but the rest holds and the node must rejoin.
 */
final class FaultSuite implements AutoCloseable {

  /** Where a crash lands, in the order an experiment reaches them. */
  static final List<ExperimentPhase> PHASES = List.of(ExperimentPhase.values());

  /** A frozen node must stay connected past a round's deadline: heartbeats may lapse this long. */
  private static final Duration NODE_FAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(120);
  private static final int NODE_FAULT_DEADLINE_SECONDS = 30;

  private final LocalFederation federation;
  private final Duration timeout;
  private final boolean nodeFaults;
  private FaultRun.Result reference;

  private FaultSuite(LocalFederation federation, Duration timeout, boolean nodeFaults) {
    this.federation = federation;
    this.timeout = timeout;
    this.nodeFaults = nodeFaults;
  }

  /** Sets up the federation: PKI, three small hospitals, the coordinator and three connected nodes. */
  static FaultSuite start(Path work, Duration timeout) throws IOException, InterruptedException {
    return start(work, timeout, federation -> {});
  }

  /** A suite for node faults: a quorum of two sites, short round deadlines, frozen nodes kept connected. */
  static FaultSuite forNodeFaults(Path work, Duration timeout) throws IOException, InterruptedException {
    return start(work, timeout, federation -> federation.heartbeatTimeout(NODE_FAULT_HEARTBEAT_TIMEOUT), true);
  }

  /** As {@link #start(Path, Duration)}, with the federation configured by {@code setup} before it starts. */
  static FaultSuite start(Path work, Duration timeout, Consumer<LocalFederation> setup)
      throws IOException, InterruptedException {
    return start(work, timeout, setup, false);
  }

  private static FaultSuite start(Path work, Duration timeout, Consumer<LocalFederation> setup, boolean nodeFaults)
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
      return new FaultSuite(federation, timeout, nodeFaults);
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

  /**
   * Whether a run ended as it must: completed, nothing lost, audit intact, and the reference's
   * model (coordinator faults) or every node connected again (node faults).
   */
  boolean passes(FaultRun.Result run) throws Exception {
    boolean outcome = nodeFaults ? nodesRejoined() : Objects.equals(run.finalModel(), reference().finalModel());
    return run.completed() && run.updates().lost() == 0 && run.audit().valid() && outcome;
  }

  /** Every site connected again within a minute. */
  boolean nodesRejoined() {
    try {
      federation.awaitConnected(new LinkedHashSet<>(DemoCommand.SITES), Duration.ofMinutes(1), connected -> {});
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * {@code count} node faults, one per run, cycling through the phases where sites work and, every
   * round of phases, through the kinds of fault (kill -9, disconnect, freeze past the deadline),
   * each hitting the next site.
   */
  List<FaultRun.Fault> nodeFaults(int count, long seed, Duration maxDelay) {
    List<ExperimentPhase> phases = PHASES.stream().filter(phase -> phase != ExperimentPhase.CREATED).toList();
    SplittableRandom random = new SplittableRandom(seed);
    List<FaultRun.Fault> faults = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ExperimentPhase phase = phases.get(i % phases.size());
      String site = DemoCommand.SITES.get(i % DemoCommand.SITES.size());
      Duration delay = Duration.ofMillis(random.nextLong(maxDelay.toMillis() + 1));
      faults.add(switch ((i / phases.size()) % 3) {
        case 0 -> FaultRun.Fault.nodeKill(federation, site, phase, delay);
        case 1 -> FaultRun.Fault.nodeDisconnect(federation, site, phase, delay);
        default -> FaultRun.Fault.nodeFreeze(federation, site, phase, delay,
            Duration.ofSeconds(NODE_FAULT_DEADLINE_SECONDS + 10));
      });
    }
    return faults;
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
   * Two rounds of one epoch at 32 px with local baselines; for coordinator faults every site is
   * required (minNodes 3), so that a restart cannot change who takes part.
   */
  private ExperimentConfig experiment(String name) {
    return new ExperimentConfig("fault suite: " + name,
        new ExperimentConfig.ModelConfig("small-cnn", 32, 1, 42L),
        new ExperimentConfig.LocalTraining(1, 16, "adam", 0.002, 0.0, true, true, 7L, 40.0, 400.0, null, null, null, null, null, null, null),
        new ExperimentConfig.StrategyConfig("fedavg", Map.of()),
        2, nodeFaults ? 2 : DemoCommand.SITES.size(), 1.0, nodeFaults ? NODE_FAULT_DEADLINE_SECONDS : 600,
        null, null, true, DemoCommand.SITES);
  }

  @Override
  public void close() throws InterruptedException {
    federation.close();
  }
}
