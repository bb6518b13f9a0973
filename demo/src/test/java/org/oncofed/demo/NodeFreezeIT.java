package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.RoundView;
import org.oncofed.client.rest.CoordinatorApiClient;

/**
 * A hospital node frozen in the middle of training (a hung host: its connection stays open) past
 * the round's deadline: the round closes with the quorum of the others, the node is told to drop
 * the stale task, and once thawed it stops that training within a minibatch and takes the next
 * round's task in time, instead of finishing the stale one first.
 */
class NodeFreezeIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  @Timeout(600)
  void nodeFrozenPastTheDeadlineDropsItsStaleTaskAndRejoinsTheNextRound(@TempDir Path work) throws Exception {
    try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work.resolve("federation"))) {
      for (SyntheticHospitals.Hospital hospital : SyntheticHospitals.threeSites(0.1)) {
        SyntheticHospitals.prepare(hospital, federation.work().resolve("archives"), federation.nodeDataDir(hospital.site()));
      }
      // Frozen longer than a round's deadline, yet never silent long enough to be disconnected.
      federation.heartbeatTimeout(Duration.ofSeconds(120));
      federation.startCoordinator(TIMEOUT);
      for (String site : DemoCommand.SITES) {
        federation.startNode(site);
      }
      federation.awaitConnected(new LinkedHashSet<>(DemoCommand.SITES), TIMEOUT, connected -> {});
      CoordinatorApiClient api = federation.api();
      ExperimentView experiment = api.createExperiment(new ExperimentConfig("node freeze",
          new ExperimentConfig.ModelConfig("small-cnn", 32, 1, 1L),
          new ExperimentConfig.LocalTraining(2, 8, "adam", 0.001, 0.0, true, false, 1L, 40.0, 400.0, null, null, null, null, null, null, null),
          new ExperimentConfig.StrategyConfig("fedavg", Map.of()), 2, 2, 1.0, 30, null, null, false,
          DemoCommand.SITES));
      api.startExperiment(experiment.id());

      NodeFailureIT.awaitTrainingUnderway(api, experiment.id(), "lakeside", TIMEOUT);
      federation.freezeNode("lakeside");
      // Thawed once round 1 has closed without it, before its connection's keepalive gives up.
      awaitRoundClosed(api, experiment.id(), 1);
      federation.thawNode("lakeside");
      ExperimentView finished = new ExperimentWatcher(api, new Console(System.out))
          .watch(experiment.id(), TIMEOUT, () -> {});

      assertThat(finished.status()).isEqualTo("COMPLETED");
      RoundView first = finished.roundDetails().get(0);
      assertThat(first.status()).isEqualTo("aggregated");
      assertThat(participant(first, "lakeside").status()).isEqualTo("expired");
      RoundView second = finished.roundDetails().get(1);
      assertThat(second.status()).isEqualTo("aggregated");
      assertThat(participant(second, "lakeside").status()).as("the thawed node rejoins").isEqualTo("completed");
      assertThat(Files.readString(work.resolve("federation/logs/node-lakeside.log")))
          .contains("cancelled by the coordinator: no result before the deadline");
    }
  }

  private static RoundView.ParticipantView participant(RoundView round, String site) {
    return round.participants().stream().filter(p -> p.site().equals(site)).findFirst().orElseThrow();
  }

  private static void awaitRoundClosed(CoordinatorApiClient api, String id, int round) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean closed = api.experiment(id).roundDetails().stream()
          .anyMatch(view -> view.round() == round && !view.status().equals("open"));
      if (closed) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("round " + round + " never closed");
  }
}
