package org.oncofed.coordinator.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.coordinator.FakeSite;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.proto.federation.v1.SubmitUpdateResponse;
import org.oncofed.proto.federation.v1.TrainTask;
import org.oncofed.proto.federation.v1.UpdateHeader;

/**
 * The coordinator takes an update only from the site its task was sent to, trained from the
 * task's model, of the model's shape, finite, counted on no more slices than the site registered,
 * intact, and never twice; each refusal names its check, and nothing of a refused update is kept.
 * Each round of this experiment proves one refusal; a refused update fails its round (quorum 1)
 * and the next round sends a fresh task.
 */
class UpdateValidationTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void refusesEveryKindOfBadUpdateAndAggregatesAGoodOne(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rhea", Role.RESEARCHER);
    Credential auditor = pki.addUser("aldo", Role.AUDITOR);
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"),
            Map.of("oncofed.federation.heartbeat-timeout", "60s"));
        FakeSite alpha = new FakeSite(coordinator, pki.addSite("alpha"));
        FakeSite bravo = new FakeSite(coordinator, pki.addSite("bravo"))) {
      String id = createAndStart(coordinator, researcher);

      // Round 1: not a task at all, someone else's task, then the wrong base model.
      TrainTask task = alpha.nextTrainTask(WAIT);
      EncodedParameters trained = nudged(alpha.fetch(task), 0.01f);
      assertRefused(alpha.submit(alpha.header(task, trained, 30).setTaskId("no-such-task").build(), trained),
          "", "unknown task no-such-task");
      assertRefused(bravo.submit(alpha.header(task, trained, 30).build(), trained),
          "", "was not sent to site 'bravo'");
      assertRefused(alpha.submit(alpha.header(task, trained, 30).setBaseModelSha256(Sha256.hex("other")).build(),
          trained), "base_model", "trained from model");

      // Round 2: a vector of the wrong length.
      task = alpha.nextTrainTask(WAIT);
      float[] shorter = java.util.Arrays.copyOf(alpha.fetch(task).decode(), (int) task.getBaseModel().getParameterCount() - 1);
      EncodedParameters wrongShape = EncodedParameters.encode(shorter);
      assertRefused(alpha.submit(alpha.header(task, wrongShape, 30).build(), wrongShape), "shape", "parameters, the model has");

      // Round 3: a value that is not finite.
      task = alpha.nextTrainTask(WAIT);
      float[] poisoned = alpha.fetch(task).decode();
      poisoned[5] = Float.NaN;
      EncodedParameters notFinite = EncodedParameters.encode(poisoned);
      assertRefused(alpha.submit(alpha.header(task, notFinite, 30).build(), notFinite), "finite", "must be finite");

      // Round 4: more samples than the site registered for training.
      task = alpha.nextTrainTask(WAIT);
      trained = nudged(alpha.fetch(task), 0.02f);
      assertRefused(alpha.submit(alpha.header(task, trained, 31).build(), trained),
          "sample_count", "sample count 31 is not between 1 and the 30");

      // Round 5: bytes that do not hash to what the trailer says.
      task = alpha.nextTrainTask(WAIT);
      trained = nudged(alpha.fetch(task), 0.03f);
      assertRefused(alpha.submit(alpha.header(task, trained, 30).build(), trained.toByteArray(), Sha256.hex("x")),
          "transfer", "hash mismatch");

      // Round 6: a good update is accepted and aggregated.
      task = alpha.nextTrainTask(WAIT);
      EncodedParameters good = nudged(alpha.fetch(task), 0.04f);
      SubmitUpdateResponse accepted = alpha.submit(alpha.header(task, good, 30).build(), good);
      assertThat(accepted.getAccepted()).as(accepted.getReason()).isTrue();
      assertThat(accepted.getUpdateSha256()).isEqualTo(good.sha256());

      // Round 7: the same bytes again are a replay.
      task = alpha.nextTrainTask(WAIT);
      UpdateHeader replayHeader = alpha.header(task, good, 30).build();
      assertRefused(alpha.submit(replayHeader, good), "replay", "replayed update");

      JsonNode status = CanonicalJson.parse(coordinator.get(researcher, "/api/experiments/" + id).body());
      List<String> rounds = new ArrayList<>();
      status.path("roundDetails").forEach(round -> rounds.add(round.path("status").asText()));
      assertThat(rounds).startsWith("failed", "failed", "failed", "failed", "failed", "aggregated");
      String trail = coordinator.get(auditor, "/api/audit/events?type=UPDATE_REJECTED&limit=100").body();
      assertThat(trail).contains("trained from model", "must be finite", "replayed update")
          .contains("\"check\":\"base_model\"", "\"check\":\"finite\"", "\"check\":\"replay\"");
      assertThat(trail).doesNotContain("no-such-task");
      ModelStore models = coordinator.context().getBean(ModelStore.class);
      assertThat(models.find(id, notFinite.sha256())).as("a rejected update is not kept").isEmpty();
      assertThat(models.find(id, good.sha256())).as("an accepted update is stored").isPresent();
    }
  }

  private static String createAndStart(RunningCoordinator coordinator, Credential researcher) throws Exception {
    String config = """
        {"name": "validation", "model": {"architecture": "small-cnn", "inputSize": 32},
         "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.01},
         "rounds": 7, "minNodes": 1, "roundDeadlineSeconds": 60, "localBaselines": false, "sites": ["alpha"]}""";
    var created = coordinator.post(researcher, "/api/experiments", config);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = CanonicalJson.parse(created.body()).path("id").asText();
    var started = coordinator.post(researcher, "/api/experiments/" + id + "/start", "");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return id;
  }

  private static EncodedParameters nudged(EncodedParameters base, float delta) {
    float[] parameters = base.decode();
    parameters[0] += delta;
    return EncodedParameters.encode(parameters);
  }

  private static void assertRefused(SubmitUpdateResponse response, String check, String reason) {
    assertThat(response.getAccepted()).isFalse();
    assertThat(response.getReasonCode()).isEqualTo(check);
    assertThat(response.getReason()).contains(reason);
  }
}
