package org.oncofed.coordinator.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.coordinator.FakeSite;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.proto.federation.v1.CancelTask;
import org.oncofed.proto.federation.v1.TrainTask;

/**
 * A site that misses the deadline is told to stop at once, and told again whenever it says it is
 * still working on the stale task (a node frozen past the deadline), so the next round never
 * waits behind it.
 */
class StaleTaskTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void expiredTaskIsCancelledAtTheSiteAndAgainWhileTheSiteStillWorksOnIt(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rhea", Role.RESEARCHER);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"),
            Map.of("oncofed.federation.heartbeat-timeout", "60s"));
        FakeSite alpha = new FakeSite(coordinator, pki.addSite("alpha"))) {
      String config = """
          {"name": "stale", "model": {"architecture": "small-cnn", "inputSize": 32},
           "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.01},
           "rounds": 2, "minNodes": 1, "roundDeadlineSeconds": 10, "localBaselines": false}""";
      String id = CanonicalJson.parse(coordinator.post(researcher, "/api/experiments", config).body())
          .path("id").asText();
      coordinator.post(researcher, "/api/experiments/" + id + "/start", "");

      TrainTask first = alpha.nextTrainTask(WAIT);
      CancelTask atDeadline = alpha.nextCancel(WAIT);
      assertThat(atDeadline.getTaskId()).isEqualTo(first.getTaskId());
      assertThat(atDeadline.getReason()).startsWith("no result before the deadline");

      alpha.stillTraining(first.getTaskId());
      CancelTask again = alpha.nextCancel(WAIT);
      assertThat(again.getTaskId()).isEqualTo(first.getTaskId());
      assertThat(again.getReason()).isEqualTo("task is no longer open (expired: " + atDeadline.getReason() + ")");
    }
  }
}
