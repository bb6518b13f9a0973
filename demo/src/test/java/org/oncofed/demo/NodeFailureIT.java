package org.oncofed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentView;
import org.oncofed.api.RoundView;
import org.oncofed.client.rest.CoordinatorApiClient;

/** A hospital node killed in the middle of a round does not stall the federation: the others carry on. */
class NodeFailureIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Test
  @Timeout(600)
  void roundCompletesWithTheRemainingSitesWhenANodeIsKilledMidRound(@TempDir Path work) throws Exception {
    try (LocalFederation federation = LocalFederation.create(OncofedHome.locate(), work.resolve("federation"))) {
      for (SyntheticHospitals.Hospital hospital : SyntheticHospitals.threeSites(0.1)) {
        SyntheticHospitals.prepare(hospital, federation.work().resolve("archives"), federation.nodeDataDir(hospital.site()));
      }
      federation.startCoordinator(TIMEOUT);
      for (String site : DemoCommand.SITES) {
        federation.startNode(site);
      }
      federation.awaitConnected(Set.copyOf(DemoCommand.SITES), TIMEOUT, connected -> {});
      CoordinatorApiClient api = federation.api();
      ExperimentView experiment = api.createExperiment(new ExperimentConfig("node failure",
          new ExperimentConfig.ModelConfig("small-cnn", 32, 1, 1L),
          new ExperimentConfig.LocalTraining(3, 8, "adam", 0.001, 0.0, true, false, 1L, 40.0, 400.0, null, null, null, null, null, null, null),
          null, 2, 2, 1.0, 300, null, null, false, DemoCommand.SITES));
      api.startExperiment(experiment.id());

      awaitTrainingUnderway(api, experiment.id(), "lakeside", TIMEOUT);
      federation.killNode("lakeside");
      ExperimentView finished = new ExperimentWatcher(api, new Console(System.out))
          .watch(experiment.id(), TIMEOUT, () -> {});

      assertThat(finished.status()).isEqualTo("COMPLETED");
      RoundView first = finished.roundDetails().get(0);
      assertThat(first.status()).isEqualTo("aggregated");
      Map<String, RoundView.ParticipantView> bySite = new java.util.HashMap<>();
      first.participants().forEach(p -> bySite.put(p.site(), p));
      assertThat(bySite.get("lakeside").status()).isEqualTo("failed");
      assertThat(bySite.get("lakeside").reason()).contains("disconnected");
      assertThat(bySite.get("northshore").status()).isEqualTo("completed");
      assertThat(bySite.get("riverside").status()).isEqualTo("completed");
      assertThat(finished.roundDetails().get(1).status()).isEqualTo("aggregated");
      assertThat(finished.roundDetails().get(1).selectedSites()).containsExactly("northshore", "riverside");
    }
  }

  /** Waits until the site reports progress on its first training task, so a fault lands mid-training. */
  static void awaitTrainingUnderway(CoordinatorApiClient api, String id, String site, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean training = api.experiment(id).openTasks().stream()
          .anyMatch(task -> task.site().equals(site) && task.kind().equals("TRAIN") && task.epoch() != null);
      if (training) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(site + " never reported training progress");
  }
}
