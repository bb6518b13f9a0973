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
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.EvaluateTask;
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

  @Test
  void roundAggregatedBeforeARestartIsValidatedAfterItAndNotRunAgain(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rhea", Role.RESEARCHER);
    Credential auditor = pki.addUser("aldo", Role.AUDITOR);
    Credential alphaCertificate = pki.addSite("alpha");
    Path data = dir.resolve("data");
    String id;
    RunningCoordinator coordinator = RunningCoordinator.start(pki, data, SETTINGS);
    FakeSite site = new FakeSite(coordinator, alphaCertificate);
    try {
      id = createAndStart(coordinator, researcher, 2, null);
      train(site, 0.1f);
      EvaluateTask validation = site.nextEvaluateTask(WAIT);
      assertThat(validation.getRound()).isEqualTo(1);
    } finally {
      // The coordinator stops before the round's validation is answered, the site still connected.
      coordinator.close();
      site.close();
    }

    try (RunningCoordinator restarted = RunningCoordinator.start(pki, data, SETTINGS);
        FakeSite alpha = new FakeSite(restarted, alphaCertificate)) {
      EvaluateTask again = alpha.nextEvaluateTask(WAIT);
      assertThat(again.getRound()).as("round 1 is validated, not run again").isEqualTo(1);
      assertThat(again.getSplit()).isEqualTo(DataSplit.DATA_SPLIT_VALIDATION);
      assertThat(alpha.evaluatePerfectly(again).getAccepted()).isTrue();
      TrainTask second = alpha.nextTrainTask(WAIT);
      assertThat(second.getRound()).isEqualTo(2);
      JsonNode status = CanonicalJson.parse(restarted.get(researcher, "/api/experiments/" + id).body());
      assertThat(status.path("roundDetails").path(0).path("validation").path("accuracy").asDouble()).isEqualTo(1.0);
      assertThat(status.path("bestRound").asInt()).isEqualTo(1);
      String trail = restarted.get(auditor, "/api/audit/events?type=ROUND_AGGREGATED&limit=100").body();
      assertThat(CanonicalJson.parse(trail).path("events")).hasSize(1);
    }
  }

  @Test
  void earlyStoppingDecidedBeforeARestartHoldsAfterIt(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rhea", Role.RESEARCHER);
    Credential alphaCertificate = pki.addSite("alpha");
    Path data = dir.resolve("data");
    String id;
    RunningCoordinator coordinator = RunningCoordinator.start(pki, data, SETTINGS);
    FakeSite site = new FakeSite(coordinator, alphaCertificate);
    try {
      id = createAndStart(coordinator, researcher, 3, "{\"metric\": \"accuracy\", \"patience\": 1}");
      for (int round = 1; round <= 2; round++) {
        train(site, 0.1f * round);
        assertThat(site.evaluatePerfectly(site.nextEvaluateTask(WAIT)).getAccepted()).isTrue();
      }
      // Round 2 did not improve on round 1: the final test evaluation is under way when the coordinator stops.
      EvaluateTask test = site.nextEvaluateTask(WAIT);
      assertThat(test.getSplit()).isEqualTo(DataSplit.DATA_SPLIT_TEST);
    } finally {
      coordinator.close();
      site.close();
    }

    try (RunningCoordinator restarted = RunningCoordinator.start(pki, data, SETTINGS);
        FakeSite alpha = new FakeSite(restarted, alphaCertificate)) {
      EvaluateTask test = alpha.nextEvaluateTask(WAIT);
      assertThat(test.getSplit()).as("no third round: the final test resumes").isEqualTo(DataSplit.DATA_SPLIT_TEST);
      assertThat(alpha.evaluatePerfectly(test).getAccepted()).isTrue();
      JsonNode finished = awaitStatus(restarted, researcher, id, "COMPLETED");
      assertThat(finished.path("roundDetails")).hasSize(2);
      assertThat(finished.path("bestRound").asInt()).isEqualTo(1);
      assertThat(finished.path("results").path("federated").path("testBySite").path("alpha").path("examples").asLong())
          .as("one test evaluation, not one per attempt").isEqualTo(30);
    }
  }

  /** Trains the next task and uploads the global model nudged by {@code delta}. */
  private static void train(FakeSite site, float delta) throws Exception {
    TrainTask task = site.nextTrainTask(WAIT);
    EncodedParameters update = nudged(site.fetch(task), delta);
    assertThat(site.submit(site.header(task, update, 30).build(), update).getAccepted()).isTrue();
  }

  private static JsonNode awaitStatus(RunningCoordinator coordinator, Credential researcher, String id, String status)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode experiment = CanonicalJson.parse(coordinator.get(researcher, "/api/experiments/" + id).body());
      if (experiment.path("status").asText().equals(status)) {
        return experiment;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("experiment " + id + " did not reach " + status);
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
    return start(coordinator, researcher, config);
  }

  private static String createAndStart(RunningCoordinator coordinator, Credential researcher, int rounds,
      String earlyStopping) throws Exception {
    String config = """
        {"name": "restart", "model": {"architecture": "small-cnn", "inputSize": 32},
         "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.01},
         "rounds": %d, "minNodes": 1, "roundDeadlineSeconds": 120, "localBaselines": false,
         "earlyStopping": %s}""".formatted(rounds, earlyStopping == null ? "null" : earlyStopping);
    return start(coordinator, researcher, config);
  }

  private static String start(RunningCoordinator coordinator, Credential researcher, String config) throws Exception {
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
