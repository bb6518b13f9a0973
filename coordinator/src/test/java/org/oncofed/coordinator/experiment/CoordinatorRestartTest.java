package org.oncofed.coordinator.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.coordinator.FakeSite;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.proto.federation.v1.TrainTask;

/**
 * A coordinator restarted in the middle of a round loses nothing: the updates it had accepted are
 * folded in again from its store, and only the sites that had not answered are asked again.
 */
class CoordinatorRestartTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Map<String, Object> SETTINGS = Map.of("oncofed.federation.heartbeat-timeout", "60s");

  @Test
  void roundResumesWithTheUpdatesAcceptedBeforeTheRestart(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rhea", Role.RESEARCHER);
    Credential alphaCertificate = pki.addSite("alpha");
    Credential bravoCertificate = pki.addSite("bravo");
    Path data = dir.resolve("data");
    String id;
    String alphaUpdate;
    RunningCoordinator coordinator = RunningCoordinator.start(pki, data, SETTINGS);
    FakeSite alpha = new FakeSite(coordinator, alphaCertificate);
    FakeSite bravo = new FakeSite(coordinator, bravoCertificate);
    try {
      id = createAndStart(coordinator, researcher);
      TrainTask task = alpha.nextTrainTask(WAIT);
      bravo.nextTrainTask(WAIT);
      EncodedParameters update = nudged(alpha.fetch(task), 0.5f);
      assertThat(alpha.submit(alpha.header(task, update, 30).build(), update).getAccepted()).isTrue();
      alphaUpdate = update.sha256();
    } finally {
      // The coordinator stops while both sites are still connected, as in a real restart.
      coordinator.close();
      alpha.close();
      bravo.close();
    }

    try (RunningCoordinator restarted = RunningCoordinator.start(pki, data, SETTINGS);
        FakeSite alphaAgain = new FakeSite(restarted, alphaCertificate);
        FakeSite bravoAgain = new FakeSite(restarted, bravoCertificate)) {
      TrainTask again = bravoAgain.nextTrainTask(WAIT);
      EncodedParameters update = nudged(bravoAgain.fetch(again), -0.5f);
      assertThat(bravoAgain.submit(bravoAgain.header(again, update, 30).build(), update).getAccepted()).isTrue();

      JsonNode round = awaitRoundAggregated(restarted, researcher, id);
      assertThat(round.path("participants").findValuesAsText("updateSha256")).contains(alphaUpdate);
      assertThat(round.path("participants").toString()).contains("\"site\":\"alpha\",\"status\":\"completed\"");
      assertThat(round.path("participants").toString()).contains("coordinator restarted");
      // Sample-weighted mean of base + 0.5 and base - 0.5 on the first parameter: back to base.
      float base = restarted.context().getBean(org.oncofed.coordinator.model.ModelStore.class)
          .read(round.path("baseModel").asText()).decode()[0];
      float aggregated = restarted.context().getBean(org.oncofed.coordinator.model.ModelStore.class)
          .read(round.path("newModel").asText()).decode()[0];
      assertThat(aggregated).isCloseTo(base, org.assertj.core.api.Assertions.within(1e-6f));
      assertThat(alphaAgain.hasPendingTrainTask()).isFalse();
    }
  }

  private static JsonNode awaitRoundAggregated(RunningCoordinator coordinator, Credential researcher, String id)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode round = CanonicalJson.parse(coordinator.get(researcher, "/api/experiments/" + id).body())
          .path("roundDetails").path(0);
      if (round.path("status").asText().equals("aggregated")) {
        return round;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("round 1 was not aggregated after the restart");
  }

  private static String createAndStart(RunningCoordinator coordinator, Credential researcher) throws Exception {
    String config = """
        {"name": "restart", "model": {"architecture": "small-cnn", "inputSize": 32},
         "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.01},
         "rounds": 1, "minNodes": 2, "roundDeadlineSeconds": 120, "localBaselines": false}""";
    String id = CanonicalJson.parse(coordinator.post(researcher, "/api/experiments", config).body()).path("id").asText();
    assertThat(coordinator.post(researcher, "/api/experiments/" + id + "/start", "").statusCode()).isEqualTo(200);
    return id;
  }

  private static EncodedParameters nudged(EncodedParameters base, float delta) {
    float[] parameters = base.decode();
    parameters[0] += delta;
    return EncodedParameters.encode(parameters);
  }
}
