package org.oncofed.coordinator.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.certs.Credential;
import org.oncofed.certs.DevPki;
import org.oncofed.certs.Role;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.tls.PemFiles;
import org.oncofed.common.tls.SignedDocument;
import org.oncofed.coordinator.FakeSite;
import org.oncofed.coordinator.RunningCoordinator;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.proto.federation.v1.TrainTask;

/**
 * A completed experiment's model released through the REST API: the card says what trained it and
 * verifies against the project CA, a changed card does not, the release is in the trail, the model
 * downloads as a DL4J file holding the released parameters, and what may not be released is refused.
 */
class ModelReleaseTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void releasesACompletedExperimentsModelWithASignedCard(@TempDir Path dir) throws Exception {
    DevPki pki = DevPki.init(dir.resolve("pki"), List.of(), false);
    Credential researcher = pki.addUser("rhea", Role.RESEARCHER);
    Credential colleague = pki.addUser("ravi", Role.RESEARCHER);
    Credential auditor = pki.addUser("aldo", Role.AUDITOR);
    Credential alphaCertificate = pki.addSite("alpha");
    X509Certificate ca = PemFiles.readCertificate(pki.caCertificate());
    try (RunningCoordinator coordinator = RunningCoordinator.start(pki, dir.resolve("data"));
        FakeSite alpha = new FakeSite(coordinator, alphaCertificate)) {
      String id = create(coordinator, researcher);
      assertThat(release(coordinator, researcher, id, "{\"name\": \"too early\"}").body())
          .contains("\"field\":\"experiment\"").contains("only a completed experiment's models can be released");
      assertThat(coordinator.post(researcher, "/api/experiments/" + id + "/start", "").statusCode()).isEqualTo(200);
      TrainTask task = alpha.nextTrainTask(WAIT);
      EncodedParameters base = alpha.fetch(task);
      float[] trained = base.decode();
      trained[0] += 0.25f;
      EncodedParameters update = EncodedParameters.encode(trained);
      assertThat(alpha.submit(alpha.header(task, update, 30).build(), update).getAccepted()).isTrue();
      assertThat(alpha.evaluatePerfectly(alpha.nextEvaluateTask(WAIT)).getAccepted()).isTrue();
      assertThat(alpha.evaluatePerfectly(alpha.nextEvaluateTask(WAIT)).getAccepted()).isTrue();
      awaitCompleted(coordinator, researcher, id);

      assertThat(release(coordinator, colleague, id, "{\"name\": \"not mine\"}").statusCode()).isEqualTo(403);
      assertThat(release(coordinator, researcher, id, "{\"name\": \"x\", \"model\": \"" + "0".repeat(64) + "\"}").body())
          .contains("\"field\":\"model\"").contains("is not a global model of experiment");
      HttpResponse<String> released = release(coordinator, researcher, id, "{\"name\": \"nodule classifier v1\"}");
      assertThat(released.statusCode()).as(released.body()).isEqualTo(201);
      JsonNode view = CanonicalJson.parse(released.body());
      JsonNode card = view.path("card");
      String model = card.path("modelSha256").asText();
      assertThat(card.path("round").asInt()).isEqualTo(1);
      assertThat(card.path("lineage").findValuesAsText("modelSha256")).hasSize(2).endsWith(model);
      assertThat(card.path("lineage").path(1).path("sites").toString()).isEqualTo("[\"alpha\"]");
      assertThat(card.path("sites").path(0).path("site").asText()).isEqualTo("alpha");
      assertThat(card.path("sites").path(0).path("datasetFingerprint").asText()).isEqualTo(Sha256.hex("alpha"));
      assertThat(card.path("sites").path(0).path("trainingClassCounts").toString()).isEqualTo("[10,10,10]");
      assertThat(card.path("test").path("accuracy").asDouble()).isEqualTo(1.0);
      assertThat(card.path("releasedBy").asText()).isEqualTo("rhea");

      SignedDocument signed = new SignedDocument(view.path("cardJson").asText(),
          Base64.getDecoder().decode(view.path("signature").asText()), view.path("signerCertificatePem").asText());
      Instant releasedAt = Instant.parse(card.path("releasedAt").asText());
      assertThat(signed.verify(ca, releasedAt, org.oncofed.common.tls.Role.COORDINATOR).role())
          .isEqualTo(org.oncofed.common.tls.Role.COORDINATOR);
      SignedDocument altered = new SignedDocument(signed.payload().replace("nodule classifier v1", "nodule classifier v2"),
          signed.signature(), signed.certificatePem());
      assertThatThrownBy(() -> altered.verify(ca, releasedAt, org.oncofed.common.tls.Role.COORDINATOR))
          .isInstanceOf(CertificateException.class).hasMessageContaining("signature does not verify");

      assertThat(release(coordinator, researcher, id, "{\"name\": \"again\"}").body())
          .contains("was already released as 'nodule classifier v1'");
      String releaseId = view.path("id").asText();
      assertThat(coordinator.get(auditor, "/api/releases").body()).contains(releaseId);
      assertThat(release(coordinator, auditor, id, "{\"name\": \"auditors do not release\"}").statusCode()).isEqualTo(403);
      JsonNode events = CanonicalJson.parse(coordinator.get(auditor, "/api/audit/events?type=MODEL_RELEASED").body());
      assertThat(events.path("events")).hasSize(1);
      assertThat(events.path("events").path(0).path("details").path("releaseId").asText()).isEqualTo(releaseId);

      HttpResponse<byte[]> dl4j = coordinator.httpClient(researcher).send(HttpRequest.newBuilder(
              URI.create("https://localhost:" + coordinator.httpsPort() + "/api/releases/" + releaseId + "/dl4j")).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(dl4j.statusCode()).isEqualTo(200);
      ComputationGraph network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(dl4j.body()), false);
      float[] stored = coordinator.context().getBean(ModelStore.class).read(model).decode();
      assertThat(network.params().toFloatVector()).containsExactly(stored);
    }
  }

  private static String create(RunningCoordinator coordinator, Credential researcher) throws Exception {
    String config = """
        {"name": "release", "model": {"architecture": "small-cnn", "inputSize": 32},
         "training": {"epochs": 1, "batchSize": 8, "learningRate": 0.01},
         "rounds": 1, "minNodes": 1, "roundDeadlineSeconds": 120, "localBaselines": false}""";
    return CanonicalJson.parse(coordinator.post(researcher, "/api/experiments", config).body()).path("id").asText();
  }

  private static HttpResponse<String> release(RunningCoordinator coordinator, Credential caller, String id, String json)
      throws Exception {
    return coordinator.post(caller, "/api/experiments/" + id + "/releases", json);
  }

  private static void awaitCompleted(RunningCoordinator coordinator, Credential researcher, String id) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (CanonicalJson.parse(coordinator.get(researcher, "/api/experiments/" + id).body())
          .path("status").asText().equals("COMPLETED")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("experiment " + id + " did not complete");
  }
}
