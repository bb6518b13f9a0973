package org.oncofed.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.experiment.ExperimentService;
import org.oncofed.coordinator.plan.ExperimentPlan;

/**
 * Pretrained weights of the largest catalogue model reach the experiment through the real REST
 * endpoint with the server's default limits: the upload is streamed, so a body larger than the
 * framework's buffer (resnet-lite's 11 MB vector) is accepted rather than answered 413.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PretrainedUploadTest {

  private static final String RESNET_CONFIG = """
      {"name": "transfer", "model": {"architecture": "resnet-lite", "inputSize": 64},
       "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.001}, "rounds": 1, "minNodes": 1}""";

  private RunningCoordinator coordinator;
  private Credential rita;

  @BeforeAll
  void startCoordinator(@TempDir Path dir) {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    rita = pki.addUser("rita", Role.RESEARCHER);
    coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
  }

  @AfterAll
  void stopCoordinator() {
    coordinator.close();
  }

  @Test
  void resnetLiteWeightsBecomeTheInitialModel() throws Exception {
    String id = CanonicalJson.parse(coordinator.post(rita, "/api/experiments", RESNET_CONFIG).body())
        .path("id").asText();
    ExperimentPlan plan = ExperimentPlan.of(id,
        coordinator.context().getBean(ExperimentService.class).require(id).configJson());
    byte[] weights = randomVector(ModelCatalogue.standard().parameterCount(plan.spec()));

    HttpResponse<String> response = coordinator.send(rita, "PUT", "/api/experiments/" + id + "/initial-model",
        "application/octet-stream", weights);

    assertThat(weights.length).isGreaterThan(10 << 20);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode experiment = CanonicalJson.parse(response.body());
    assertThat(experiment.path("initialModel").asText()).isEqualTo(Sha256.hex(weights));
  }

  private static byte[] randomVector(long parameters) {
    ByteBuffer vector = ByteBuffer.allocate(Math.toIntExact(parameters * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
    SplittableRandom random = new SplittableRandom(3);
    while (vector.hasRemaining()) {
      vector.putFloat((float) random.nextGaussian() * 0.05f);
    }
    return vector.array();
  }
}
